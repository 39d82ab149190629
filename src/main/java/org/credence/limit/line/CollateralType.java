package org.credence.limit.line;

/** The kinds of collateral and guarantee a credit line may be secured by. */
public enum CollateralType {

	/** Cash deposited with us (保证金). */
	DEPOSIT,
	/** A bank's guarantee or standby letter of credit (银行保函). */
	BANK_GUARANTEE,
	/** A mortgage on property (抵押). */
	MORTGAGE,
	/** A guarantee by a third party, e.g. the parent company (第三方担保). */
	THIRD_PARTY_GUARANTEE,
	/** Trade credit insurance (信用保险). */
	CREDIT_INSURANCE

}
