package org.credence.customer;

import java.util.Locale;
import java.util.Optional;

/**
 * The provincial-level divisions of China with their ISO 3166-2:CN codes, so a region is
 * stored once and shown in the reader's language. Other countries' regions are kept as
 * free text.
 */
public enum Province {

	BJ("北京", "Beijing"), TJ("天津", "Tianjin"), HE("河北", "Hebei"), SX("山西", "Shanxi"), NM("内蒙古", "Inner Mongolia"),
	LN("辽宁", "Liaoning"), JL("吉林", "Jilin"), HL("黑龙江", "Heilongjiang"), SH("上海", "Shanghai"), JS("江苏", "Jiangsu"),
	ZJ("浙江", "Zhejiang"), AH("安徽", "Anhui"), FJ("福建", "Fujian"), JX("江西", "Jiangxi"), SD("山东", "Shandong"),
	HA("河南", "Henan"), HB("湖北", "Hubei"), HN("湖南", "Hunan"), GD("广东", "Guangdong"), GX("广西", "Guangxi"),
	HI("海南", "Hainan"), CQ("重庆", "Chongqing"), SC("四川", "Sichuan"), GZ("贵州", "Guizhou"), YN("云南", "Yunnan"),
	XZ("西藏", "Tibet"), SN("陕西", "Shaanxi"), GS("甘肃", "Gansu"), QH("青海", "Qinghai"), NX("宁夏", "Ningxia"),
	XJ("新疆", "Xinjiang"), HK("香港", "Hong Kong"), MO("澳门", "Macao"), TW("台湾", "Taiwan");

	private final String chineseName;

	private final String englishName;

	Province(String chineseName, String englishName) {
		this.chineseName = chineseName;
		this.englishName = englishName;
	}

	/** The ISO 3166-2 code, for instance {@code CN-SH}. */
	public String code() {
		return "CN-" + name();
	}

	public String displayName(Locale locale) {
		return "zh".equals(locale.getLanguage()) ? this.chineseName : this.englishName;
	}

	/**
	 * The province for an ISO code ({@code CN-SH}), its letters ({@code SH}), or its name
	 * in either language with or without 省/市/自治区 ({@code 上海}, {@code 上海市},
	 * {@code Shanghai}).
	 */
	public static Optional<Province> parse(String text) {
		String value = text.strip();
		String letters = value.toUpperCase(Locale.ROOT).startsWith("CN-") ? value.substring(3) : value;
		for (Province province : values()) {
			if (province.name().equalsIgnoreCase(letters) || province.englishName.equalsIgnoreCase(value)
					|| value.startsWith(province.chineseName)) {
				return Optional.of(province);
			}
		}
		return Optional.empty();
	}

}
