package org.credence.receivable;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

import org.credence.customer.ActivityFixtures;
import org.credence.customer.Customers;
import org.credence.identity.CurrentUser;
import org.credence.identity.Role;
import org.credence.identity.Users;
import org.credence.receivable.PaymentEntry.RequestedAllocation;

import org.springframework.mock.web.MockMultipartFile;

/**
 * Test data for the ledger: a finance user, customers with unique codes, unique document
 * numbers (tests share one database), and entries with valid defaults in CNY.
 */
public class ReceivableFixtures {

	private final ActivityFixtures activity;

	private final Receivables receivables;

	public final String finance;

	public ReceivableFixtures(Users users, Customers customers, CurrentUser currentUser, Receivables receivables) {
		this.activity = new ActivityFixtures(users, customers, currentUser);
		this.receivables = receivables;
		this.finance = this.activity.user(Role.FINANCE);
	}

	public String user(Role role) {
		return this.activity.user(role);
	}

	public String customer() {
		return this.activity.customer();
	}

	public String customer(String owner) {
		return this.activity.customer(owner);
	}

	public static String unique(String prefix) {
		return ActivityFixtures.unique(prefix);
	}

	public <T> T asFinance(Supplier<T> work) {
		return ActivityFixtures.as(this.finance, Role.FINANCE, work);
	}

	public static InvoiceEntry invoice(String customer, String number, String amount, String issued, String due) {
		return new InvoiceEntry("ext-" + number, customer, number, new BigDecimal(amount), "CNY",
				LocalDate.parse(issued), LocalDate.parse(due), null);
	}

	/**
	 * A CSV file of {@code rows} invoices of 100.00 CNY for the customer, external ids
	 * {@code prefix-x1…} and numbers {@code prefix-1…}, as an uploaded file.
	 */
	public static MockMultipartFile invoiceFile(String customer, String prefix, int rows) {
		StringBuilder csv = new StringBuilder(INVOICE_HEADER);
		for (int i = 1; i <= rows; i++) {
			csv.append(invoiceLine(customer, prefix + "-x" + i, prefix + "-" + i, "100.00"));
		}
		return csvFile(csv.toString());
	}

	public static final String INVOICE_HEADER = "externalId,customerCode,number,amount,currency,issueDate,dueDate\n";

	/** One line of an invoice CSV (CNY, issued 2026-01-05, due 2026-02-04). */
	public static String invoiceLine(String customer, String externalId, String number, String amount) {
		return externalId + "," + customer + "," + number + "," + amount + ",CNY,2026-01-05,2026-02-04\n";
	}

	public static MockMultipartFile csvFile(String csv) {
		return new MockMultipartFile("file", "invoices.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
	}

	public static PaymentEntry payment(String customer, String amount, String received,
			RequestedAllocation... allocations) {
		return new PaymentEntry(unique("pay"), customer, new BigDecimal(amount), "CNY", LocalDate.parse(received), null,
				allocations.length == 0 ? null : List.of(allocations));
	}

	public static RequestedAllocation to(String invoiceNumber, String amount) {
		return new RequestedAllocation(invoiceNumber, new BigDecimal(amount));
	}

	/** Records an invoice as finance and returns its number. */
	public String invoiceOf(String customer, String amount, String issued, String due) {
		String number = unique("INV");
		asFinance(() -> this.receivables.recordInvoice(invoice(customer, number, amount, issued, due)));
		return number;
	}

	public Payment pay(String customer, String amount, String received, RequestedAllocation... allocations) {
		return asFinance(() -> this.receivables.recordPayment(payment(customer, amount, received, allocations)))
			.record();
	}

	public Invoice invoice(String number) {
		return asFinance(() -> this.receivables.invoice(number));
	}

}
