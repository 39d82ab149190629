package org.credence.limit.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.credence.identity.Role;
import org.credence.limit.application.ApprovalMatrix.Band;
import org.credence.limit.application.ApprovalMatrix.BandKind;
import org.credence.limit.application.ApprovalMatrix.Matrix;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Routing by the approval matrix, without Spring: the band boundaries and the special
 * bands.
 */
class ApprovalMatrixRouteTests {

	private static final Band SMALL = new Band(BandKind.AMOUNT, new BigDecimal("500000.00"),
			ApprovalMatrix.parseSteps("CREDIT_ANALYST:1"));

	private static final Band MIDDLE = new Band(BandKind.AMOUNT, new BigDecimal("2000000.00"),
			ApprovalMatrix.parseSteps("CREDIT_ANALYST:1,CREDIT_MANAGER:1"));

	private static final Band LARGE = new Band(BandKind.AMOUNT, null,
			ApprovalMatrix.parseSteps("CREDIT_ANALYST:1,CREDIT_MANAGER:1,COMMITTEE_MEMBER:2"));

	private static final Band HIGH_RISK = new Band(BandKind.HIGH_RISK, null,
			ApprovalMatrix.parseSteps("CREDIT_MANAGER:1,COMMITTEE_MEMBER:2"));

	private static final Band DECREASE = new Band(BandKind.DECREASE, null,
			ApprovalMatrix.parseSteps("CREDIT_ANALYST:1"));

	private static Matrix matrix(Band... bands) {
		return new Matrix(1, null, Instant.EPOCH, "test", List.of(bands));
	}

	private static Band route(Matrix matrix, String amount) {
		return ApprovalMatrix.route(matrix, false, false, new BigDecimal(amount));
	}

	@Test
	void routesByTheFirstBandWhoseMaximumIsNotBelowTheAmount() {
		Matrix matrix = matrix(SMALL, MIDDLE, LARGE, HIGH_RISK, DECREASE);
		assertThat(route(matrix, "0.01")).isEqualTo(SMALL);
		assertThat(route(matrix, "500000.00")).isEqualTo(SMALL);
		assertThat(route(matrix, "500000.01")).isEqualTo(MIDDLE);
		assertThat(route(matrix, "2000000.00")).isEqualTo(MIDDLE);
		assertThat(route(matrix, "2000000.01")).isEqualTo(LARGE);
		assertThat(route(matrix, "999999999999.99")).isEqualTo(LARGE);
		assertThat(route(matrix, "2000000.01").steps()).extracting(s -> s.role() + ":" + s.required())
			.containsExactly("CREDIT_ANALYST:1", "CREDIT_MANAGER:1", "COMMITTEE_MEMBER:2");
	}

	@Test
	void theOrderOfTheBandsDoesNotMatter() {
		Matrix shuffled = matrix(DECREASE, LARGE, HIGH_RISK, MIDDLE, SMALL);
		assertThat(route(shuffled, "500000.00")).isEqualTo(SMALL);
		assertThat(route(shuffled, "500000.01")).isEqualTo(MIDDLE);
		assertThat(route(shuffled, "2000000.01")).isEqualTo(LARGE);
	}

	@Test
	void decreasesAndHighRiskCustomersTakeTheirOwnBands() {
		Matrix matrix = matrix(SMALL, MIDDLE, LARGE, HIGH_RISK, DECREASE);
		assertThat(ApprovalMatrix.route(matrix, true, true, new BigDecimal("5000000"))).isEqualTo(DECREASE);
		assertThat(ApprovalMatrix.route(matrix, false, true, new BigDecimal("100"))).isEqualTo(HIGH_RISK);
		assertThat(HIGH_RISK.steps().get(0).role()).isEqualTo(Role.CREDIT_MANAGER);
	}

}
