package org.credence.customer;

/** The ownership of a company (企业性质), as credit analysts in China distinguish it. */
public enum OwnershipType {

	/** 国有企业 */
	STATE_OWNED,
	/** 民营企业 */
	PRIVATE,
	/** 外资企业 */
	FOREIGN,
	/** 中外合资企业 */
	JOINT_VENTURE,
	/** 上市公司 */
	LISTED,
	/** 集体企业 */
	COLLECTIVE,
	/** 个体工商户 */
	INDIVIDUAL,
	/** 事业单位及其他 */
	OTHER

}
