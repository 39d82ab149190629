package org.credence.receivable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.credence.IntegrationTest;
import org.credence.TestClock;
import org.credence.customer.ActivityFixtures;
import org.credence.customer.CustomerDetails;
import org.credence.customer.Customers;
import org.credence.identity.AuditEntry;
import org.credence.identity.AuditQuery;
import org.credence.identity.AuditTrail;
import org.credence.identity.CurrentUser;
import org.credence.identity.Role;
import org.credence.identity.Users;
import org.credence.shared.ConflictException;
import org.credence.shared.InvalidInputException;
import org.credence.shared.NotFoundException;
import org.credence.shared.Paging;
import org.credence.shared.RuleViolationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.credence.receivable.ReceivableFixtures.invoice;
import static org.credence.receivable.ReceivableFixtures.payment;
import static org.credence.receivable.ReceivableFixtures.to;
import static org.credence.receivable.ReceivableFixtures.unique;

@IntegrationTest
@RecordApplicationEvents
class ReceivablesIntegrationTests {

	@Autowired
	Receivables receivables;

	@Autowired
	FxRates fxRates;

	@Autowired
	Aging aging;

	@Autowired
	Customers customers;

	@Autowired
	Users users;

	@Autowired
	CurrentUser currentUser;

	@Autowired
	AuditTrail auditTrail;

	@Autowired
	ApplicationEvents events;

	@Autowired
	TestClock clock;

	ReceivableFixtures fixtures;

	String customer;

