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

	/**
	 * How a demo company is doing; each profile fixes the ranges of its ratios, in per
	 * mille: debt ratio, current ratio, net margin; and how well the analyst answers.
	 */
	enum Profile {

		SOUND(380, 580, 1300, 2200, 40, 100, 4), STRETCHED(550, 680, 1050, 1500, 15, 50, 3),
		WEAK(620, 740, 1000, 1250, 10, 35, 3), DISTRESSED(840, 1050, 500, 850, -120, -20, 1);

		final int debtFrom, debtTo, currentFrom, currentTo, marginFrom, marginTo;

		final int answers;

		Profile(int debtFrom, int debtTo, int currentFrom, int currentTo, int marginFrom, int marginTo, int answers) {
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
		long capital = customer.registeredCapital() == null ? 5_000_000 : customer.registeredCapital().longValue();
		int employees = customer.employees() == null ? 50 : customer.employees();
		long revenue = Math.max(part(capital, between(random, 1000, 3000)),
				employees * (long) between(random, 500_000, 1_200_000));
		int years = 1 + random.nextInt(3);
		List<StatementDraft> statements = new ArrayList<>(years);
		for (int year = 2026 - years; year <= 2025; year++) {
			statements.add(StatementDraft.annual(LocalDate.of(year, 12, 31), lines(random, profile, revenue)));
			revenue = part(revenue, between(random, 900, 1200));
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

	private static StatementLines lines(Random random, Profile profile, long revenue) {
		long totalAssets = part(revenue, between(random, 700, 1400));
		long liabilities = part(totalAssets, between(random, profile.debtFrom, profile.debtTo));
		long equity = totalAssets - liabilities;
		long currentLiabilities = part(liabilities, between(random, 600, 850));
		long currentAssets = Math.min(part(currentLiabilities, between(random, profile.currentFrom, profile.currentTo)),
				part(totalAssets, 850));
		long inventory = part(currentAssets, between(random, 180, 350));
		long cash = part(currentAssets, between(random, 80, 250));
		long receivables = part(currentAssets, between(random, 250, 400));
		long netProfit = part(revenue, between(random, profile.marginFrom, profile.marginTo));
		long interest = part(liabilities, between(random, 25, 50));
		long ebit = (netProfit > 0 ? netProfit * 4 / 3 : netProfit) + interest;
		long operatingCashFlow = part(netProfit, between(random, 700, 1300)) + revenue / 100;
		long retained = part(equity, between(random, profile == Profile.DISTRESSED ? -600 : 150, 500));
		return new StatementLines(yuan(cash), yuan(receivables), yuan(inventory), yuan(currentAssets),
				yuan(totalAssets), yuan(currentLiabilities), yuan(liabilities), yuan(equity), yuan(revenue),
				yuan(part(revenue, between(random, 720, 860))), yuan(ebit), yuan(netProfit), yuan(interest),
				yuan(operatingCashFlow), yuan(retained), yuan(ebit));
	}

	/** A whole number between the bounds (per mille, or yuan). */
	private static int between(Random random, int from, int to) {
		return from + random.nextInt(to - from + 1);
	}

	/** {@code perMille} thousandths of an amount. */
	private static long part(long amount, int perMille) {
		return Math.round(amount / 1000.0 * perMille);
	}

	private static int clamp(int value, int min, int max) {
		return Math.max(min, Math.min(max, value));
	}

	private static BigDecimal yuan(long amount) {
		return BigDecimal.valueOf(amount);
	}

}
