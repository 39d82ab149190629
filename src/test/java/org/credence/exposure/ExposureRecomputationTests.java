package org.credence.exposure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.credence.IntegrationTest;
import org.credence.TestClock;
import org.credence.customer.Customers;
import org.credence.exposure.check.ReservationKeeper;
import org.credence.exposure.position.Position;
import org.credence.exposure.position.PositionKeeper;
import org.credence.exposure.position.PositionRepository;
import org.credence.identity.CurrentUser;
import org.credence.identity.Users;
import org.credence.limit.CreditLines;
import org.credence.receivable.CreditNoteEntry;
import org.credence.receivable.Invoice;
import org.credence.receivable.InvoiceEntry;
import org.credence.receivable.InvoiceStatus;
import org.credence.receivable.OrderEntry;
import org.credence.receivable.OrderStatus;
import org.credence.receivable.Payment;
import org.credence.receivable.ReceivableExposure;
import org.credence.receivable.ReceivableFixtures;
import org.credence.receivable.Receivables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kept exposure equals a full recomputation after any sequence of documents: for each
 * seed, a random run of invoices (some naming an order), payments (allocated or left on
 * account), credit notes, reversals, orders (with and without delivery dates, some
 * cancelled), credit checks, re-checks for other amounts, cancellations, days passing and
 * reservations lapsing, all through the modules' APIs; after every step the customer's
 * kept position is compared with one rebuilt from the ledger, the line and the checks. A
 * failure names the seed and the step, so it can be replayed.
 */
@IntegrationTest
class ExposureRecomputationTests {

	static final LocalDate START = LocalDate.parse("2026-06-01");

	@Autowired
	Users users;

	@Autowired
	Customers customers;

	@Autowired
	CurrentUser currentUser;

	@Autowired
	Receivables receivables;

	@Autowired
	CreditLines lines;

	@Autowired
	CreditChecks checks;

	@Autowired
	PositionKeeper keeper;

	@Autowired
	PositionRepository positions;

	@Autowired
	ReservationKeeper reservations;

	@Autowired
	TestClock clock;

	ExposureFixtures fixtures;