	@BeforeEach
	void setUp() {
		this.fixtures = new ReceivableFixtures(this.users, this.customers, this.currentUser, this.receivables);
		this.customer = this.fixtures.customer();
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void appliesAPaymentWithoutAllocationsToTheOldestDueInvoiceFirst() {
		String later = this.fixtures.invoiceOf(this.customer, "100.00", "2026-03-01", "2026-04-30");
		String earlier = this.fixtures.invoiceOf(this.customer, "200.00", "2026-03-01", "2026-03-31");

		Payment payment = this.fixtures.pay(this.customer, "250", "2026-04-10");

		assertThat(payment.allocations()).extracting(Allocation::invoiceNumber).containsExactly(earlier, later);
		assertThat(this.fixtures.invoice(earlier).status()).isEqualTo(InvoiceStatus.PAID);
		assertThat(this.fixtures.invoice(later).openAmount()).isEqualByComparingTo("50.00");
		assertThat(payment.unappliedAmount()).isEqualByComparingTo("0");
		assertThat(payment.allocations()).allSatisfy(a -> assertThat(a.effectiveOn()).isEqualTo("2026-04-10"));
	}

	@Test
	void paysAnInvoiceInPartAndLeavesTheRestOpen() {
		String invoice = this.fixtures.invoiceOf(this.customer, "800000.00", "2026-03-01", "2026-04-30");

		this.fixtures.pay(this.customer, "500000", "2026-05-10");

		Invoice open = this.fixtures.invoice(invoice);
		assertThat(open.openAmount()).isEqualByComparingTo("300000.00");
		assertThat(open.status()).isEqualTo(InvoiceStatus.OPEN);
		assertThat(open.daysOverdue(LocalDate.parse("2026-05-10"))).isEqualTo(10);
	}

	@Test
	void keepsAnOverpaymentAsUnappliedCashOnTheCustomersAccount() {
		String invoice = this.fixtures.invoiceOf(this.customer, "100.00", "2026-03-01", "2026-03-31");

		Payment payment = this.fixtures.pay(this.customer, "150.00", "2026-03-20");

		assertThat(this.fixtures.invoice(invoice).status()).isEqualTo(InvoiceStatus.PAID);
		assertThat(payment.unappliedAmount()).isEqualByComparingTo("50.00");
		PaymentBehaviour behaviour = this.fixtures
			.asFinance(() -> this.receivables.behaviour(this.customer, LocalDate.parse("2026-03-31")));
		assertThat(behaviour.unappliedCash()).isEqualByComparingTo("50.00");
		ReceivableSummary summary = this.fixtures
			.asFinance(() -> this.receivables.summary(this.customer, LocalDate.parse("2026-03-31")));
		assertThat(summary.openReceivables()).isEqualByComparingTo("0");
		assertThat(summary.unappliedCash()).isEqualByComparingTo("50.00");
	}

	@Test
	void averagesTheInvoicedSalesOfTheTwelveMonthsUpToTheDay() {
		this.fixtures.invoiceOf(this.customer, "1200.00", "2025-03-31", "2025-04-30");
		this.fixtures.invoiceOf(this.customer, "2400.00", "2025-04-01", "2025-04-30");
		String paid = this.fixtures.invoiceOf(this.customer, "1200.00", "2026-03-01", "2026-03-31");
		this.fixtures.pay(this.customer, "1200.00", "2026-03-20", to(paid, "1200.00"));
		this.fixtures.invoiceOf(this.customer, "6000.00", "2026-04-01", "2026-04-30");

		BigDecimal average = this.fixtures
			.asFinance(() -> this.receivables.averageMonthlySales(this.customer, LocalDate.parse("2026-03-31")));
		BigDecimal none = this.fixtures
			.asFinance(() -> this.receivables.averageMonthlySales(this.customer, LocalDate.parse("2025-03-30")));

		assertThat(average).isEqualByComparingTo("300.00");
		assertThat(none).isEqualByComparingTo("0");
	}

	@Test
	void netsTheCreditNotesOfTheSameTwelveMonthsInTheAverageMonthlySales() {
		String invoice = this.fixtures.invoiceOf(this.customer, "2400.00", "2025-06-01", "2025-06-30");
		this.fixtures.asFinance(() -> this.receivables.recordCreditNote(new CreditNoteEntry(unique("cn"), this.customer,
				unique("CN"), new BigDecimal("600.00"), "CNY", LocalDate.parse("2025-07-01"), invoice)));
		// a credit note of earlier months does not count
		this.fixtures.asFinance(() -> this.receivables.recordCreditNote(new CreditNoteEntry(unique("cn"), this.customer,
				unique("CN"), new BigDecimal("1200.00"), "CNY", LocalDate.parse("2025-03-31"), null)));

		BigDecimal average = this.fixtures
			.asFinance(() -> this.receivables.averageMonthlySales(this.customer, LocalDate.parse("2026-03-31")));
		BigDecimal credited = this.fixtures
			.asFinance(() -> this.receivables.averageMonthlySales(this.customer, LocalDate.parse("2025-05-31")));

		assertThat(average).isEqualByComparingTo("150.00");
		// credit notes alone are no negative sales
		assertThat(credited).isEqualByComparingTo("0");
	}

	@Test
	void appliesExplicitAllocationsToTheInvoicesThePayerNamed() {
		String older = this.fixtures.invoiceOf(this.customer, "100.00", "2026-01-01", "2026-01-31");
		String newer = this.fixtures.invoiceOf(this.customer, "100.00", "2026-02-01", "2026-02-28");

		Payment payment = this.fixtures.pay(this.customer, "100.00", "2026-03-01", to(newer, "60.00"));

		assertThat(this.fixtures.invoice(older).openAmount()).isEqualByComparingTo("100.00");
		assertThat(this.fixtures.invoice(newer).openAmount()).isEqualByComparingTo("40.00");
		assertThat(payment.unappliedAmount()).isEqualByComparingTo("40.00");
	}

	@Test
	void refusesAnAllocationAboveTheOpenAmountAndRecordsNothing() {
		String invoice = this.fixtures.invoiceOf(this.customer, "100.00", "2026-01-01", "2026-01-31");
		PaymentEntry entry = payment(this.customer, "150.00", "2026-02-01", to(invoice, "120.00"));

		assertThatExceptionOfType(RuleViolationException.class)
			.isThrownBy(() -> this.fixtures.asFinance(() -> this.receivables.recordPayment(entry)))
			.satisfies(ex -> assertThat(ex.reasonCode()).isEqualTo("ALLOCATION_EXCEEDS_OPEN"));
		assertThat(this.fixtures.asFinance(() -> this.receivables.payments(this.customer))).isEmpty();
		assertThat(this.fixtures.invoice(invoice).openAmount()).isEqualByComparingTo("100.00");
	}

	@Test
	void refusesAnAllocationToAnInvoiceTheCustomerDoesNotHaveNamingTheField() {
		String other = this.fixtures.customer();
		String foreign = this.fixtures.invoiceOf(other, "100.00", "2026-01-01", "2026-01-31");
		PaymentEntry entry = payment(this.customer, "50.00", "2026-02-01", to("NO-SUCH", "10"), to(foreign, "10"));

		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.fixtures.asFinance(() -> this.receivables.recordPayment(entry)))
			.satisfies(ex -> assertThat(ex.problems()).extracting(p -> p.field())
				.containsExactly("allocations[0].invoiceNumber", "allocations[1].invoiceNumber"));
	}

