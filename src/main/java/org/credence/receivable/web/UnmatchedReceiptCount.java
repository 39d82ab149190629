package org.credence.receivable.web;

import org.credence.receivable.BankReceipts;

import org.springframework.stereotype.Component;

/**
 * The count beside 未匹配收款 in the navigation ({@code ${@unmatchedReceiptCount.waiting()}}).
 */
@Component("unmatchedReceiptCount")
class UnmatchedReceiptCount {

	private final BankReceipts receipts;

	UnmatchedReceiptCount(BankReceipts receipts) {
		this.receipts = receipts;
	}

	public long waiting() {
		return this.receipts.unmatchedCount();
	}

}
