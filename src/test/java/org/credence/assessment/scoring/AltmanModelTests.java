package org.credence.assessment.scoring;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;

import org.credence.assessment.model.BuiltInModels;
import org.credence.assessment.model.ModelDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Altman Z''-score model grades as Altman's EM-score bond rating equivalents (Altman
 * & Hotchkiss 2006): the score is Z'' itself.
 */
class AltmanModelTests {

	final ModelDefinition altman = BuiltInModels.altmanZ2();

	static BigDecimal z2(String x1, String x2, String x3, String x4) {
		return new BigDecimal("3.25").add(new BigDecimal("6.56").multiply(new BigDecimal(x1)))
			.add(new BigDecimal("3.26").multiply(new BigDecimal(x2)))
			.add(new BigDecimal("6.72").multiply(new BigDecimal(x3)))
			.add(new BigDecimal("1.05").multiply(new BigDecimal(x4)), MathContext.DECIMAL64);
	}

	@Test
	void theScenarioCompanyWithZ2Of649IsGradedA() {
		// SCENARIOS.md §2: X1 0.20, X2 0.15, X3 0.11, X4 4,000,000 / 6,000,000
		BigDecimal x4 = new BigDecimal("4000000").divide(new BigDecimal("6000000"), MathContext.DECIMAL64);
		BigDecimal z2 = z2("0.20", "0.15", "0.11", x4.toPlainString());
		assertThat(z2.setScale(2, RoundingMode.HALF_UP)).isEqualByComparingTo("6.49");

		Score score = Scorecard.score(this.altman, new Facts(Map.of("ratio:ALTMAN_Z2", z2)));

		assertThat(score.score()).isEqualByComparingTo("6.49");
		// Altman's table: A− from 6.40 to below 6.65, collapsed to A
		assertThat(score.band().grade()).isEqualTo("A");
		assertThat(score.band().riskClass()).isEqualTo("LOW");
		assertThat(score.band().pd()).isEqualByComparingTo("0.0005");
	}

	@ParameterizedTest(name = "Z'' {0} is {1} (Altman notch {2})")
	@CsvSource({ "8.15, AAA, AAA", "7.60, AA, AA+", "7.00, AA, AA-", "6.99, A, A+", "6.65, A, A", "6.40, A, A-",
			"6.39, BBB, BBB+", "5.65, BBB, BBB-", "5.25, BB, BB+", "4.75, BB, BB-", "4.50, B, B+", "3.75, B, B-",
			"3.20, CCC, CCC+", "2.50, CC, CCC", "1.75, C, CCC-", "1.74, D, D", "-3.00, D, D" })
	void gradesFollowAltmansEmScoreRatingEquivalents(String z2, String grade, String notch) {
		Score score = Scorecard.score(this.altman, new Facts(Map.of("ratio:ALTMAN_Z2", new BigDecimal(z2))));

		assertThat(score.band().grade()).isEqualTo(grade);
	}

	@Test
	void aCompanyWithNegativeWorkingCapitalAndLossesIsInDefaultTerritory() {
		// a distressed firm: X1 −0.10, X2 −0.20, X3 −0.05, X4 0.10 gives Z'' 1.711, below
		// Altman's 1.75 distress cut-off
		BigDecimal z2 = z2("-0.10", "-0.20", "-0.05", "0.10");
		assertThat(z2).isEqualByComparingTo("1.711");

		Score score = Scorecard.score(this.altman, new Facts(Map.of("ratio:ALTMAN_Z2", z2)));

		assertThat(score.band().grade()).isEqualTo("D");
		assertThat(score.band().pd()).isEqualByComparingTo("1");
	}

	@Test
	void withoutAZ2ScoreTheCompanyIsGradedD() {
		Score score = Scorecard.score(this.altman, new Facts(Map.of()));

		assertThat(score.isUnscored()).isTrue();
		assertThat(score.band().grade()).isEqualTo("D");
	}

}