	@Test
	void reversingABouncedPaymentRestoresTheOpenAmountsAndIsAudited() {
		String first = this.fixtures.invoiceOf(this.customer, "100.00", "2026-01-01", "2026-01-31");
		String second = this.fixtures.invoiceOf(this.customer, "100.00", "2026-01-01", "2026-02-28");
		Payment payment = this.fixtures.pay(this.customer, "150.00", "2026-02-10");
		this.events.clear();

		Payment reversed = this.fixtures
			.asFinance(() -> this.receivables.reversePayment(payment.externalId(), "退票：余额不足"));

		assertThat(reversed.isReversed()).isTrue();
		assertThat(reversed.allocations()).allSatisfy(a -> assertThat(a.isInForce()).isFalse());
		assertThat(this.fixtures.invoice(first).openAmount()).isEqualByComparingTo("100.00");
		assertThat(this.fixtures.invoice(second).openAmount()).isEqualByComparingTo("100.00");
		assertThat(this.events.stream(PaymentReversed.class)).singleElement()
			.satisfies(e -> assertThat(e.invoiceNumbers()).containsExactly(first, second));
		List<AuditEntry> audit = this.auditTrail
			.entries(AuditQuery.forSubject(CustomerDetails.auditSubject(this.customer)), new Paging(0, 50))
			.items();
		assertThat(audit).anySatisfy(entry -> {
			assertThat(entry.action()).isEqualTo("REVERSED");
			assertThat(entry.reason()).isEqualTo("退票：余额不足");
			assertThat(entry.actor()).isEqualTo(this.fixtures.finance);
		});
		assertThatExceptionOfType(RuleViolationException.class)
			.isThrownBy(
					() -> this.fixtures.asFinance(() -> this.receivables.reversePayment(payment.externalId(), "again")))
			.satisfies(ex -> assertThat(ex.reasonCode()).isEqualTo("ALREADY_REVERSED"));
	}

	@Test
	void appliesACreditNoteToTheInvoiceItNamesOrElseToTheOldestDue() {
		String older = this.fixtures.invoiceOf(this.customer, "100.00", "2026-01-01", "2026-01-31");
		String newer = this.fixtures.invoiceOf(this.customer, "100.00", "2026-02-01", "2026-02-28");

		CreditNote named = this.fixtures.asFinance(() -> this.receivables
			.recordCreditNote(new CreditNoteEntry(unique("cn"), this.customer, unique("CN"), new BigDecimal("30"),
					"CNY", LocalDate.parse("2026-02-05"), newer))
			.record());
		CreditNote unnamed = this.fixtures.asFinance(() -> this.receivables
			.recordCreditNote(new CreditNoteEntry(unique("cn"), this.customer, unique("CN"), new BigDecimal("20"),
					"CNY", LocalDate.parse("2026-02-06"), null))
			.record());

		assertThat(named.allocations()).singleElement().satisfies(a -> assertThat(a.invoiceNumber()).isEqualTo(newer));
		assertThat(unnamed.allocations()).singleElement()
			.satisfies(a -> assertThat(a.invoiceNumber()).isEqualTo(older));
		assertThat(this.fixtures.invoice(newer).openAmount()).isEqualByComparingTo("70.00");
		assertThat(this.fixtures.invoice(older).openAmount()).isEqualByComparingTo("80.00");
		assertThat(this.events.stream(CreditNoteRecorded.class)).hasSize(2);
	}

