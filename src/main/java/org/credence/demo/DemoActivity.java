package org.credence.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.credence.customer.communication.Channel;
import org.credence.customer.communication.CommunicationDraft;
import org.credence.customer.contact.ContactDraft;
import org.credence.customer.report.ExternalReportDraft;
import org.credence.customer.report.FeedbackDraft;
import org.credence.customer.report.FeedbackSource;
import org.credence.customer.report.PaymentExperience;
import org.credence.shared.Money;

/**
 * What a credit department knows about each demo customer beyond its registration:
 * contact persons with their consent, the communication log of the last eighteen months,
 * external credit reports and supplier feedback. The same for the same customer and day.
 */
final class DemoActivity {

	private static final String[] FAMILY = { "李", "王", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡",
			"郭", "何", "林", "罗", "高" };

	private static final String[] FAMILY_PINYIN = { "li", "wang", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu",
			"zhou", "xu", "sun", "ma", "zhu", "hu", "guo", "he", "lin", "luo", "gao" };

	private static final String[] GIVEN = { "明", "静", "强", "敏", "伟", "丽", "军", "芳", "磊", "洁", "涛", "艳", "斌", "娟", "勇",
			"霞" };

	private static final String[] GIVEN_PINYIN = { "ming", "jing", "qiang", "min", "wei", "li", "jun", "fang", "lei",
			"jie", "tao", "yan", "bin", "juan", "yong", "xia" };

	private static final String[] TITLES = { "财务总监", "财务经理", "采购经理", "总经理", "出纳", "应付会计", "采购总监" };

	private static final String[][] NOTES = { { "CALL", "电话确认本月对账单，客户财务无异议，预计月底前付款。" },
			{ "VISIT", "上门拜访，了解新项目进展，客户计划下季度增加采购量。" }, { "EMAIL", "发送对账函，客户回复确认应收余额。" },
			{ "CALL", "客户反映资金周转紧张，申请将账期延长 15 天，已告知需走授信审批。" }, { "MEETING", "年度合作洽谈，讨论框架协议续签及信用额度调整。" },
			{ "CALL", "催收逾期款项，客户承诺本周内支付部分款项。" }, { "VISIT", "实地考察生产经营情况，厂区开工正常，库存充足。" },
			{ "EMAIL", "索取最新年度审计报告，客户承诺两周内提供。" }, { "CALL", "核实开票信息变更，已更新。" },
			{ "MEETING", "与客户财务总监会谈，了解其银行授信及融资情况。" } };

	private static final String[][] AGENCIES = { { "中诚信征信", "AA" }, { "企查查", "B+" }, { "邓白氏", "3A2" }, { "天眼查", "良好" },
			{ "大公国际", "A+" } };

	private static final String[] SUPPLIERS = { "上海宝钢物流有限公司", "江苏恒力化纤股份有限公司", "浙江正泰电器股份有限公司", "中国联塑集团", "广东坚美铝型材厂" };

	private DemoActivity() {
	}

	static List<ContactDraft> contacts(int index, String companyDomain, LocalDate consentOn) {
		Random random = new Random(DemoPlan.SEED * 31 + index);
		int count = 1 + random.nextInt(3);
		List<ContactDraft> contacts = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			int family = random.nextInt(FAMILY.length);
			int given = random.nextInt(GIVEN.length);
			String phone = "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
			ContactDraft contact = ContactDraft.of(FAMILY[family] + GIVEN[given])
				.withTitle(TITLES[i == 0 ? 0 : random.nextInt(TITLES.length)])
				.withPhone(phone)
				.withEmail(GIVEN_PINYIN[given] + "." + FAMILY_PINYIN[family] + "@" + companyDomain)
				.withConsent(consentOn, "信用评估及账户管理");
			contacts.add(i == 0 ? contact.asPrimary() : contact);
		}
		return contacts;
	}

	/** The contact of the scenario's customer HD-0001: 李明, 财务总监. */
	static ContactDraft scenarioContact(LocalDate consentOn) {
		return ContactDraft.of("李明")
			.withTitle("财务总监")
			.withPhone("13812345678")
			.withEmail("li.ming@hdjm.com.cn")
			.asPrimary()
			.withConsent(consentOn, "信用评估及账户管理");
	}

	static List<CommunicationDraft> communications(int index, LocalDate today) {
		Random random = new Random(DemoPlan.SEED * 37 + index);
		int count = random.nextInt(5);
		List<CommunicationDraft> log = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			String[] note = NOTES[random.nextInt(NOTES.length)];
			LocalDate on = today.minusDays(1 + random.nextInt(540));
			CommunicationDraft entry = CommunicationDraft.of(on, Channel.valueOf(note[0]), note[1]);
			log.add(random.nextInt(3) == 0 ? entry.followUpOn(on.plusDays(14 + random.nextInt(30))) : entry);
		}
		return log;
	}

	static List<ExternalReportDraft> reports(int index, LocalDate today) {
		Random random = new Random(DemoPlan.SEED * 41 + index);
		if (random.nextInt(3) == 0) {
			return List.of();
		}
		String[] agency = AGENCIES[random.nextInt(AGENCIES.length)];
		int lawsuits = random.nextInt(10) < 7 ? 0 : 1 + random.nextInt(6);
		return List.of(ExternalReportDraft.of(agency[0], today.minusDays(30 + random.nextInt(300)))
			.withScore(BigDecimal.valueOf(450 + random.nextInt(400)), agency[1])
			.withLawsuits(lawsuits)
			.withSummary(lawsuits == 0 ? "无重大诉讼，工商登记信息正常，近两年无行政处罚。"
					: "存在 " + lawsuits + " 起买卖合同纠纷诉讼，涉案金额合计约 " + (20 + random.nextInt(300)) + " 万元。"));
	}

	static List<FeedbackDraft> feedback(int index, LocalDate today) {
		Random random = new Random(DemoPlan.SEED * 43 + index);
		if (random.nextInt(4) != 0) {
			return List.of();
		}
		PaymentExperience experience = PaymentExperience.values()[Math.min(random.nextInt(5),
				PaymentExperience.values().length - 1)];
		return List.of(FeedbackDraft
			.of(FeedbackSource.SUPPLIER, SUPPLIERS[random.nextInt(SUPPLIERS.length)],
					today.minusDays(10 + random.nextInt(200)), experience)
			.withCreditAmount(Money.of(BigDecimal.valueOf((5 + random.nextInt(200)) * 10_000L), "CNY"))
			.withComment(switch (experience) {
				case PROMPT -> "合作三年，付款及时。";
				case SLOW -> "通常逾期 15–30 天付款。";
				case VERY_SLOW -> "经常逾期 60 天以上，需多次催收。";
				default -> "曾发生坏账，已停止赊销。";
			}));
	}

}
