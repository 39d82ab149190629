package org.credence.integration.imports;

import java.util.List;
import java.util.Set;

import org.credence.shared.InvalidInputException;
import org.credence.shared.InvalidInputException.FieldProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ColumnMappingTests {

	static final List<ImportColumn> COLUMNS = List.of(column("code", true, "客户编码", "Customer code"),
			column("name", true, "客户名称", "Customer name"),
			column("registeredCapital", false, "注册资本", "Registered capital"),
			column("region", false, "省份/地区", "Province / region"));

	@Test
	void matchesFieldNamesIgnoringCaseAndSurroundingBlanks() {
		ColumnMapping mapping = ColumnMapping.match(List.of(" CODE ", "Name", "registeredcapital"), COLUMNS);

		ImportRow row = mapping.row(new Table.TableRow(2, List.of("C1", "Alpha", "100")));

		assertThat(row.text("code")).isEqualTo("C1");
		assertThat(row.text("name")).isEqualTo("Alpha");
		assertThat(row.text("registeredCapital")).isEqualTo("100");
		assertThat(row.problems()).isEmpty();
	}

	@Test
	void acceptsChineseAndEnglishLabelsAsAliases() {
		ColumnMapping mapping = ColumnMapping.match(List.of("注册资本", "客户名称", "Customer code", "省份/地区"), COLUMNS);

		ImportRow row = mapping.row(new Table.TableRow(2, List.of("100", "甲公司", "C1", "广东")));

		assertThat(row.text("code")).isEqualTo("C1");
		assertThat(row.text("name")).isEqualTo("甲公司");
		assertThat(row.text("registeredCapital")).isEqualTo("100");
		assertThat(row.text("region")).isEqualTo("广东");
	}

	@Test
	void acceptsARequiredMarkerAfterTheName() {
		ColumnMapping mapping = ColumnMapping.match(List.of("客户编码*", "客户名称 ＊"), COLUMNS);

		assertThat(mapping.row(new Table.TableRow(2, List.of("C1", "甲"))).text("name")).isEqualTo("甲");
	}

	@Test
	void namesEveryUnknownColumn() {
		assertThat(problems(List.of("code", "name", "Fax", "传真")))
			.extracting(FieldProblem::messageCode, p -> p.arguments()[0])
			.containsExactly(org.assertj.core.groups.Tuple.tuple("integration.import.column.unknown", "Fax"),
					org.assertj.core.groups.Tuple.tuple("integration.import.column.unknown", "传真"));
	}

	@Test
	void refusesAColumnGivenTwice() {
		assertThat(problems(List.of("code", "name", "客户编码"))).singleElement().satisfies(problem -> {
			assertThat(problem.field()).isEqualTo("file");
			assertThat(problem.messageCode()).isEqualTo("integration.import.column.duplicate");
			assertThat(problem.arguments()).containsExactly("客户编码", "code");
		});
	}

	@Test
	void requiresCodeAndNameColumns() {
		assertThat(problems(List.of("registeredCapital"))).extracting(FieldProblem::messageCode, p -> p.arguments()[0])
			.containsExactly(org.assertj.core.groups.Tuple.tuple("integration.import.column.missing", "code"),
					org.assertj.core.groups.Tuple.tuple("integration.import.column.missing", "name"));
	}

	@Test
	void ignoresUnnamedEmptyColumnsButReportsValuesInThem() {
		ColumnMapping mapping = ColumnMapping.match(List.of("code", "", "name", ""), COLUMNS);

		ImportRow clean = mapping.row(new Table.TableRow(2, List.of("C1", "", "Alpha", "")));
		ImportRow stray = mapping.row(new Table.TableRow(3, List.of("C2", "", "Beta", "", "oops")));

		assertThat(clean.problems()).isEmpty();
		assertThat(stray.problems()).singleElement().satisfies(problem -> {
			assertThat(problem.row()).isEqualTo(3);
			assertThat(problem.field()).isNull();
			assertThat(problem.messageCode()).isEqualTo("integration.import.value.no-column");
			assertThat(problem.arguments()).containsExactly("E");
		});
	}

	@Test
	void namesColumnsAsExcelDoes() {
		assertThat(ColumnMapping.columnLetter(1)).isEqualTo("A");
		assertThat(ColumnMapping.columnLetter(26)).isEqualTo("Z");
		assertThat(ColumnMapping.columnLetter(27)).isEqualTo("AA");
		assertThat(ColumnMapping.columnLetter(703)).isEqualTo("AAA");
	}

	private static List<FieldProblem> problems(List<String> header) {
		return assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> ColumnMapping.match(header, COLUMNS))
			.actual()
			.problems();
	}

	private static ImportColumn column(String field, boolean required, String... aliases) {
		return new ImportColumn(field, required, "label." + field, "hint." + field, Set.of(aliases));
	}

}
