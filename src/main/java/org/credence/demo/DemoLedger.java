package org.credence.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * same seed and day, shaped like a building-materials supplier's book: monthly USD and
 * EUR rates, orders, the invoices that bill them, payments (most on time or a little
 * late, weaker companies later, a handful chronically late, two that stopped paying and
 * carry old debt, some in parts), price-adjustment credit notes and a couple of disputed
 * invoices. Every date counts back from the day the demo is loaded; what falls after that
 * day is left out, so recent invoices are still open.
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

	/** At most this many customers stopped paying and carry seriously old debt. */
	static final int STOPPED_AT_MOST = 2;

	/** At most this many customers dispute an invoice. */
	static final int DISPUTES_AT_MOST = 2;

	/**
	 * Which customers have a ledger: HD-0001, the customer everybody opens first, and
	 * about two in five of those active or suspended (about one in three of the
	 * portfolio), so that the demo still starts in seconds with every document recorded
	 * through the ledger's API.
	 */
	static boolean hasLedger(int index, CustomerDraft customer) {
		return index == 0
				|| ((customer.status() == CustomerStatus.ACTIVE || customer.status() == CustomerStatus.SUSPENDED)
						&& new Random(DemoPlan.SEED * 67 + index).nextInt(100) < 42);
	}

	/**
	 * How each customer with a ledger pays, by code, in plan order. Payment follows the
	 * customer's {@linkplain DemoFinancials#profile financial profile}: sound companies
	 * mostly pay on time, stretched ones a little late, weak ones often a month or two
	 * late; distressed ones are mostly chronic late payers, and the first
	 * {@value #STOPPED_AT_MOST} suspended ones stopped paying. HD-0001 pays on time.
	 */
	static Map<String, Payer> payers(List<CustomerDraft> customers) {
		Map<String, Payer> payers = new LinkedHashMap<>();
		int stopped = 0;
		for (int i = 0; i < customers.size(); i++) {
			CustomerDraft customer = customers.get(i);
			if (!hasLedger(i, customer)) {
				continue;
			}
			Payer payer;
			if (i == 0) {
				payer = Payer.PROMPT;
			}
			else if (customer.status() == CustomerStatus.SUSPENDED && stopped < STOPPED_AT_MOST) {
				payer = Payer.STOPPED;
				stopped++;
			}
			else {
				int roll = new Random(DemoPlan.SEED * 47 + i).nextInt(100);
				payer = switch (DemoFinancials.profile(i, customer)) {
					case SOUND -> roll < 72 ? Payer.PROMPT : roll < 97 ? Payer.LATE : Payer.CHRONIC;
					case STRETCHED -> roll < 35 ? Payer.PROMPT : roll < 88 ? Payer.LATE : Payer.CHRONIC;
					case WEAK -> roll < 15 ? Payer.PROMPT : roll < 70 ? Payer.LATE : Payer.CHRONIC;
					case DISTRESSED -> roll < 40 ? Payer.LATE : Payer.CHRONIC;
				};
			}
			payers.put(customer.code(), payer);
		}
		return payers;
	}

	static History history(List<CustomerDraft> customers, LocalDate today) {
		List<Step> steps = new ArrayList<>(rates(today));
		List<Dispute> disputes = new ArrayList<>();
		Map<String, Payer> payers = payers(customers);
		for (int i = 0; i < customers.size(); i++) {
			CustomerDraft customer = customers.get(i);
			Payer payer = payers.get(customer.code());
			if (payer != null) {
				// the first late payers past the flagship each dispute one recent invoice
				boolean disputing = i > 0 && payer == Payer.LATE && disputes.size() < DISPUTES_AT_MOST;
				customer(i, customer, payer, disputing, today, steps, disputes);
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

	private static void customer(int index, CustomerDraft customer, Payer payer, boolean disputing, LocalDate today,
			List<Step> steps, List<Dispute> disputes) {
		Random random = new Random(DemoPlan.SEED * 71 + index);
		String code = customer.code();
		boolean flagship = index == 0;
		String currency = !flagship && random.nextInt(10) == 0 ? (random.nextBoolean() ? "USD" : "EUR") : "CNY";
		// monthly sales of 50,000 to 2 million yuan (or a seventh of that in dollars or
		// euros); HD-0001 buys about 400,000 a month on 60 days (its credit line)
		long monthly = flagship ? 400_000 : Math.round(Math.pow(10, 4.7 + random.nextDouble() * 1.6));
		if (!"CNY".equals(currency)) {
			monthly /= 7;
		}
		int terms = flagship ? 60 : TERMS[random.nextInt(TERMS.length)];
		// a customer that stopped paying did so seven to eleven months ago; the supplier
		// stopped delivering some six weeks later
		LocalDate stoppedOn = today.minusDays(210 + random.nextInt(120));
		LocalDate deliveriesStopped = stoppedOn.plusDays(45);
		boolean disputed = false;
		int sequence = 0;
		LocalDate start = today.minusMonths(MONTHS).plusDays(random.nextInt(25));
		for (LocalDate issued = start; !issued.isAfter(today); issued = issued.plusDays(28 + random.nextInt(25))) {
			if (payer == Payer.STOPPED && issued.isAfter(deliveriesStopped)) {
				break;
			}
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
			if (disputing && !disputed && due.isAfter(today.minusDays(50)) && due.isBefore(today.minusDays(10))) {
				disputes.add(new Dispute(number, "客户称部分货物规格不符，要求退换后再付款。"));
				disputed = true;
				continue;
			}
			int late = switch (payer) {
				case PROMPT -> random.nextInt(9) - 5;
				case LATE -> 3 + random.nextInt(24);
				case CHRONIC -> 20 + random.nextInt(51);
				case STOPPED -> due.isAfter(stoppedOn) ? -1_000 : 15 + random.nextInt(40);
			};
			if (late == -1_000) {
				continue;
			}
			LocalDate paid = due.plusDays(late);
			boolean inParts = switch (payer) {
				case CHRONIC, STOPPED -> random.nextInt(5) < 2;
				case LATE -> random.nextInt(8) == 0;
				case PROMPT -> false;
			};
			if (inParts) {
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
