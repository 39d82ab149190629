package org.credence.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.credence.customer.CustomerDraft;
import org.credence.customer.CustomerStatus;
import org.credence.customer.OwnershipType;
import org.credence.customer.Uscc;
import org.credence.identity.Role;

/**
 * The demo portfolio as plain data, the same for the same seed: the credit department's
 * users, about 240 customers of a building-materials and industrial-goods supplier spread
 * over industries and provinces, some in groups, a few blacklisted.
 */
final class DemoPlan {

	static final long SEED = 20260105L;

	/** The demo users: user name, display name, role. */
	static final List<DemoUser> USERS = List.of(new DemoUser("wang.fang", "王芳", Role.SALES),
			new DemoUser("li.na", "李娜", Role.SALES), new DemoUser("zhang.wei", "张伟", Role.SALES),
			new DemoUser("chen.jing", "陈静", Role.SALES), new DemoUser("liu.yang", "刘洋", Role.CREDIT_ANALYST),
			new DemoUser("zhao.lei", "赵磊", Role.CREDIT_ANALYST), new DemoUser("sun.li", "孙丽", Role.CREDIT_MANAGER),
			new DemoUser("zhou.min", "周敏", Role.COMMITTEE_MEMBER), new DemoUser("wu.gang", "吴刚", Role.COMMITTEE_MEMBER),
			new DemoUser("zheng.hua", "郑华", Role.COMMITTEE_MEMBER), new DemoUser("qian.hong", "钱红", Role.COLLECTOR),
			new DemoUser("he.ping", "何平", Role.FINANCE), new DemoUser("lin.xue", "林雪", Role.AUDITOR));

	private static final String[] SALES = { "wang.fang", "li.na", "zhang.wei", "chen.jing" };

	private static final String[] ANALYSTS = { "liu.yang", "zhao.lei" };

	/**
	 * Cities with their province and the 6-digit administrative division code used in
	 * USCCs.
	 */
	private static final City[] CITIES = { new City("上海", "CN-SH", "310000"), new City("苏州", "CN-JS", "320500"),
			new City("南京", "CN-JS", "320100"), new City("无锡", "CN-JS", "320200"), new City("杭州", "CN-ZJ", "330100"),
			new City("宁波", "CN-ZJ", "330200"), new City("温州", "CN-ZJ", "330300"), new City("合肥", "CN-AH", "340100"),
			new City("北京", "CN-BJ", "110000"), new City("天津", "CN-TJ", "120000"), new City("石家庄", "CN-HE", "130100"),
			new City("济南", "CN-SD", "370100"), new City("青岛", "CN-SD", "370200"), new City("广州", "CN-GD", "440100"),
			new City("深圳", "CN-GD", "440300"), new City("佛山", "CN-GD", "440600"), new City("东莞", "CN-GD", "441900"),
			new City("厦门", "CN-FJ", "350200"), new City("福州", "CN-FJ", "350100"), new City("武汉", "CN-HB", "420100"),
			new City("长沙", "CN-HN", "430100"), new City("郑州", "CN-HA", "410100"), new City("成都", "CN-SC", "510100"),
			new City("重庆", "CN-CQ", "500000"), new City("西安", "CN-SN", "610100"), new City("沈阳", "CN-LN", "210100"),
			new City("大连", "CN-LN", "210200"), new City("昆明", "CN-YN", "530100"), new City("南宁", "CN-GX", "450100"),
			new City("南昌", "CN-JX", "360100"), new City("太原", "CN-SX", "140100"), new City("贵阳", "CN-GZ", "520100"),
			new City("乌鲁木齐", "CN-XJ", "650100"), new City("哈尔滨", "CN-HL", "230100"),
			new City("海口", "CN-HI", "460100") };

