package org.credence.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.credence.assessment.statement.StatementDraft;
import org.credence.assessment.statement.StatementLines;
import org.credence.customer.CustomerDraft;
import org.credence.customer.CustomerStatus;

/**
 * The demo customers' annual statements (2023–2025) and the answers an analyst gave to
 * the qualitative questions, as plain data, the same for the same customer. Figures fit
 * the customer's size (registered capital, employees) and one of four financial profiles:
 * most are sound, some stretched, a few weak, a handful distressed (high debt, losses).
 * HD-0001 has exactly the 2025 statement of {@code ../shared/SCENARIOS.md} §2.
 */
final class DemoFinancials {

	private DemoFinancials() {
	}

	/** How a demo company is doing; each profile fixes the ranges of its ratios. */
	enum Profile {

		SOUND(0.38, 0.58, 1.3, 2.2, 0.04, 0.10, 4), STRETCHED(0.55, 0.68, 1.05, 1.5, 0.015, 0.05, 3),
		WEAK(0.62, 0.74, 1.0, 1.25, 0.01, 0.035, 3), DISTRESSED(0.84, 1.05, 0.5, 0.85, -0.12, -0.02, 1);

		final double debtFrom, debtTo, currentFrom, currentTo, marginFrom, marginTo;

		final int answers;

		Profile(double debtFrom, double debtTo, double currentFrom, double currentTo, double marginFrom,
				double marginTo, int answers) {
			this.debtFrom = debtFrom;
			this.debtTo = debtTo;
			this.currentFrom = currentFrom;
			this.currentTo = currentTo;
			this.marginFrom = marginFrom;
			this.marginTo = marginTo;
			this.answers = answers;
		}

	}

	/** Whether the customer has statements on file in the demo: most open ones do. */
	static boolean hasStatements(int index, CustomerDraft customer) {
		return index == 0 || (customer.status() != CustomerStatus.CLOSED
				&& new Random(DemoPlan.SEED * 53 + index).nextInt(10) < 9);
	}

	static Profile profile(int index, CustomerDraft customer) {
		if (customer.status() == CustomerStatus.SUSPENDED) {
			return Profile.DISTRESSED;
		}
		int roll = new Random(DemoPlan.SEED * 59 + index).nextInt(100);
		return roll < 58 ? Profile.SOUND
				: roll < 84 ? Profile.STRETCHED : roll < 95 ? Profile.WEAK : Profile.DISTRESSED;
	}

	/** One to three annual statements, oldest first; HD-0001's is the scenario's. */
	static List<StatementDraft> statements(int index, CustomerDraft customer) {
		if (index == 0) {
			return List.of(StatementDraft.annual(LocalDate.of(2025, 12, 31),
					new StatementLines(null, null, yuan(1_000_000), yuan(5_000_000), yuan(10_000_000), yuan(3_000_000),
							yuan(6_000_000), yuan(4_000_000), yuan(12_000_000), null, null, yuan(800_000),
							yuan(200_000), yuan(900_000), yuan(1_500_000), yuan(1_100_000))));
		}
		Random random = new Random(DemoPlan.SEED * 61 + index);
		Profile profile = profile(index, customer);
		double capital = customer.registeredCapital() == null ? 5_000_000 : customer.registeredCapital().doubleValue();
		int employees = customer.employees() == null ? 50 : customer.employees();
		double revenue = Math.max(capital * between(random, 1.0, 3.0), employees * between(random, 500_000, 1_200_000));
		int years = 1 + random.nextInt(3);
		List<StatementDraft> statements = new ArrayList<>(years);
		for (int year = 2026 - years; year <= 2025; year++) {
			statements.add(StatementDraft.annual(LocalDate.of(year, 12, 31), lines(random, profile, revenue)));
			revenue = revenue * between(random, 0.9, 1.2);
		}
		return statements;
	}

	/** The analyst's answers by question code, better for sounder companies. */
	static Map<String, BigDecimal> answers(int index, CustomerDraft customer) {
		Random random = new Random(DemoPlan.SEED * 67 + index);
		int base = profile(index, customer).answers;
		Map<String, BigDecimal> answers = new LinkedHashMap<>();
		answers.put("MANAGEMENT", BigDecimal.valueOf(clamp(base + random.nextInt(3) - 1, 1, 5)));
		answers.put("INDUSTRY_POSITION", BigDecimal.valueOf(clamp(base + random.nextInt(3) - 1, 1, 5)));
		int age = customer.foundedOn() == null ? 5 : 2026 - customer.foundedOn().getYear();
		answers.put("YEARS_IN_BUSINESS", BigDecimal.valueOf(age < 2 ? 1 : age < 5 ? 2 : age < 10 ? 3 : 4));
		answers.put("BANK_CERTIFICATE", BigDecimal.valueOf(base >= 3 || random.nextInt(3) == 0 ? 1 : 0));
		return answers;
	}

	private static StatementLines lines(Random random, Profile profile, double revenue) {
		double totalAssets = revenue * between(random, 0.7, 1.4);
		double debtRatio = between(random, profile.debtFrom, profile.debtTo);
		double liabilities = totalAssets * debtRatio;
		double equity = totalAssets - liabilities;
		double currentLiabilities = liabilities * between(random, 0.6, 0.85);
		double currentAssets = Math.min(currentLiabilities * between(random, profile.currentFrom, profile.currentTo),
				totalAssets * 0.85);
		double inventory = currentAssets * between(random, 0.18, 0.35);
		double cash = currentAssets * between(random, 0.08, 0.25);
		double receivables = currentAssets * between(random, 0.25, 0.4);
		double netProfit = revenue * between(random, profile.marginFrom, profile.marginTo);
		double interest = liabilities * between(random, 0.025, 0.05);
		double ebit = (netProfit > 0 ? netProfit / 0.75 : netProfit) + interest;
		double operatingCashFlow = netProfit * between(random, 0.7, 1.3) + revenue * 0.01;
		double retained = equity * between(random, profile == Profile.DISTRESSED ? -0.6 : 0.15, 0.5);
		long assets = Math.round(totalAssets);
		long debt = Math.round(liabilities);
		return new StatementLines(yuan(cash), yuan(receivables), yuan(inventory), yuan(currentAssets), yuan(assets),
				yuan(currentLiabilities), yuan(debt), yuan(assets - debt), yuan(revenue),
				yuan(revenue * between(random, 0.72, 0.86)), yuan(ebit), yuan(netProfit), yuan(interest),
				yuan(operatingCashFlow), yuan(retained), yuan(ebit));
	}

	private static double between(Random random, double from, double to) {
		return from + random.nextDouble() * (to - from);
	}

	private static int clamp(int value, int min, int max) {
		return Math.max(min, Math.min(max, value));
	}

	private static BigDecimal yuan(double amount) {
		return BigDecimal.valueOf(Math.round(amount));
	}

}
