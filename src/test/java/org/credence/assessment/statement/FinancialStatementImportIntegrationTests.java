package org.credence.assessment.statement;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.credence.IntegrationTest;
import org.credence.customer.ActivityFixtures;
import org.credence.customer.Customers;
import org.credence.identity.CurrentUser;
import org.credence.identity.Role;
import org.credence.identity.Users;
import org.credence.integration.imports.FileImports;
import org.credence.integration.imports.ImportMode;
import org.credence.integration.imports.ImportResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.credence.customer.ActivityFixtures.as;

@IntegrationTest
class FinancialStatementImportIntegrationTests {

	static final String CHINESE_HEADER = "客户编码,报表日期,报表类型,币种,单位,是否审计,货币资金,应收账款,存货,流动资产合计,资产总计,流动负债合计,"
			+ "负债合计,所有者权益合计,营业收入,营业成本,营业利润,净利润,利息费用,经营活动现金流量净额,未分配利润,息税前利润";

	@Autowired
	FileImports imports;

	@Autowired
	FinancialStatements statements;

	@Autowired
	Users users;

	@Autowired
	Customers customers;

	@Autowired
	CurrentUser currentUser;

	ActivityFixtures fixtures;

	String analyst;

	String customer;

	@BeforeEach
	void setUp() {
		this.fixtures = new ActivityFixtures(this.users, this.customers, this.currentUser);
		this.analyst = this.fixtures.user(Role.CREDIT_ANALYST);
		this.customer = this.fixtures.customer();
	}

	/** The scenario statement in 万元, with equity and the period end to choose. */
	String row(String periodEnd, String type, String equity) {
		return this.customer + "," + periodEnd + "," + type + ",CNY,万元,是,,,100,500,1000,300,600," + equity
				+ ",1200,,,80,20,90,150,110";
	}

	ImportResult importFile(String content, ImportMode mode, Charset charset) {
		return as(this.analyst, Role.CREDIT_ANALYST,
				() -> this.imports.importFile("financial-statements", content.getBytes(charset), mode));
	}

	@Test
	void importsAGbkFileWithChineseHeadersAndLabelsConvertingTenThousandYuan() {
		String file = String.join("\n", CHINESE_HEADER, row("2025-12-31", "年报", "400"), row("2025/9/30", "季报", "400"));

		ImportResult result = importFile(file, ImportMode.ALL, Charset.forName("GBK"));

		assertThat(result.errors()).isEmpty();
		assertThat(result.accepted()).isEqualTo(2);
		FinancialStatement annual = as(this.analyst, Role.CREDIT_ANALYST, () -> this.statements.latest(this.customer))
			.orElseThrow();
		assertThat(annual.periodType()).isEqualTo(PeriodType.ANNUAL);
		assertThat(annual.unit()).isEqualTo(AmountUnit.TEN_THOUSAND);
		assertThat(annual.audited()).isTrue();
		assertThat(annual.lines().totalAssets()).hasToString("10000000.00");
		assertThat(annual.ratio(Ratio.ALTMAN_Z2)).hasToString("6.4902");
	}

	@Test
	void oneUnbalancedRowImportsNothingInModeAllAndIsReportedInChinese() {
		String file = String.join("\n", CHINESE_HEADER, row("2025-12-31", "ANNUAL", "400"),
				row("2024-12-31", "ANNUAL", "300"));

		LocaleContextHolder.setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
		ImportResult result;
		try {
			result = importFile(file, ImportMode.ALL, StandardCharsets.UTF_8);
		}
		finally {
			LocaleContextHolder.resetLocaleContext();
		}

		assertThat(result.accepted()).isZero();
		assertThat(result.errors()).singleElement().satisfies(error -> {
			assertThat(error.row()).isEqualTo(3);
			assertThat(error.field()).isEqualTo("equity");
			assertThat(error.message()).isEqualTo("资产总计 1,000 ≠ 负债合计 + 所有者权益 900（相差 10.0%，超过 0.5% 容差）");
		});
		assertThat(as(this.analyst, Role.CREDIT_ANALYST, () -> this.statements.all(this.customer))).isEmpty();
	}

	@Test
	void importsTheGoodRowsInModePartialAndAcceptsAReasonColumn() {
		String file = String.join("\n",
				"customerCode,periodEnd,periodType,totalAssets,totalLiabilities,equity," + "balanceOverrideReason",
				this.customer + ",2025-12-31,ANNUAL,10000000,6000000,3000000,as filed by the customer",
				this.customer + ",2024-12-31,ANNUAL,10000000,6000000,3000000,",
				"NO-SUCH-CUSTOMER,2024-12-31,ANNUAL,10000000,6000000,4000000,");

		ImportResult result = importFile(file, ImportMode.PARTIAL, StandardCharsets.UTF_8);

		assertThat(result.accepted()).isEqualTo(1);
		assertThat(result.errors()).extracting(ImportResult.RowError::row, ImportResult.RowError::field)
			.containsExactly(org.assertj.core.api.Assertions.tuple(3, "equity"),
					org.assertj.core.api.Assertions.tuple(4, "customerCode"));
		assertThat(as(this.analyst, Role.CREDIT_ANALYST, () -> this.statements.latest(this.customer)))
			.hasValueSatisfying(
					statement -> assertThat(statement.balanceOverrideReason()).isEqualTo("as filed by the customer"));
	}

	@Test
	void reportsValuesThatDoNotParseAndTheSamePeriodTwice() {
		String file = String.join("\n",
				"customerCode,periodEnd,periodType,unit,audited,totalAssets,totalLiabilities,equity",
				this.customer + ",2025-12-31,ANNUAL,百万元,maybe,10000000,6000000,4000000",
				this.customer + ",2024-12-31,ANNUAL,元,否,ten,6000000,4000000",
				this.customer + ",2023-12-31,ANNUAL,元,否,10000000,6000000,4000000",
				this.customer + ",2023-12-31,年报,元,否,10000000,6000000,4000000");

		ImportResult result = importFile(file, ImportMode.ALL, StandardCharsets.UTF_8);

		assertThat(result.accepted()).isZero();
		assertThat(result.errors()).extracting(ImportResult.RowError::row, ImportResult.RowError::field)
			.containsExactly(org.assertj.core.api.Assertions.tuple(2, "unit"),
					org.assertj.core.api.Assertions.tuple(2, "audited"),
					org.assertj.core.api.Assertions.tuple(3, "totalAssets"),
					org.assertj.core.api.Assertions.tuple(5, "periodEnd"));
	}

	@Test
	void financeMayImportCustomersButNotStatements() {
		String finance = this.fixtures.user(Role.FINANCE);

		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> as(finance, Role.FINANCE, () -> this.imports.importFile("financial-statements",
					CHINESE_HEADER.getBytes(StandardCharsets.UTF_8), ImportMode.ALL)));
	}

}
