package org.credence.assessment.statement;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.credence.shared.InvalidInputException.FieldProblem;
import org.jspecify.annotations.Nullable;

/**
 * What a statement must satisfy to be recorded, as plain rules over the draft.
 * <ul>
 * <li>A period end (not in the future), a period type, an ISO 4217 currency.</li>
 * <li>The balance-sheet totals: total assets (above zero), total liabilities and
 * equity.</li>
 * <li>Lines that cannot be negative are not: cash, receivables, inventory, current assets
 * and liabilities, total liabilities, revenue, cost of sales, interest expense. Equity,
 * profits, retained earnings and cash flow may be.</li>
 * <li>Parts are not larger than their totals: current assets ≤ total assets, current
 * liabilities ≤ total liabilities, cash + receivables + inventory ≤ current assets.</li>
 * <li>The balance sheet balances: total assets equal total liabilities plus equity within
 * {@value #TOLERANCE_TEXT} of total assets (rounding in printed statements). A statement
 * outside the tolerance is refused unless the analyst confirms it with a reason: a
 * statement as the customer filed it may be wrong and still be the one on file.</li>
 * </ul>
 * Every rule is an error with the field it concerns ({@code lines.equity}); only the
 * balance check can be overridden.
 */
public final class StatementRules {

	/** Code of the problem a confirmation with a reason overrides. */
	public static final String UNBALANCED = "assessment.statement.balance.off";

	static final String TOLERANCE_TEXT = "0.5%";

	/** How far total assets may be from liabilities plus equity, as a share of assets. */
	public static final BigDecimal TOLERANCE = new BigDecimal("0.005");

	/** The most a reason may hold. */
	public static final int REASON_MAX = 1000;

	/** No line may reach 10^16 元 (the column holds 18 digits before the point). */
	static final BigDecimal LINE_LIMIT = BigDecimal.TEN.pow(16);

	private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

	private static final Set<StatementLine> REQUIRED = EnumSet.of(StatementLine.TOTAL_ASSETS,
			StatementLine.TOTAL_LIABILITIES, StatementLine.EQUITY);

	private static final Set<StatementLine> NOT_NEGATIVE = EnumSet.of(StatementLine.CASH, StatementLine.RECEIVABLES,
			StatementLine.INVENTORY, StatementLine.CURRENT_ASSETS, StatementLine.CURRENT_LIABILITIES,
			StatementLine.TOTAL_LIABILITIES, StatementLine.REVENUE, StatementLine.COST_OF_SALES,
			StatementLine.INTEREST_EXPENSE);

	private StatementRules() {
	}

	/**
	 * The draft with defaults filled in (currency CNY, unit 元, not audited), text
	 * trimmed, and its lines still in the entry unit.
	 */
	public static StatementDraft normalise(StatementDraft draft) {
		String currency = draft.currency() == null || draft.currency().isBlank() ? "CNY"
				: draft.currency().strip().toUpperCase(Locale.ROOT);
		String reason = draft.balanceOverrideReason() == null || draft.balanceOverrideReason().isBlank() ? null
				: draft.balanceOverrideReason().strip();
		return new StatementDraft(draft.periodEnd(), draft.periodType(), currency,
				draft.unit() == null ? AmountUnit.YUAN : draft.unit(), draft.audited() != null && draft.audited(),
				draft.lines(), reason);
	}

	/**
	 * What is wrong with a normalised draft, field by field; empty when it may be
	 * recorded. Amounts in messages are in the draft's unit, as the analyst typed them.
	 * @param today the company's today: a period cannot end after it
	 */
	public static List<FieldProblem> problems(StatementDraft draft, LocalDate today) {
		List<FieldProblem> problems = new ArrayList<>();
		if (draft.periodEnd() == null) {
			problems.add(new FieldProblem("periodEnd", "assessment.statement.period-end.required"));
		}
		else if (draft.periodEnd().isAfter(today)) {
			problems.add(new FieldProblem("periodEnd", "assessment.statement.period-end.future"));
		}
		if (draft.periodType() == null) {
			problems.add(new FieldProblem("periodType", "assessment.statement.period-type.required"));
		}
		if (draft.currency() == null || !isCurrency(draft.currency())) {
			problems.add(new FieldProblem("currency", "assessment.statement.currency.invalid",
					String.valueOf(draft.currency())));
		}
		if (draft.balanceOverrideReason() != null && draft.balanceOverrideReason().length() > REASON_MAX) {
			problems.add(new FieldProblem("balanceOverrideReason", "assessment.statement.override-reason.too-long",
					REASON_MAX));
		}
		AmountUnit unit = draft.unit() == null ? AmountUnit.YUAN : draft.unit();
		StatementLines lines = draft.lines().map(unit::toYuan);
		for (StatementLine line : StatementLine.values()) {
			BigDecimal value = line.of(lines);
			if (value == null) {
				if (REQUIRED.contains(line)) {
					problems.add(new FieldProblem(line.path(), "assessment.statement.line.required"));
				}
			}
			else if (value.abs().compareTo(LINE_LIMIT) >= 0) {
				problems.add(new FieldProblem(line.path(), "assessment.statement.line.too-large"));
			}
			else if (value.signum() < 0 && NOT_NEGATIVE.contains(line)) {
				problems.add(new FieldProblem(line.path(), "assessment.statement.line.negative"));
			}
			else if (line == StatementLine.TOTAL_ASSETS && value.signum() <= 0) {
				problems.add(new FieldProblem(line.path(), "assessment.statement.total-assets.positive"));
			}
		}
		if (!problems.stream().anyMatch(p -> p.field().startsWith("lines."))) {
			problems.addAll(consistency(lines, unit, draft.balanceOverrideReason() != null));
		}
		return problems;
	}

