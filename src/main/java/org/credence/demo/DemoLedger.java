package org.credence.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.credence.customer.CustomerDraft;
import org.credence.customer.CustomerStatus;
import org.credence.receivable.CreditNoteEntry;
import org.credence.receivable.InvoiceEntry;
import org.credence.receivable.OrderEntry;
import org.credence.receivable.OrderStatus;
import org.credence.receivable.PaymentEntry;
import org.credence.receivable.PaymentEntry.RequestedAllocation;

/**
 * Two years of the demo customers' receivables ledger as plain data, the same for the
 * same seed and day: monthly USD and EUR rates, orders, the invoices that bill them,
 * payments (most on time or a little late, some customers chronically late, a few that
 * stopped paying and carry long overdue items, some in parts), price-adjustment credit
 * notes and a couple of disputed invoices. Every date counts back from the day the demo
 * is loaded; what falls after that day is left out, so recent invoices are still open.
 */
final class DemoLedger {

	/** How a customer pays. */
	enum Payer {

		/** A few days early to a few days late. */
		PROMPT,
		/** One to four weeks late. */
		LATE,
		/** One to three months late, often in two parts. */
		CHRONIC,
		/** Paid like a late payer until some months ago, nothing since. */
		STOPPED

	}

	/** One step of the ledger's history, recorded in date order. */
	sealed interface Step {

		LocalDate on();

		/**
		 * Order of steps on the same day: rates, orders, invoices, credit notes,
		 * payments.
		 */
		int rank();

	}

	record Rate(LocalDate on, String currency, BigDecimal rate) implements Step {
		public int rank() {
			return 0;
		}
	}

	record Order(LocalDate on, OrderEntry entry) implements Step {
		public int rank() {
			return 1;
		}
	}

	record Invoice(LocalDate on, InvoiceEntry entry) implements Step {
		public int rank() {
			return 2;
		}
	}

	record CreditNote(LocalDate on, CreditNoteEntry entry) implements Step {
		public int rank() {
			return 3;
		}
	}

	record Payment(LocalDate on, PaymentEntry entry) implements Step {
		public int rank() {
			return 4;
		}
	}

	/** An invoice the customer disputes, marked once the history is in. */
	record Dispute(String invoiceNumber, String reason) {
	}

	record History(List<Step> steps, List<Dispute> disputes) {
	}

	static final int MONTHS = 24;

	private static final int[] TERMS = { 30, 30, 45, 60, 60, 90 };

	private DemoLedger() {
	}

	/**
	 * Which customers have a ledger: about one in six of those active or suspended, so
	 * that the demo still starts in seconds with every document recorded through the
	 * ledger's API.
	 */
	static boolean hasLedger(int index, CustomerDraft customer) {
		return index > 0 && index % 6 == 1
				&& (customer.status() == CustomerStatus.ACTIVE || customer.status() == CustomerStatus.SUSPENDED);
	}

	static Payer payer(int index, CustomerDraft customer) {
		if (customer.status() == CustomerStatus.SUSPENDED) {
			return Payer.STOPPED;
		}
		int roll = new Random(DemoPlan.SEED * 47 + index).nextInt(100);
		return roll < 55 ? Payer.PROMPT : roll < 80 ? Payer.LATE : roll < 93 ? Payer.CHRONIC : Payer.STOPPED;
	}

	static History history(List<CustomerDraft> customers, LocalDate today) {
		List<Step> steps = new ArrayList<>(rates(today));
		List<Dispute> disputes = new ArrayList<>();
		for (int i = 0; i < customers.size(); i++) {
			CustomerDraft customer = customers.get(i);
			if (hasLedger(i, customer)) {
				customer(i, customer, today, steps, disputes);
			}
		}
		steps.removeIf(step -> step.on().isAfter(today));
		steps.sort(Comparator.comparing(Step::on).thenComparing(Step::rank));
		return new History(List.copyOf(steps), List.copyOf(disputes));
	}

	/** A rate for USD and EUR on the second of every month, drifting a little. */
	private static List<Step> rates(LocalDate today) {
		Random random = new Random(DemoPlan.SEED * 53);
		List<Step> rates = new ArrayList<>();
		double usd = 7.12;
		double eur = 7.75;
		LocalDate first = today.minusMonths(MONTHS + 1L).withDayOfMonth(2);
		for (LocalDate month = first; !month.isAfter(today); month = month.plusMonths(1)) {
			usd = Math.max(6.9, Math.min(7.4, usd + (random.nextDouble() - 0.5) * 0.06));
			eur = Math.max(7.4, Math.min(8.1, eur + (random.nextDouble() - 0.5) * 0.1));
			rates.add(new Rate(month, "USD", BigDecimal.valueOf(usd).setScale(4, RoundingMode.HALF_UP)));
			rates.add(new Rate(month, "EUR", BigDecimal.valueOf(eur).setScale(4, RoundingMode.HALF_UP)));
		}
		return rates;
	}