	@Test
	void returnsTheStoredInvoiceForTheSameExternalIdAndRefusesOtherContent() {
		String number = unique("INV");
		InvoiceEntry entry = invoice(this.customer, number, "800000.00", "2026-03-01", "2026-04-30");

		Recorded<Invoice> first = this.fixtures.asFinance(() -> this.receivables.recordInvoice(entry));
		Recorded<Invoice> again = this.fixtures.asFinance(() -> this.receivables.recordInvoice(entry));

		assertThat(first.created()).isTrue();
		assertThat(again.created()).isFalse();
		assertThat(again.record().id()).isEqualTo(first.record().id());
		assertThat(this.events.stream(InvoiceRecorded.class).filter(e -> e.invoiceNumber().equals(number))).hasSize(1);
		InvoiceEntry changed = new InvoiceEntry(entry.externalId(), this.customer, number, new BigDecimal("850000"),
				"CNY", entry.issueDate(), entry.dueDate(), null);
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.fixtures.asFinance(() -> this.receivables.recordInvoice(changed)));
		assertThat(this.fixtures.invoice(number).amount()).isEqualByComparingTo("800000");
	}

	@Test
	void convertsForeignCurrencyAtTheRateOfTheDocumentsDateAndKeepsIt() {
		String admin = this.fixtures.user(Role.ADMIN);
		ActivityFixtures.as(admin, Role.ADMIN, () -> {
			this.fxRates.enter(LocalDate.parse("2026-02-27"), "USD", new BigDecimal("7.1"));
			this.fxRates.enter(LocalDate.parse("2026-03-10"), "USD", new BigDecimal("7.3"));
		});
		String number = unique("INV");

		Invoice invoice = this.fixtures.asFinance(() -> this.receivables
			.recordInvoice(new InvoiceEntry(unique("ext"), this.customer, number, new BigDecimal("1000"), "USD",
					LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-31"), null))
			.record());
		ActivityFixtures.as(admin, Role.ADMIN,
				() -> this.fxRates.enter(LocalDate.parse("2026-03-01"), "USD", new BigDecimal("9")));

		assertThat(invoice.fxRate()).isEqualByComparingTo("7.1");
		assertThat(invoice.companyAmount()).isEqualByComparingTo("7100.00");
		assertThat(this.fixtures.invoice(number).fxRate()).isEqualByComparingTo("7.1");
		assertThat(this.events.stream(InvoiceRecorded.class).filter(e -> e.invoiceNumber().equals(number)))
			.singleElement()
			.satisfies(e -> assertThat(e.companyAmount()).isEqualByComparingTo("7100.00"));
		AgingReport aging = this.fixtures
			.asFinance(() -> this.aging.customer(this.customer, LocalDate.parse("2026-03-15"), AgingBasis.DUE));
		assertThat(aging.currency()).isEqualTo("CNY");
		assertThat(aging.total()).isEqualByComparingTo("7100.00");
	}

	@Test
	void refusesADocumentInACurrencyWithoutARate() {
		InvoiceEntry entry = new InvoiceEntry(unique("ext"), this.customer, unique("INV"), new BigDecimal("10"), "CHF",
				LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-31"), null);

		assertThatExceptionOfType(RuleViolationException.class)
			.isThrownBy(() -> this.fixtures.asFinance(() -> this.receivables.recordInvoice(entry)))
			.satisfies(ex -> assertThat(ex.reasonCode()).isEqualTo("FX_RATE_MISSING"));
	}

	@Test
	void writesOffOnlyWithASecondPersonsApproval() {
		String invoice = this.fixtures.invoiceOf(this.customer, "1000.00", "2025-01-01", "2025-01-31");
		this.fixtures.pay(this.customer, "400.00", "2025-03-01");
		String manager = this.fixtures.user(Role.CREDIT_MANAGER);
		String admin = this.fixtures.user(Role.ADMIN);

		WriteOff proposal = this.fixtures.asFinance(() -> this.receivables.proposeWriteOff(invoice, "客户已破产清算"));
		assertThat(proposal.amount()).isEqualByComparingTo("600.00");
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> this.fixtures.asFinance(() -> this.receivables.approveWriteOff(proposal.id(), null)));

		WriteOff own = ActivityFixtures.as(admin, Role.ADMIN, () -> {
			this.receivables.rejectWriteOff(proposal.id(), "先核对");
			return this.receivables.proposeWriteOff(invoice, "客户已破产清算");
		});
		assertThatExceptionOfType(RuleViolationException.class).isThrownBy(
				() -> ActivityFixtures.as(admin, Role.ADMIN, () -> this.receivables.approveWriteOff(own.id(), null)))
			.satisfies(ex -> assertThat(ex.reasonCode()).isEqualTo("SAME_PERSON"));

		WriteOff approved = ActivityFixtures.as(manager, Role.CREDIT_MANAGER,
				() -> this.receivables.approveWriteOff(own.id(), "同意"));

		assertThat(approved.status()).isEqualTo(WriteOffStatus.APPROVED);
		assertThat(approved.decidedBy()).isEqualTo(manager);
		Invoice writtenOff = this.fixtures.invoice(invoice);
		assertThat(writtenOff.status()).isEqualTo(InvoiceStatus.WRITTEN_OFF);
		assertThat(writtenOff.openAmount()).isEqualByComparingTo("0");
		assertThat(this.events.stream(InvoiceWrittenOff.class)).singleElement()
			.satisfies(e -> assertThat(e.amount()).isEqualByComparingTo("600.00"));
		assertThat(this.auditTrail
			.entries(AuditQuery.forSubject(CustomerDetails.auditSubject(this.customer)), new Paging(0, 50))
			.items()).extracting(AuditEntry::action)
			.contains("WRITE_OFF_PROPOSED", "WRITE_OFF_REJECTED", "WRITTEN_OFF");
	}

	@Test
	void marksAnInvoiceDisputedLeavesItOutOfAutomaticAllocationAndResolvesIt() {
		String disputed = this.fixtures.invoiceOf(this.customer, "100.00", "2026-01-01", "2026-01-31");
		String undisputed = this.fixtures.invoiceOf(this.customer, "100.00", "2026-01-01", "2026-02-28");
		String collector = this.fixtures.user(Role.COLLECTOR);

		Invoice marked = ActivityFixtures.as(collector, Role.COLLECTOR,
				() -> this.receivables.dispute(disputed, "数量与送货单不符"));
		Payment payment = this.fixtures.pay(this.customer, "100.00", "2026-03-01");

		assertThat(marked.disputed()).isTrue();
		assertThat(marked.disputeReason()).isEqualTo("数量与送货单不符");
		assertThat(payment.allocations()).singleElement()
			.satisfies(a -> assertThat(a.invoiceNumber()).isEqualTo(undisputed));
		assertThat(this.events.stream(InvoiceDisputed.class)).hasSize(1);
		assertThatExceptionOfType(RuleViolationException.class).isThrownBy(
				() -> ActivityFixtures.as(collector, Role.COLLECTOR, () -> this.receivables.dispute(disputed, "again")))
			.satisfies(ex -> assertThat(ex.reasonCode()).isEqualTo("ALREADY_DISPUTED"));

		Invoice resolved = ActivityFixtures.as(collector, Role.COLLECTOR,
				() -> this.receivables.resolveDispute(disputed, "补发货物后客户确认"));
		assertThat(resolved.disputed()).isFalse();
		assertThat(this.events.stream(InvoiceDisputeResolved.class)).hasSize(1);
	}

	@Test
	void anInvoiceNamingItsOrderReducesTheOrdersOpenValue() {
		String order = unique("SO");
		this.fixtures.asFinance(() -> this.receivables.recordOrder(new OrderEntry(unique("so"), this.customer, order,
				new BigDecimal("800000"), "CNY", LocalDate.parse("2026-02-01"), null)));

		this.fixtures.asFinance(() -> this.receivables
			.recordInvoice(new InvoiceEntry(unique("ext"), this.customer, unique("INV"), new BigDecimal("500000"),
					"CNY", LocalDate.parse("2026-03-01"), LocalDate.parse("2026-04-30"), order)));

		Order open = this.fixtures.asFinance(() -> this.receivables.order(order));
		assertThat(open.invoicedAmount()).isEqualByComparingTo("500000");
		assertThat(open.openAmount()).isEqualByComparingTo("300000");
		assertThat(this.events.stream(OrderRecorded.class).filter(e -> e.orderNumber().equals(order)))
			.extracting(OrderRecorded::companyOpenAmount)
			.usingElementComparator(BigDecimal::compareTo)
			.containsExactly(new BigDecimal("800000"), new BigDecimal("300000"));
	}

	@Test
	void theOrderSystemCancelsAnOrderByResendingItWithAnotherStatus() {
		OrderEntry entry = new OrderEntry(unique("so"), this.customer, unique("SO"), new BigDecimal("1000"), "CNY",
				LocalDate.parse("2026-02-01"), OrderStatus.OPEN);
		this.fixtures.asFinance(() -> this.receivables.recordOrder(entry));

		Recorded<Order> cancelled = this.fixtures
			.asFinance(() -> this.receivables.recordOrder(new OrderEntry(entry.externalId(), entry.customerCode(),
					entry.number(), entry.amount(), entry.currency(), entry.orderDate(), OrderStatus.CANCELLED)));

		assertThat(cancelled.record().status()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(cancelled.record().openAmount()).isEqualByComparingTo("0");
		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> this.fixtures
			.asFinance(() -> this.receivables.recordOrder(new OrderEntry(entry.externalId(), entry.customerCode(),
					entry.number(), new BigDecimal("2000"), "CNY", entry.orderDate(), OrderStatus.CANCELLED))));
	}

	@Test
	void salesSeeTheReceivablesOfTheirOwnCustomersOnly() {
		String sales = this.fixtures.user(Role.SALES);
		String own = this.fixtures.customer(sales);
		String ownInvoice = this.fixtures.invoiceOf(own, "100.00", "2026-01-01", "2026-01-31");
		String othersInvoice = this.fixtures.invoiceOf(this.customer, "100.00", "2026-01-01", "2026-01-31");

		ActivityFixtures.as(sales, Role.SALES, () -> {
			assertThat(this.receivables.invoices(own)).extracting(Invoice::number).containsExactly(ownInvoice);
			assertThat(this.receivables.invoice(ownInvoice).number()).isEqualTo(ownInvoice);
			assertThatExceptionOfType(NotFoundException.class)
				.isThrownBy(() -> this.receivables.invoices(this.customer));
			assertThatExceptionOfType(NotFoundException.class)
				.isThrownBy(() -> this.receivables.invoice(othersInvoice));
			assertThatExceptionOfType(NotFoundException.class)
				.isThrownBy(() -> this.aging.customer(this.customer, LocalDate.parse("2026-02-01"), AgingBasis.DUE));
			assertThatExceptionOfType(AccessDeniedException.class)
				.isThrownBy(() -> this.receivables.recordPayment(payment(own, "10", "2026-02-01")));
		});
	}

	@Test
	void announcesARecordedPaymentWithTheInvoicesItSettled() {
		String invoice = this.fixtures.invoiceOf(this.customer, "100.00", "2026-01-01", "2026-01-31");

		Payment payment = this.fixtures.pay(this.customer, "130.00", "2026-02-01");

		assertThat(this.events.stream(PaymentReceived.class)).singleElement().satisfies(e -> {
			assertThat(e.paymentExternalId()).isEqualTo(payment.externalId());
			assertThat(e.invoiceNumbers()).containsExactly(invoice);
			assertThat(e.companyUnapplied()).isEqualByComparingTo("30.00");
		});
	}

}
