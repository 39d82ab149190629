package org.credence.customer.document;

/** What a document is, for the credit file. */
public enum DocumentType {

	/** 营业执照 */
	BUSINESS_LICENCE,
	/** 资信证明 from the customer's bank */
	BANK_CREDIT_CERTIFICATE,
	/** 审计报告 with the audited financial statements */
	AUDITED_STATEMENTS,
	/** 信用报告: a report of an external credit agency, attached to that report */
	CREDIT_REPORT,
	/** 合同 */
	CONTRACT, OTHER

}
