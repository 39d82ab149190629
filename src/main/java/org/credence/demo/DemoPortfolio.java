package org.credence.demo;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.credence.assessment.Assessments;
import org.credence.assessment.statement.FinancialStatements;
import org.credence.customer.CustomerDraft;
import org.credence.customer.Customers;
import org.credence.customer.communication.Communications;
import org.credence.customer.contact.ContactDraft;
import org.credence.customer.contact.Contacts;
import org.credence.customer.report.ExternalReports;
import org.credence.identity.CurrentUser;
import org.credence.identity.NewUser;
import org.credence.identity.Users;
import org.credence.receivable.FxRates;
import org.credence.receivable.Receivables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * Loads the {@linkplain DemoPlan demo portfolio} on the first start: when the demo is
 * enabled and its first sales user does not exist yet. Runs as the system; every record
 * goes through the owning module's API, so it is validated and audited like real data.
 */
@Component
@Order(10)
@ConditionalOnBooleanProperty(name = "credence.demo.enabled")
class DemoPortfolio implements ApplicationRunner {

	static final int CUSTOMERS = 240;

	private static final Logger log = LoggerFactory.getLogger(DemoPortfolio.class);

	private final Users users;

	private final Customers customers;

	private final CurrentUser currentUser;

	private final Contacts contacts;

	private final Communications communications;

	private final ExternalReports reports;

	private final FinancialStatements statements;

	private final Assessments assessments;

	private final Receivables receivables;

	private final FxRates fxRates;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final String configuredPassword;

	DemoPortfolio(Users users, Customers customers, CurrentUser currentUser, Contacts contacts,
			Communications communications, ExternalReports reports, FinancialStatements statements,
			Assessments assessments, Receivables receivables, FxRates fxRates, Clock clock,
			PlatformTransactionManager transactionManager,
			@Value("${credence.demo.password:}") String configuredPassword) {
		this.receivables = receivables;
		this.fxRates = fxRates;
		this.transactions = new TransactionTemplate(transactionManager);
		this.statements = statements;
		this.assessments = assessments;
		this.users = users;
		this.customers = customers;
		this.currentUser = currentUser;
		this.contacts = contacts;
		this.communications = communications;
		this.reports = reports;
		this.clock = clock;
		this.configuredPassword = configuredPassword;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.users.exists(DemoPlan.USERS.get(0).username())) {
			return;
		}
		long started = System.nanoTime();
		String password = StringUtils.hasText(this.configuredPassword) ? this.configuredPassword : generatePassword();
		// all or nothing: a start that dies half-way leaves no demo users without a known
		// password
		this.currentUser.asSystem(() -> this.transactions.execute(status -> {
			load(password);
			return null;
		}));
		log.warn("""

				    Loaded the demo portfolio ({} customers) in {} ms.
				    Demo users ({}) log in with the password: {}
				""", CUSTOMERS, (System.nanoTime() - started) / 1_000_000,
				String.join(", ", DemoPlan.USERS.stream().map(DemoPlan.DemoUser::username).toList()),
				StringUtils.hasText(this.configuredPassword) ? "(from CREDENCE_DEMO_PASSWORD)" : password);
	}

	void load(String password) {
		for (DemoPlan.DemoUser user : DemoPlan.USERS) {
			this.users.create(new NewUser(user.username(), user.displayName(), user.username() + "@credence.example",
					Set.of(user.role()), password));
		}
		List<CustomerDraft> plan = DemoPlan.customers(CUSTOMERS);
		LocalDate today = LocalDate.now(this.clock);
		for (int i = 0; i < plan.size(); i++) {
			CustomerDraft customer = plan.get(i);
			this.customers.register(customer);
			LocalDate consentOn = today.minusDays(400 + i);
			List<ContactDraft> people = i == 0 ? List.of(DemoActivity.scenarioContact(consentOn))
					: DemoActivity.contacts(i, "example-" + customer.code().toLowerCase() + ".cn", consentOn);
			people.forEach(contact -> this.contacts.add(customer.code(), contact));
			DemoActivity.communications(i, today).forEach(entry -> this.communications.log(customer.code(), entry));
			DemoActivity.reports(i, today).forEach(report -> this.reports.record(customer.code(), report));
			DemoActivity.feedback(i, today).forEach(entry -> this.reports.recordFeedback(customer.code(), entry));
		}
		for (DemoPlan.DemoBlacklisting blacklisting : DemoPlan.blacklistings(plan)) {
			this.customers.blacklist(blacklisting.customerCode(), blacklisting.reason(), blacklisting.evidence(), null);
		}
		// the ledger before the assessments, so that their payment-behaviour factors see
		// it
		loadLedger(plan, today);
		for (int i = 0; i < plan.size(); i++) {
			CustomerDraft customer = plan.get(i);
			if (DemoFinancials.hasStatements(i, customer)) {
				DemoFinancials.statements(i, customer)
					.forEach(statement -> this.statements.record(customer.code(), statement));
				this.assessments.assess(customer.code(), null, DemoFinancials.answers(i, customer));
			}
		}
	}

	/** Two years of receivables, document by document through the ledger's API. */
	private void loadLedger(List<CustomerDraft> plan, LocalDate today) {
		long started = System.nanoTime();
		DemoLedger.History history = DemoLedger.history(plan, today);
		for (DemoLedger.Step step : history.steps()) {
			if (step instanceof DemoLedger.Rate rate) {
				this.fxRates.enter(rate.on(), rate.currency(), rate.rate());
			}
			else if (step instanceof DemoLedger.Order order) {
				this.receivables.recordOrder(order.entry());
			}
			else if (step instanceof DemoLedger.Invoice invoice) {
				this.receivables.recordInvoice(invoice.entry());
			}
			else if (step instanceof DemoLedger.CreditNote note) {
				this.receivables.recordCreditNote(note.entry());
			}
			else if (step instanceof DemoLedger.Payment payment) {
				this.receivables.recordPayment(payment.entry());
			}
		}
		history.disputes().forEach(dispute -> this.receivables.dispute(dispute.invoiceNumber(), dispute.reason()));
		log.info("Recorded {} receivable documents and rates of the demo ledger in {} ms", history.steps().size(),
				(System.nanoTime() - started) / 1_000_000);
	}

	private static String generatePassword() {
		String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 14; i++) {
			password.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return password.toString();
	}

}
