package org.credence.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.credence.customer.CustomerDetails;
import org.credence.customer.CustomerDraft;
import org.credence.customer.CustomerStatus;
import org.credence.customer.Customers;
import org.credence.identity.CurrentUser;
import org.credence.identity.Role;
import org.credence.limit.ApplicationType;
import org.credence.limit.CreditApplication;
import org.credence.limit.CreditApplication.Decision;
import org.credence.limit.CreditApplicationRequest;
import org.credence.limit.CreditApplications;
import org.credence.limit.CreditPolicies;
import org.credence.limit.Recommendation;
import org.credence.shared.Paging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Credit lines for the demo portfolio, granted the way the credit department grants them:
 * applications submitted by analysts (or a customer's salesperson) and approved step by
 * step by the demo approvers, through {@link CreditApplications}. HD-0001 gets its line
 * of SCENARIOS.md §3 (2,000,000, 60 days); most other assessed customers get the policy's
 * recommendation; a few applications wait in sun.li's and the committee's inboxes, one is
 * returned and one rejected. Runs after the portfolio, once.
 */
@Component
@Order(20)
@ConditionalOnBooleanProperty(name = "credence.demo.enabled")
class DemoCredit implements ApplicationRunner {

	/**
	 * How many customers get a line (besides HD-0001): enough for a portfolio, quick to
	 * load.
	 */
	static final int LINES = 60;

	private static final Logger log = LoggerFactory.getLogger(DemoCredit.class);

	private static final String ANALYST = "liu.yang";

	private static final String SECOND_ANALYST = "zhao.lei";

	private static final String MANAGER = "sun.li";

	private static final List<String> COMMITTEE = List.of("zhou.min", "wu.gang", "zheng.hua");

	private final CreditApplications applications;

	private final CreditPolicies policies;

	private final Customers customers;

	private final CurrentUser currentUser;

	private final TransactionTemplate transactions;

	DemoCredit(CreditApplications applications, CreditPolicies policies, Customers customers, CurrentUser currentUser,
			PlatformTransactionManager transactionManager) {
		this.applications = applications;
		this.policies = policies;
		this.customers = customers;
		this.currentUser = currentUser;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	@Override
	public void run(ApplicationArguments args) {
		boolean loaded = this.currentUser.asSystem(() -> this.customers.find("HD-0001").isEmpty()
				|| this.applications.search(null, "HD-0001", false, false, null, true, new Paging(0, 1)).total() > 0);
		if (loaded) {
			return;
		}
		long started = System.nanoTime();
		int count = this.currentUser.asSystem(() -> this.transactions.execute(status -> load()));
		log.info("Granted the demo credit lines through {} applications in {} ms", count,
				(System.nanoTime() - started) / 1_000_000);
	}

	int load() {
		List<CustomerDraft> plan = DemoPlan.customers(DemoPortfolio.CUSTOMERS);
		int count = 0;
		// SCENARIOS.md §3: NEW 2,000,000 for 60 days, analyst and credit manager
		CreditApplication scenario = submit(ANALYST, new CreditApplicationRequest("HD-0001", ApplicationType.NEW,
				new BigDecimal("2000000"), "CNY", 60, null, "年度授信：新厂投产，订单增长"));
		approveAll(scenario);
		count++;
		List<Candidate> waiting = new ArrayList<>();
		int lines = 0;
		for (int i = 1; i < plan.size(); i++) {
			CustomerDraft draft = plan.get(i);
			if (!DemoFinancials.hasStatements(i, draft) || draft.status() != CustomerStatus.ACTIVE) {
				continue;
			}
			Optional<CustomerDetails> customer = this.customers.find(draft.code());
			if (customer.isEmpty() || customer.get().blacklisted()) {
				continue;
			}
			Recommendation rec = this.policies.recommend(draft.code());
			if (!rec.creditAllowed() || rec.amount().signum() <= 0) {
				continue;
			}
			BigDecimal amount = rec.amount()
				.divide(BigDecimal.valueOf(10_000), 0, RoundingMode.DOWN)
				.multiply(BigDecimal.valueOf(10_000));
			if (amount.signum() <= 0) {
				continue;
			}
			if (i % 9 == 4 && waiting.size() < 7) {
				waiting.add(new Candidate(customer.get(), rec, amount));
				continue;
			}
			if (lines >= LINES) {
				continue;
			}
			CreditApplication application = submit(ANALYST, new CreditApplicationRequest(draft.code(),
					ApplicationType.NEW, amount, rec.currency(), rec.termsDays(), null, "年度授信：按政策建议额度"));
			approveAll(application);
			lines++;
			count++;
		}
		for (int k = 0; k < waiting.size(); k++) {
			Candidate c = waiting.get(k);
			String requester = c.customer().ownerUsername() != null && k == 5 ? c.customer().ownerUsername() : ANALYST;
			switch (k) {
				case 0, 1, 2 -> {
					// waits for the credit manager (sun.li)
					BigDecimal amount = c.amount().max(new BigDecimal("600000")).min(new BigDecimal("2000000"));
					CreditApplication a = submit(requester, request(c, amount, "新增授信：客户采购量上升"));
					decideAs(SECOND_ANALYST, Role.CREDIT_ANALYST, a.id(), Decision.APPROVE, "财务指标稳定，同意");
				}
				case 3, 4 -> {
					// above 2,000,000: waits for the committee
					CreditApplication a = submit(requester,
							request(c, new BigDecimal(k == 3 ? "3000000" : "2500000"), "大额授信：年度框架合同"));
					decideAs(SECOND_ANALYST, Role.CREDIT_ANALYST, a.id(), Decision.APPROVE, "同意，提交委员会");
					decideAs(MANAGER, Role.CREDIT_MANAGER, a.id(), Decision.APPROVE, "同意，提请授信委员会审议");
					if (k == 4) {
						decideAs(COMMITTEE.get(0), Role.COMMITTEE_MEMBER, a.id(), Decision.APPROVE, "同意");
					}
				}
				case 5 -> {
					CreditApplication a = submit(requester, request(c, c.amount(), "新客户授信"));
					decideAs(SECOND_ANALYST, Role.CREDIT_ANALYST, a.id(), Decision.RETURN, "请补充最近一期财务报表及担保材料");
				}
				default -> {
					CreditApplication a = submit(requester,
							request(c, c.amount().multiply(BigDecimal.valueOf(3)), "授信申请：扩大赊销"));
					decideAs(SECOND_ANALYST, Role.CREDIT_ANALYST, a.id(), Decision.REJECT, "申请额度远超政策建议，且回款偏慢，不予批准");
				}
			}
			count++;
		}
		return count;
	}

	private static CreditApplicationRequest request(Candidate c, BigDecimal amount, String reason) {
		return new CreditApplicationRequest(c.customer().code(), ApplicationType.NEW, amount, c.rec().currency(),
				c.rec().termsDays(), null, reason);
	}

	private CreditApplication submit(String requester, CreditApplicationRequest request) {
		Role role = requester.equals(ANALYST) ? Role.CREDIT_ANALYST : Role.SALES;
		return as(requester, role, () -> this.applications.submit(request));
	}

	/** Approves every step as the demo approvers, in order. */
	private void approveAll(CreditApplication application) {
		CreditApplication current = application;
		int committee = 0;
		while (current.currentStep() != null) {
			String role = current.currentStep().role();
			switch (role) {
				case "CREDIT_ANALYST" ->
					current = decideAs(SECOND_ANALYST, Role.CREDIT_ANALYST, current.id(), Decision.APPROVE, "同意");
				case "CREDIT_MANAGER" ->
					current = decideAs(MANAGER, Role.CREDIT_MANAGER, current.id(), Decision.APPROVE, "同意");
				default -> current = decideAs(COMMITTEE.get(committee++ % COMMITTEE.size()), Role.COMMITTEE_MEMBER,
						current.id(), Decision.APPROVE, "同意");
			}
		}
	}

	private CreditApplication decideAs(String user, Role role, long id, Decision decision, String comment) {
		return as(user, role, () -> this.applications.decide(id, decision, comment));
	}

	static <T> T as(String username, Role role, Supplier<T> work) {
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null,
				CurrentUser.Authorities.of(List.of(role))));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	private record Candidate(CustomerDetails customer, Recommendation rec, BigDecimal amount) {
	}

}