	/**
	 * How far the balance sheet is off: total assets against liabilities plus equity;
	 * {@code null} when a total is missing or assets are not above zero.
	 */
	public static @Nullable Imbalance imbalance(StatementLines lines) {
		BigDecimal assets = lines.totalAssets();
		if (assets == null || assets.signum() <= 0 || lines.totalLiabilities() == null || lines.equity() == null) {
			return null;
		}
		BigDecimal liabilitiesAndEquity = lines.totalLiabilities().add(lines.equity());
		BigDecimal share = assets.subtract(liabilitiesAndEquity).abs().divide(assets, MathContext.DECIMAL64);
		return new Imbalance(assets, liabilitiesAndEquity, share);
	}

	private static List<FieldProblem> consistency(StatementLines lines, AmountUnit unit, boolean confirmed) {
		List<FieldProblem> problems = new ArrayList<>();
		BigDecimal currentAssets = lines.currentAssets();
		if (currentAssets != null && currentAssets.compareTo(lines.totalAssets()) > 0) {
			problems.add(new FieldProblem(StatementLine.CURRENT_ASSETS.path(),
					"assessment.statement.current-assets.above-total", amount(currentAssets, unit),
					amount(lines.totalAssets(), unit)));
		}
		BigDecimal parts = sum(lines.cash(), lines.receivables(), lines.inventory());
		if (currentAssets != null && parts.compareTo(currentAssets) > 0) {
			problems.add(new FieldProblem(StatementLine.CURRENT_ASSETS.path(),
					"assessment.statement.current-assets.below-parts", amount(parts, unit),
					amount(currentAssets, unit)));
		}
		BigDecimal currentLiabilities = lines.currentLiabilities();
		if (currentLiabilities != null && currentLiabilities.compareTo(lines.totalLiabilities()) > 0) {
			problems.add(new FieldProblem(StatementLine.CURRENT_LIABILITIES.path(),
					"assessment.statement.current-liabilities.above-total", amount(currentLiabilities, unit),
					amount(lines.totalLiabilities(), unit)));
		}
		Imbalance imbalance = imbalance(lines);
		if (imbalance != null && !imbalance.isWithinTolerance() && !confirmed) {
			problems
				.add(new FieldProblem(StatementLine.EQUITY.path(), UNBALANCED, amount(imbalance.totalAssets(), unit),
						amount(imbalance.liabilitiesAndEquity(), unit), imbalance.percent(), TOLERANCE_TEXT));
		}
		return problems;
	}

	private static BigDecimal sum(@Nullable BigDecimal... values) {
		BigDecimal sum = BigDecimal.ZERO;
		for (BigDecimal value : values) {
			if (value != null) {
				sum = sum.add(value);
			}
		}
		return sum;
	}

	private static boolean isCurrency(String code) {
		if (!CURRENCY.matcher(code).matches()) {
			return false;
		}
		try {
			Currency.getInstance(code);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/** An amount in 元 as the analyst typed it: in the entry unit, with separators. */
	static String amount(BigDecimal yuan, AmountUnit unit) {
		DecimalFormat format = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
		format.setRoundingMode(RoundingMode.HALF_UP);
		return format.format(unit.fromYuan(yuan));
	}

	/**
	 * A balance sheet's totals side by side.
	 *
	 * @param share the difference as a share of total assets (0.1 for 10%)
	 */
	public record Imbalance(BigDecimal totalAssets, BigDecimal liabilitiesAndEquity, BigDecimal share) {

		public boolean isWithinTolerance() {
			return this.share.compareTo(TOLERANCE) <= 0;
		}

		/** The difference as a percentage with one decimal: {@code 10.0}. */
		public String percent() {
			return this.share.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString();
		}

	}

}