	private static final String[] NAME_WORDS = { "恒通", "鑫达", "华盛", "宏远", "金泰", "永信", "中联", "瑞丰", "天成", "博远", "新世纪",
			"东方", "正大", "顺发", "凯旋", "长江", "海诚", "嘉禾", "盛世", "利民", "德邦", "通利", "鼎盛", "汇丰源", "光明", "万隆", "兴业", "安泰", "宝华",
			"富华", "协力", "合众", "卓越", "远航", "锦程", "同创", "华瑞", "中实", "建恒", "美达" };

	/** Industry letter, the trade words that fit it, and the company suffix. */
	private static final Trade[] TRADES = { new Trade("C", "精密建材", "有限公司"), new Trade("C", "机械制造", "有限公司"),
			new Trade("C", "电子科技", "股份有限公司"), new Trade("C", "新材料", "有限公司"), new Trade("C", "汽车零部件", "有限公司"),
			new Trade("C", "化工", "有限公司"), new Trade("C", "钢结构", "有限公司"), new Trade("C", "塑胶制品", "有限公司"),
			new Trade("E", "建设工程", "有限公司"), new Trade("E", "建筑安装", "有限公司"), new Trade("E", "市政工程", "有限公司"),
			new Trade("F", "商贸", "有限公司"), new Trade("F", "建材贸易", "有限公司"), new Trade("F", "五金机电", "有限公司"),
			new Trade("F", "供应链管理", "有限公司"), new Trade("G", "物流", "有限公司"), new Trade("G", "国际货运代理", "有限公司"),
			new Trade("D", "能源", "有限公司"), new Trade("D", "燃气", "有限公司"), new Trade("K", "置业", "有限公司"),
			new Trade("K", "房地产开发", "有限公司"), new Trade("I", "信息技术", "有限公司"), new Trade("L", "工程咨询", "有限公司"),
			new Trade("M", "检测技术", "有限公司"), new Trade("B", "矿业", "有限公司"), new Trade("A", "农业发展", "有限公司"),
			new Trade("N", "环保科技", "有限公司"), new Trade("H", "酒店管理", "有限公司"), new Trade("Q", "医疗器械", "有限公司"),
			new Trade("R", "文化传媒", "有限公司") };

	private static final String[] GROUP_NAMES = { "中建材", "华东建工", "远大", "金隅", "海螺", "东方雨虹", "三一重工", "美的", "中联重科", "万科",
			"碧桂园", "中铁" };

	private static final String[] TAGS = { "战略客户", "重点客户", "新客户", "出口业务", "政府项目", "工程渠道", "经销商", "年度框架协议" };

	private DemoPlan() {
	}

