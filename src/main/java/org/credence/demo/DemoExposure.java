package org.credence.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.credence.customer.CustomerDetails;
import org.credence.customer.CustomerDraft;
import org.credence.customer.Customers;
import org.credence.exposure.CreditCheck;
import org.credence.exposure.CreditCheckRequest;
import org.credence.exposure.CreditChecks;
import org.credence.exposure.CreditHold;
import org.credence.exposure.CreditHolds;
import org.credence.exposure.Decision;
import org.credence.exposure.Exposure;
import org.credence.exposure.Exposures;
import org.credence.identity.CurrentUser;
import org.credence.identity.Role;
import org.credence.limit.CreditLines;
import org.credence.shared.Paging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Orders checked against the demo credit lines, as the customers' salespeople check them
 * before confirming: most approved (their amounts reserved), some with warnings, and a
 * few blocked in the credit-hold queue: one released by the credit manager sun.li, one
 * rejected, the rest waiting for her. Runs after the credit lines, once.
 */
@Component
@Order(30)
@ConditionalOnBooleanProperty(name = "credence.demo.enabled")
class DemoExposure implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoExposure.class);

	private static final String MANAGER = "sun.li";

	private final CreditChecks checks;

	private final CreditHolds holds;

	private final Exposures exposures;

	private final CreditLines lines;

	private final Customers customers;

	private final CurrentUser currentUser;

	private final TransactionTemplate transactions;

	private final Clock clock;

	DemoExposure(CreditChecks checks, CreditHolds holds, Exposures exposures, CreditLines lines, Customers customers,
			CurrentUser currentUser, PlatformTransactionManager transactionManager, Clock clock) {
		this.checks = checks;
		this.holds = holds;
		this.exposures = exposures;
		this.lines = lines;
		this.customers = customers;
		this.currentUser = currentUser;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		boolean loaded = this.currentUser.asSystem(() -> this.customers.find("HD-0001").isEmpty()
				|| this.holds.search(null, null, new Paging(0, 1)).total() > 0
				|| !this.checks.forCustomer("HD-0001", 1).isEmpty());
		if (loaded) {
			return;
		}
		long started = System.nanoTime();
		int count = this.currentUser.asSystem(() -> this.transactions.execute(status -> load()));
		log.info("Checked {} demo orders in {} ms", count, (System.nanoTime() - started) / 1_000_000);
	}

	int load() {
		List<CustomerDraft> plan = DemoPlan.customers(DemoPortfolio.CUSTOMERS);
		LocalDate today = LocalDate.now(this.clock);
		int count = 0;
		int blocked = 0;
		for (int i = 0; i < plan.size() && count < 60; i++) {
			String code = plan.get(i).code();
			Optional<CustomerDetails> customer = this.customers.find(code);
			if (customer.isEmpty() || this.lines.current(code).isEmpty()) {
				continue;
			}
			String owner = customer.get().ownerUsername() == null ? MANAGER : customer.get().ownerUsername();
			Role role = owner.equals(MANAGER) ? Role.CREDIT_MANAGER : Role.SALES;
			Exposure exposure = this.exposures.of(code);
			BigDecimal available = exposure.available() == null ? BigDecimal.ZERO : exposure.available();
			// two orders within what is left, and for every fifth customer a third just
			// beyond the limit and its tolerance
			for (int k = 1; k <= 2; k++) {
				BigDecimal amount = round(available.multiply(BigDecimal.valueOf(k == 1 ? 15 : 30 + i % 50))
					.divide(BigDecimal.valueOf(100), 0, RoundingMode.DOWN));
				if (amount.signum() > 0) {
					check(owner, role, code, orderRef(today, i, k), amount);
					count++;
				}
			}
			if (i % 5 == 0 && blocked < 6) {
				// what is left of the line and a tenth of the limit more: above the
				// tolerance, a
				// special approval of about a tenth of the line if released
				Exposure now = this.exposures.of(code);
				BigDecimal limit = now.limit() == null ? new BigDecimal("100000") : now.limit();
				BigDecimal left = now.available() == null ? BigDecimal.ZERO : now.available().max(BigDecimal.ZERO);
				BigDecimal amount = round(left.add(limit.divide(BigDecimal.TEN, 0, RoundingMode.DOWN)));
				CreditCheck check = check(owner, role, code, orderRef(today, i, 3), amount);
				count++;
				if (check.decision() == Decision.BLOCKED) {
					decide(blocked++, check);
				}
			}
		}
		return count;
	}

	/** The first held order is released, the second rejected, the rest wait. */
	private void decide(int index, CreditCheck check) {
		if (index > 1 || check.holdId() == null) {
			return;
		}
		long hold = check.holdId();
		DemoCredit.as(MANAGER, Role.CREDIT_MANAGER, () -> {
			if (index == 0) {
				CreditHolds.ReleaseTerms terms = this.holds.terms(hold);
				if (!terms.allowed()) {
					return this.holds.reject(hold, "超出额度且超出本人特批权限，请销售申请临时额度");
				}
				return this.holds.release(hold, "年末备货，客户已承诺月底前回款",
						terms.excess().signum() > 0 ? LocalDate.now(this.clock).plusDays(30) : null);
			}
			return this.holds.reject(hold, "超出额度，客户近期回款偏慢，暂不放行");
		});
	}

	private CreditCheck check(String owner, Role role, String code, String orderRef, BigDecimal amount) {
		return DemoCredit.as(owner, role,
				() -> this.checks.check(new CreditCheckRequest(code, orderRef, amount, "CNY")));
	}

	private static String orderRef(LocalDate today, int customer, int order) {
		return "SO-%d%02d-%03d%d".formatted(today.getYear(), today.getMonthValue(), customer, order);
	}

	/** To 1,000. */
	private static BigDecimal round(BigDecimal amount) {
		return amount.divide(BigDecimal.valueOf(1000), 0, RoundingMode.DOWN).multiply(BigDecimal.valueOf(1000));
	}

}
