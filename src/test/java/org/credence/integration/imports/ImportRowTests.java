package org.credence.integration.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ImportRowTests {

	@Test
	void readsDecimalsWithOrWithoutThousandsSeparators() {
		ImportRow row = row(Map.of("a", "1,234,567.50", "b", "-12.5", "c", "5000000", "d", "1,23"));

		assertThat(row.decimal("a")).isEqualByComparingTo("1234567.50");
		assertThat(row.decimal("b")).isEqualByComparingTo("-12.5");
		assertThat(row.decimal("c")).isEqualByComparingTo(new BigDecimal("5000000"));
		assertThat(row.decimal("d")).isNull();
		assertThat(row.problems()).singleElement().satisfies(problem -> {
			assertThat(problem.field()).isEqualTo("d");
			assertThat(problem.messageCode()).isEqualTo("integration.import.value.number");
		});
	}

	@Test
	void readsWholeNumbersAlsoWrittenWithZeroDecimals() {
		ImportRow row = row(Map.of("a", "1,200", "b", "120.0", "c", "12.5"));

		assertThat(row.integer("a")).isEqualTo(1200);
		assertThat(row.integer("b")).isEqualTo(120);
		assertThat(row.integer("c")).isNull();
		assertThat(row.problems()).extracting(ImportProblem::messageCode)
			.containsExactly("integration.import.value.integer");
	}

	@Test
	void readsDatesInTheFormsChineseSpreadsheetsUse() {
		LocalDate expected = LocalDate.of(2008, 3, 1);

		for (String text : new String[] { "2008-03-01", "2008/3/1", "2008.3.1", "2008年3月1日", "20080301",
				"2008-03-01 00:00:00", "2008-03-01T00:00" }) {
			assertThat(ImportRow.parseDate(text)).as(text).isEqualTo(expected);
		}
	}

	@Test
	void refusesAmbiguousOrImpossibleDates() {
		ImportRow row = row(Map.of("a", "03/01/2008", "b", "2008-02-30", "c", "2008-03-01T10:15"));

		assertThat(row.date("a")).isNull();
		assertThat(row.date("b")).isNull();
		assertThat(row.date("c")).isNull();
		assertThat(row.problems()).extracting(ImportProblem::field).containsExactly("a", "b", "c");
	}

	@Test
	void splitsListsOnSemicolonsCommasAndEnumerationCommas() {
		ImportRow row = row(Map.of("tags", "重点客户、华南; export,  vip ，新"));

		assertThat(row.list("tags")).containsExactly("重点客户", "华南", "export", "vip", "新");
	}

	@Test
	void readsChoicesAndNamesTheAllowedValuesWhenNoneMatches() {
		ImportRow row = row(Map.of("a", "yes", "b", "maybe"));

		Boolean yes = row.choice("a", text -> text.equals("yes") ? Optional.of(true) : Optional.empty(), "yes, no");
		Boolean maybe = row.choice("b", text -> Optional.<Boolean>empty(), "yes, no");

		assertThat(yes).isTrue();
		assertThat(maybe).isNull();
		assertThat(row.problems()).singleElement()
			.satisfies(problem -> assertThat(problem.arguments()).containsExactly("maybe", "yes, no"));
	}

	@Test
	void readsBlankValuesAsAbsent() {
		ImportRow row = row(Map.of());

		assertThat(row.text("a")).isNull();
		assertThat(row.textOrEmpty("a")).isEmpty();
		assertThat(row.decimal("a")).isNull();
		assertThat(row.date("a")).isNull();
		assertThat(row.list("a")).isNull();
		assertThat(row.problems()).isEmpty();
	}

	private static ImportRow row(Map<String, String> values) {
		return new ImportRow(2, values);
	}

}