	static List<CustomerDraft> customers(int count) {
		Random random = new Random(SEED);
		List<CustomerDraft> customers = new ArrayList<>(count);
		customers.add(new CustomerDraft("HD-0001", "华东精密建材有限公司", "华东精密", uscc(random, "310000"), "CN", "CN-SH", "C",
				new BigDecimal("50000000"), "CNY", LocalDate.of(2006, 4, 12), 420, OwnershipType.PRIVATE, null, null,
				"wang.fang", "liu.yang", CustomerStatus.ACTIVE, Set.of("重点客户")));
		Set<String> names = new LinkedHashSet<>();
		names.add("华东精密建材有限公司");
		int groupMembersLeft = 0;
		String groupCode = null;
		String groupName = null;
		int group = 0;
		for (int i = 2; customers.size() < count; i++) {
			City city = CITIES[random.nextInt(CITIES.length)];
			Trade trade = TRADES[random.nextInt(TRADES.length)];
			String word = NAME_WORDS[random.nextInt(NAME_WORDS.length)];
			String name = city.name() + word + trade.words() + trade.suffix();
			if (!names.add(name)) {
				continue;
			}
			if (groupMembersLeft == 0 && group < GROUP_NAMES.length && random.nextInt(10) == 0) {
				groupMembersLeft = 2 + random.nextInt(5);
				groupCode = String.format("GRP-%02d", group + 1);
				groupName = GROUP_NAMES[group] + "集团有限公司";
				group++;
			}
			String memberOf = null;
			String memberGroupName = null;
			if (groupMembersLeft > 0) {
				memberOf = groupCode;
				memberGroupName = groupName;
				groupMembersLeft--;
			}
			String prefix = switch (trade.industry()) {
				case "E" -> "JZ";
				case "F" -> "SM";
				case "G" -> "WL";
				default -> "KH";
			};
			String code = String.format("%s-%04d", prefix, 1000 + i);
			int statusRoll = random.nextInt(100);
			CustomerStatus status = statusRoll < 72 ? CustomerStatus.ACTIVE : statusRoll < 86 ? CustomerStatus.PROSPECT
					: statusRoll < 94 ? CustomerStatus.SUSPENDED : CustomerStatus.CLOSED;
			OwnershipType ownership = switch (random.nextInt(10)) {
				case 0, 1 -> OwnershipType.STATE_OWNED;
				case 2 -> OwnershipType.FOREIGN;
				case 3 -> OwnershipType.JOINT_VENTURE;
				case 4 -> OwnershipType.LISTED;
				default -> OwnershipType.PRIVATE;
			};
			// registered capital: 1 to 500 million yuan, most companies small
			long capitalWan = Math.round(Math.pow(10, 2 + random.nextDouble() * 2.7)) * 10;
			Set<String> tags = new LinkedHashSet<>();
			if (random.nextInt(4) == 0) {
				tags.add(TAGS[random.nextInt(TAGS.length)]);
			}
			if (ownership == OwnershipType.STATE_OWNED && random.nextBoolean()) {
				tags.add("政府项目");
			}
			customers.add(new CustomerDraft(code, name, city.name() + word, uscc(random, city.divisionCode()), "CN",
					city.province(), trade.industry(), BigDecimal.valueOf(capitalWan * 10_000L), "CNY",
					LocalDate.of(1993 + random.nextInt(30), 1 + random.nextInt(12), 1 + random.nextInt(28)),
					15 + random.nextInt(random.nextInt(5) == 0 ? 3000 : 400), ownership, memberOf, memberGroupName,
					SALES[random.nextInt(SALES.length)], ANALYSTS[random.nextInt(ANALYSTS.length)], status, tags));
		}
		return customers;
	}

	/**
	 * Customers that are blacklisted in the demo, with the reason a credit manager would
	 * write.
	 */
	static List<DemoBlacklisting> blacklistings(List<CustomerDraft> customers) {
		List<DemoBlacklisting> blacklistings = new ArrayList<>();
		String[][] reasons = { { "法院失信被执行人（最高人民法院公示）", "(2025)苏0508执3312号" }, { "恶意拖欠货款超过 365 天，已提起诉讼", "律师函及起诉状" },
				{ "提供虚假财务报表", "审计报告与税务申报数据不符" }, { "实际控制人失联，经营异常", "企业信用信息公示系统：经营异常名录" } };
		int next = 0;
		for (CustomerDraft customer : customers) {
			if (customer.status() == CustomerStatus.SUSPENDED && next < reasons.length) {
				blacklistings.add(new DemoBlacklisting(customer.code(), reasons[next][0], reasons[next][1]));
				next++;
			}
		}
		return blacklistings;
	}

	/** A valid USCC for an enterprise (91) registered in the given division. */
	static String uscc(Random random, String divisionCode) {
		String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
		StringBuilder code = new StringBuilder("91").append(divisionCode);
		for (int i = 0; i < 9; i++) {
			code.append(i < 2 && random.nextBoolean() ? alphabet.charAt(10 + random.nextInt(21))
					: alphabet.charAt(random.nextInt(10)));
		}
		return code.append(Uscc.checkCharacter(code.toString())).toString();
	}

	record DemoUser(String username, String displayName, Role role) {
	}

	record DemoBlacklisting(String customerCode, String reason, String evidence) {
	}

	private record City(String name, String province, String divisionCode) {
	}

	private record Trade(String industry, String words, String suffix) {
	}

}