	@BeforeEach
	void setUp() {
		this.clock.setDate(START);
		this.fixtures = new ExposureFixtures(this.users, this.customers, this.currentUser, this.receivables, this.lines,
				this.checks);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 1, 2, 3, 5, 8, 13, 21, 34 })
	void theKeptPositionEqualsARecomputationAfterEveryStep(long seed) {
		Random random = new Random(seed);
		String code = this.fixtures.customerWithLine("2000000", START);
		List<String> orders = new ArrayList<>();
		List<String> payments = new ArrayList<>();
		List<String> checked = new ArrayList<>();
		// the row exists from the first check on
		this.fixtures.check(code, ReceivableFixtures.unique("PO"), "1000");
		for (int step = 0; step < 30; step++) {
			String done = step(random, code, orders, payments, checked);
			LocalDate today = LocalDate.now(this.clock);
			Position kept = this.positions.find(code).orElseThrow();
			ReceivableExposure ledger = this.keeper.receivableFigures(List.of(code)).get(code);
			Position recomputed = this.keeper.recompute(code, ledger).orElseThrow();
			assertThat(kept.sameFigures(recomputed))
				.as("seed %d, step %d (%s): kept %s%n recomputed %s", seed, step, done, kept, recomputed)
				.isTrue();
		}
	}

	private String step(Random random, String code, List<String> orders, List<String> payments, List<String> checked) {
		LocalDate today = LocalDate.now(this.clock);
		int kind = random.nextInt(11);
		switch (kind) {
			case 0, 1 -> {
				String number = ReceivableFixtures.unique("INV");
				String order = !orders.isEmpty() && random.nextBoolean() ? orders.get(random.nextInt(orders.size()))
						: null;
				BigDecimal amount = amount(random, 1_000, 200_000);
				LocalDate issued = today.minusDays(random.nextInt(40));
				this.fixtures.ledger.asFinance(() -> this.receivables.recordInvoice(new InvoiceEntry("ext-" + number,
						code, number, amount, "CNY", issued, issued.plusDays(30 + random.nextInt(60)), order)));
				return "invoice " + amount + (order == null ? "" : " of " + order);
			}
			case 2 -> {
				BigDecimal amount = amount(random, 1_000, 150_000);
				Payment payment = this.fixtures.ledger.pay(code, amount.toPlainString(), today.toString());
				payments.add(payment.externalId());
				return "payment " + amount;
			}
			case 3 -> {
				List<Invoice> open = this.fixtures.ledger.asFinance(() -> this.receivables.invoices(code))
					.stream()
					.filter(i -> i.status() == InvoiceStatus.OPEN && i.openAmount().signum() > 0)
					.toList();
				if (open.isEmpty()) {
					return "no credit note (nothing open)";
				}
				Invoice invoice = open.get(random.nextInt(open.size()));
				BigDecimal amount = invoice.openAmount()
					.multiply(BigDecimal.valueOf(1 + random.nextInt(100)))
					.divide(BigDecimal.valueOf(100), 2, java.math.RoundingMode.DOWN)
					.max(new BigDecimal("0.01"));
				String number = ReceivableFixtures.unique("CN");
				this.fixtures.ledger.asFinance(() -> this.receivables.recordCreditNote(
						new CreditNoteEntry("ext-" + number, code, number, amount, "CNY", today, invoice.number())));
				return "credit note " + amount + " on " + invoice.number();
			}
			case 4 -> {
				if (payments.isEmpty()) {
					return "no reversal (no payment)";
				}
				String payment = payments.remove(random.nextInt(payments.size()));
				this.fixtures.ledger.asFinance(() -> this.receivables.reversePayment(payment, "退票"));
				return "reversal of " + payment;
			}
			case 5, 6 -> {
				String number = random.nextBoolean() && !checked.isEmpty() ? checked.get(random.nextInt(checked.size()))
						: ReceivableFixtures.unique("SO");
				if (orders.contains(number)) {
					number = ReceivableFixtures.unique("SO");
				}
				String orderNumber = number;
				BigDecimal amount = amount(random, 10_000, 300_000);
				LocalDate delivery = random.nextInt(3) == 0 ? null : today.plusDays(random.nextInt(200));
				this.fixtures.ledger.asFinance(() -> this.receivables.recordOrder(new OrderEntry("ext-" + orderNumber,
						code, orderNumber, amount, "CNY", today, OrderStatus.OPEN, delivery)));
				orders.add(orderNumber);
				return "order " + orderNumber + " " + amount + " delivered " + delivery;
			}
			case 7 -> {
				if (orders.isEmpty()) {
					return "no cancellation (no order)";
				}
				String number = orders.get(random.nextInt(orders.size()));
				var order = this.fixtures.ledger.asFinance(() -> this.receivables.order(number));
				this.fixtures.ledger.asFinance(() -> this.receivables
					.recordOrder(new OrderEntry(order.externalId(), code, number, order.amount(), order.currency(),
							order.orderDate(), OrderStatus.CANCELLED, order.deliveryDate())));
				return "order " + number + " cancelled";
			}
			case 8 -> {
				String ref = random.nextBoolean() && !checked.isEmpty() ? checked.get(random.nextInt(checked.size()))
						: ReceivableFixtures.unique("SO");
				BigDecimal amount = amount(random, 10_000, 900_000);
				try {
					CreditCheck check = this.fixtures.check(code, ref, amount.toPlainString());
					checked.add(ref);
					return "check " + ref + " " + amount + " " + check.decision();
				}
				catch (org.credence.shared.CredenceException ex) {
					return "check " + ref + " refused: " + ex.getMessage();
				}
			}
			case 9 -> {
				if (checked.isEmpty()) {
					return "no cancel (no check)";
				}
				String ref = checked.get(random.nextInt(checked.size()));
				this.fixtures.asOrderSystem(() -> this.checks.cancel(ref));
				return "cancel " + ref;
			}
			default -> {
				int days = 1 + random.nextInt(10);
				this.clock.setDate(today.plusDays(days));
				int expired = this.reservations.expire();
				return days + " days on, " + expired + " reservations lapsed";
			}
		}
	}

	private static BigDecimal amount(Random random, int min, int max) {
		return BigDecimal.valueOf(min * 100L + random.nextInt((max - min) * 100), 2);
	}

}
