package org.credence.receivable.statement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiFunction;

import org.credence.receivable.AccountStatement;
import org.credence.receivable.AccountStatement.Line;
import org.credence.receivable.AccountStatement.Section;
import org.credence.receivable.Conversion;

/**
 * Builds a statement from the balances before the period and the movements in it: one
 * section per currency (the company currency first, then alphabetically), lines by date,
 * then invoices before credit notes, payments, reversals and write-offs of the same day,
 * then by reference; lines are numbered across sections. A currency appears when it had a
 * balance at the start or a document in the period; a customer with neither gets an empty
 * section in company currency, so every statement states a balance.
 */
public final class StatementPolicy {

	private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

	private static final Comparator<Movement> ORDER = Comparator.comparing(Movement::date)
		.thenComparing(Movement::kind)
		.thenComparing(Movement::reference);

	private StatementPolicy() {
	}

	/**
	 * @param openings each currency's balance at the end of the day before {@code from}
	 * @param movements the movements dated from {@code from} to {@code to}, in any order
	 * @param rate units of company currency per unit of a currency on a day
	 */
	public static AccountStatement statement(String customerCode, String customerName, String country, LocalDate from,
			LocalDate to, String companyCurrency, Map<String, BigDecimal> openings, List<Movement> movements,
			BiFunction<String, LocalDate, BigDecimal> rate) {
		if (to.isBefore(from)) {
			throw new IllegalArgumentException("period ends before it starts");
		}
		TreeSet<String> currencies = new TreeSet<>(Comparator.comparing((String c) -> !c.equals(companyCurrency))
			.thenComparing(Comparator.naturalOrder()));
		openings.forEach((currency, opening) -> {
			if (opening.signum() != 0) {
				currencies.add(currency);
			}
		});
		movements.forEach(m -> currencies.add(m.currency()));
		if (currencies.isEmpty()) {
			currencies.add(companyCurrency);
		}
		LocalDate dayBefore = from.minusDays(1);
		List<Section> sections = new ArrayList<>();
		int lineNo = 0;
		for (String currency : currencies) {
			BigDecimal opening = scaled(openings.getOrDefault(currency, ZERO));
			BigDecimal balance = opening;
			BigDecimal debit = ZERO;
			BigDecimal credit = ZERO;
			List<Line> lines = new ArrayList<>();
			for (Movement m : movements.stream().filter(m -> m.currency().equals(currency)).sorted(ORDER).toList()) {
				balance = balance.add(m.net());
				debit = debit.add(m.debit());
				credit = credit.add(m.credit());
				lines.add(new Line(++lineNo, m.date(), m.kind(), currency, m.reference(), m.detail(), scaled(m.debit()),
						scaled(m.credit()), scaled(balance)));
			}
			BigDecimal closingRate = rate.apply(currency, to);
			// a currency first used in the period may have no rate the day before; its
			// opening is zero then, and any rate converts it
			BigDecimal openingRate = opening.signum() == 0 ? closingRate : rate.apply(currency, dayBefore);
			sections.add(new Section(currency, opening, List.copyOf(lines), scaled(debit), scaled(credit),
					scaled(balance), openingRate, closingRate, Conversion.toCompany(opening, openingRate),
					Conversion.toCompany(balance, closingRate)));
		}
		BigDecimal companyOpening = sections.stream().map(Section::companyOpening).reduce(ZERO, BigDecimal::add);
		BigDecimal companyClosing = sections.stream().map(Section::companyClosing).reduce(ZERO, BigDecimal::add);
		return new AccountStatement(customerCode, customerName, country, from, to, companyCurrency,
				List.copyOf(sections), companyOpening, companyClosing);
	}

	private static BigDecimal scaled(BigDecimal amount) {
		return amount.setScale(2, RoundingMode.HALF_UP);
	}

}
