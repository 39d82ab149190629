package org.credence.exposure.web;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.credence.customer.CustomerDetails;
import org.credence.customer.Customers;
import org.credence.exposure.CheckRuleVersions;
import org.credence.exposure.CreditChecks;
import org.credence.exposure.CreditHolds;
import org.credence.exposure.Exposure;
import org.credence.exposure.Exposures;
import org.credence.shared.Paging;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The Exposure tab of the 客户360 page ({@code /customers/{code}/exposure}): the exposure
 * today against the limit with its composition, the group's against the group limit, the
 * customer's latest credit checks and its held orders. Read only; sales see their own
 * customers.
 */
@Controller
@RequestMapping("/customers/{code}/exposure")
@PreAuthorize("hasAuthority('exposure:read')")
class ExposureController {

	/** How many of the latest checks and holds the tab lists. */
	static final int RECENT = 20;

	private static final BigDecimal HUNDRED = new BigDecimal("100");

	private final Customers customers;

	private final Exposures exposures;

	private final CreditChecks checks;

	private final CreditHolds holds;

	private final CheckRuleVersions rules;

	ExposureController(Customers customers, Exposures exposures, CreditChecks checks, CreditHolds holds,
			CheckRuleVersions rules) {
		this.customers = customers;
		this.exposures = exposures;
		this.checks = checks;
		this.holds = holds;
		this.rules = rules;
	}

	@GetMapping
	String exposure(@PathVariable String code, Model model) {
		CustomerDetails customer = this.customers.get(code);
		Exposure exposure = this.exposures.of(code);
		BigDecimal watch = this.rules.current().rules().utilisationPercent();
		model.addAttribute("customer", customer);
		model.addAttribute("exposure", exposure);
		model.addAttribute("utilisation", Utilisation.of(exposure.utilisation(), watch));
		Exposure.GroupExposure group = exposure.group();
		model.addAttribute("groupUtilisation",
				group == null || group.limit() == null || group.limit().signum() <= 0 ? null : Utilisation
					.of(group.total().multiply(HUNDRED).divide(group.limit(), 2, RoundingMode.HALF_UP), watch));
		model.addAttribute("checks", this.checks.forCustomer(code, RECENT));
		model.addAttribute("holds", this.holds.search(null, code, new Paging(0, RECENT)));
		return "exposure/exposure";
	}

	/**
	 * The utilisation bar: its scale reaches the limit, or the exposure when that is
	 * above it, so the limit stays visible as a mark; the bar's level gives its colour
	 * and the word beside the percentage (never colour alone).
	 *
	 * @param percent the total in percent of the limit; absent without a limit
	 * @param watch the rules' watch threshold in percent
	 * @param level {@code within}, {@code watch} (at or above the threshold),
	 * {@code over} (above the limit) or {@code none} (no limit)
	 */
	record Utilisation(@Nullable BigDecimal percent, BigDecimal watch, String level) {

		static Utilisation of(@Nullable BigDecimal percent, BigDecimal watch) {
			if (percent == null) {
				return new Utilisation(null, watch, "none");
			}
			String level = percent.compareTo(HUNDRED) > 0 ? "over" : percent.compareTo(watch) >= 0 ? "watch" : "within";
			return new Utilisation(percent, watch, level);
		}

		/** Bootstrap's background for the bar. */
		public String barClass() {
			return switch (this.level) {
				case "over" -> "bg-danger";
				case "watch" -> "bg-warning";
				default -> "bg-success";
			};
		}

		/** The bar's width, in percent of the scale. */
		public BigDecimal width() {
			return this.percent == null ? BigDecimal.ZERO : onScale(this.percent.max(BigDecimal.ZERO));
		}

		/** Where the watch threshold is, in percent of the scale. */
		public BigDecimal watchMark() {
			return onScale(this.watch.max(BigDecimal.ZERO)).min(HUNDRED);
		}

		/** Where the limit is, in percent of the scale. */
		public BigDecimal limitMark() {
			return onScale(HUNDRED);
		}

		private BigDecimal onScale(BigDecimal value) {
			BigDecimal scale = this.percent == null ? HUNDRED : this.percent.max(HUNDRED);
			return value.multiply(HUNDRED).divide(scale, 2, RoundingMode.HALF_UP);
		}

	}

}