	private static void customer(int index, CustomerDraft customer, LocalDate today, List<Step> steps,
			List<Dispute> disputes) {
		Random random = new Random(DemoPlan.SEED * 59 + index);
		Payer payer = payer(index, customer);
		String code = customer.code();
		String currency = random.nextInt(10) == 0 ? (random.nextBoolean() ? "USD" : "EUR") : "CNY";
		// monthly sales of 50,000 to 2 million yuan (or a seventh of that in dollars or
		// euros)
		long monthly = Math.round(Math.pow(10, 4.7 + random.nextDouble() * 1.6));
		if (!"CNY".equals(currency)) {
			monthly /= 7;
		}
		int terms = TERMS[random.nextInt(TERMS.length)];
		// a customer that stopped paying did so three to fourteen months ago
		LocalDate stoppedOn = today.minusDays(90 + random.nextInt(330));
		boolean disputing = index % 60 == 13;
		int sequence = 0;
		LocalDate start = today.minusMonths(MONTHS).plusDays(random.nextInt(25));
		for (LocalDate issued = start; !issued.isAfter(today); issued = issued.plusDays(28 + random.nextInt(25))) {
			sequence++;
			BigDecimal amount = BigDecimal.valueOf(monthly * (60 + random.nextInt(80)) / 100)
				.setScale(2, RoundingMode.HALF_UP);
			LocalDate ordered = issued.minusDays(3 + random.nextInt(12));
			boolean invoiced = issued.isBefore(today.minusDays(5));
			// the order system sends the orders of the last half year (older ones are
			// closed and long invoiced)
			String orderNumber = null;
			if (ordered.isAfter(today.minusMonths(6))) {
				orderNumber = "DM-SO-" + code + "-" + sequence;
				steps.add(new Order(ordered, new OrderEntry(orderNumber, code, orderNumber, amount, currency, ordered,
						invoiced && issued.isBefore(today.minusDays(60)) ? OrderStatus.CLOSED : OrderStatus.OPEN)));
			}
			if (!invoiced) {
				continue;
			}
			String number = "DM-INV-" + code + "-" + sequence;
			LocalDate due = issued.plusDays(terms);
			steps.add(new Invoice(issued,
					new InvoiceEntry(number, code, number, amount, currency, issued, due, orderNumber)));
			BigDecimal owed = amount;
			if (random.nextInt(30) == 0) {
				BigDecimal credit = amount.multiply(BigDecimal.valueOf(5 + random.nextInt(6)))
					.divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
				String note = "DM-CN-" + code + "-" + sequence;
				steps.add(new CreditNote(issued.plusDays(10),
						new CreditNoteEntry(note, code, note, credit, currency, issued.plusDays(10), number)));
				owed = owed.subtract(credit);
			}
			if (disputing && due.isAfter(today.minusDays(75)) && due.isBefore(today.minusDays(20))
					&& disputes.stream().noneMatch(d -> d.invoiceNumber().startsWith("DM-INV-" + code + "-"))) {
				disputes.add(new Dispute(number, "客户称部分货物规格不符，要求退换后再付款。"));
				continue;
			}
			int late = switch (payer) {
				case PROMPT -> random.nextInt(9) - 4;
				case LATE -> 5 + random.nextInt(21);
				case CHRONIC -> 30 + random.nextInt(61);
				case STOPPED -> due.isAfter(stoppedOn) ? -1_000 : 10 + random.nextInt(40);
			};
			if (late == -1_000) {
				continue;
			}
			LocalDate paid = due.plusDays(late);
			if (payer == Payer.CHRONIC && random.nextInt(5) < 2) {
				BigDecimal part = owed.divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN);
				LocalDate firstPart = due.plusDays(late / 3);
				steps.add(payment(code + "-" + sequence + "-1", code, part, currency, firstPart, number));
				owed = owed.subtract(part);
			}
			steps.add(payment(code + "-" + sequence, code, owed, currency, paid, number));
		}
	}

	private static Payment payment(String key, String code, BigDecimal amount, String currency, LocalDate on,
			String invoiceNumber) {
		String externalId = "DM-PAY-" + key;
		return new Payment(on, new PaymentEntry(externalId, code, amount, currency, on, "银行转账 " + invoiceNumber,
				List.of(new RequestedAllocation(invoiceNumber, amount))));
	}

}
