package org.credence.receivable.statement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.credence.receivable.AccountStatement;
import org.credence.receivable.AccountStatement.Kind;
import org.credence.receivable.AccountStatement.Line;
import org.credence.receivable.AccountStatement.Section;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatementPolicyTests {

	static final LocalDate FROM = LocalDate.parse("2026-03-01");

	static final LocalDate TO = LocalDate.parse("2026-03-31");

	/** USD is 7.0 until March 15, 7.2 from then; no rate for JPY before March 20. */
	static final BiFunction<String, LocalDate, BigDecimal> RATES = (currency, day) -> switch (currency) {
		case "CNY" -> BigDecimal.ONE;
		case "USD" -> day.isBefore(LocalDate.parse("2026-03-15")) ? new BigDecimal("7.0") : new BigDecimal("7.2");
		case "JPY" -> {
			if (day.isBefore(LocalDate.parse("2026-03-20"))) {
				throw new IllegalStateException("no JPY rate on " + day);
			}
			yield new BigDecimal("0.048");
		}
		default -> throw new IllegalStateException(currency);
	};

	static Movement invoice(String day, String currency, String number, String amount) {
		return new Movement(LocalDate.parse(day), Kind.INVOICE, currency, number, null, new BigDecimal(amount),
				BigDecimal.ZERO);
	}

	static Movement payment(String day, String currency, String reference, String amount) {
		return new Movement(LocalDate.parse(day), Kind.PAYMENT, currency, reference, null, BigDecimal.ZERO,
				new BigDecimal(amount));
	}

	static AccountStatement statement(Map<String, BigDecimal> openings, List<Movement> movements) {
		return StatementPolicy.statement("C1", "华东精密建材有限公司", "CN", FROM, TO, "CNY", openings, movements, RATES);
	}

	@Test
	void listsADaysInvoicesBeforeItsPaymentsAndKeepsTheRunningBalance() {
		AccountStatement statement = statement(Map.of("CNY", new BigDecimal("100")),
				List.of(payment("2026-03-10", "CNY", "B-2", "150"), invoice("2026-03-10", "CNY", "INV-9", "80"),
						invoice("2026-03-02", "CNY", "INV-1", "20")));

		Section cny = statement.sections().get(0);
		assertThat(cny.lines()).extracting(Line::reference).containsExactly("INV-1", "INV-9", "B-2");
		assertThat(cny.lines()).extracting(l -> l.balance().toPlainString())
			.containsExactly("120.00", "200.00", "50.00");
		assertThat(cny.closing()).isEqualByComparingTo("50");
		assertThat(cny.totalDebit()).isEqualByComparingTo("100");
		assertThat(cny.totalCredit()).isEqualByComparingTo("150");
	}

	@Test
	void putsTheCompanyCurrencyFirstNumbersLinesAcrossSectionsAndConvertsAtEachBalancesDay() {
		AccountStatement statement = statement(Map.of("USD", new BigDecimal("10"), "CNY", BigDecimal.ZERO),
				List.of(invoice("2026-03-05", "USD", "INV-U", "90"), invoice("2026-03-06", "CNY", "INV-C", "500")));

		assertThat(statement.sections()).extracting(Section::currency).containsExactly("CNY", "USD");
		assertThat(statement.sections().get(0).lines()).extracting(Line::lineNo).containsExactly(1);
		assertThat(statement.sections().get(1).lines()).extracting(Line::lineNo).containsExactly(2);
		Section usd = statement.sections().get(1);
		assertThat(usd.companyOpening()).isEqualByComparingTo("70.00");
		assertThat(usd.companyClosing()).isEqualByComparingTo("720.00");
		assertThat(statement.companyOpening()).isEqualByComparingTo("70.00");
		assertThat(statement.companyClosing()).isEqualByComparingTo("1220.00");
		assertThat(statement.hasForeignCurrency()).isTrue();
	}

	@Test
	void leavesOutACurrencyThatWasSettledBeforeThePeriodAndHadNothingInIt() {
		AccountStatement statement = statement(Map.of("USD", new BigDecimal("0.00"), "CNY", new BigDecimal("5")),
				List.of());

		assertThat(statement.sections()).extracting(Section::currency).containsExactly("CNY");
		assertThat(statement.hasForeignCurrency()).isFalse();
	}

	@Test
	void givesACustomerWithoutDocumentsAnEmptySectionInCompanyCurrency() {
		AccountStatement statement = statement(Map.of(), List.of());

		assertThat(statement.sections()).singleElement().satisfies(section -> {
			assertThat(section.currency()).isEqualTo("CNY");
			assertThat(section.lines()).isEmpty();
			assertThat(section.closing()).isEqualByComparingTo("0");
		});
	}

	@Test
	void convertsACurrencyFirstUsedInThePeriodWithoutARateForTheDayBefore() {
		AccountStatement statement = statement(Map.of(), List.of(invoice("2026-03-20", "JPY", "INV-J", "10000")));

		Section jpy = statement.sections().get(0);
		assertThat(jpy.companyOpening()).isEqualByComparingTo("0");
		assertThat(jpy.companyClosing()).isEqualByComparingTo("480.00");
	}

}
