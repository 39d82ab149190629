package org.credence.limit.application;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.credence.IntegrationTest;
import org.credence.TestClock;
import org.credence.assessment.Assessments;
import org.credence.assessment.statement.FinancialStatements;
import org.credence.customer.Customers;
import org.credence.identity.CurrentUser;
import org.credence.identity.Role;
import org.credence.identity.Users;
import org.credence.limit.ApplicationType;
import org.credence.limit.CreditApplication;
import org.credence.limit.CreditApplication.Decision;
import org.credence.limit.CreditApplicationRequest;
import org.credence.limit.CreditApplications;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.credence.limit.application.ApplicationFixtures.as;

/**
 * A step waiting longer than the reminder interval reminds its approvers in the app and
 * by e-mail, received by a real SMTP server (GreenMail) on the test profile's mail port.
 */
@IntegrationTest
class ApplicationRemindersIntegrationTests {

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(
			new ServerSetup(3925, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	@Autowired
	CreditApplications applications;

	@Autowired
	ApplicationReminders reminders;

	@Autowired
	Customers customers;

	@Autowired
	FinancialStatements statements;

	@Autowired
	Assessments assessments;

	@Autowired
	Users users;

	@Autowired
	CurrentUser currentUser;

	@Autowired
	TestClock clock;

	@Autowired
	ThreadPoolTaskScheduler scheduler;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void aStepWaitingTooLongRemindsItsApproversOncePerInterval() throws Exception {
		ApplicationFixtures fixtures = new ApplicationFixtures(this.customers, this.statements, this.assessments,
				this.users, this.currentUser);
		String requester = fixtures.userWithEmail("requester@example.test", Role.CREDIT_ANALYST);
		String analyst = fixtures.userWithEmail("analyst.reminded@example.test", Role.CREDIT_ANALYST);
		String manager = fixtures.userWithEmail("manager.reminded@example.test", Role.CREDIT_MANAGER);
		String code = fixtures.rated(null).code();
		CreditApplication application = as(requester, List.of(Role.CREDIT_ANALYST),
				() -> this.applications.submit(new CreditApplicationRequest(code, ApplicationType.NEW,
						new BigDecimal("1500000"), "CNY", 60, null, "年度授信")));

		this.clock.advance(Duration.ofHours(2));
		this.reminders.remindOverdue();
		assertThat(recipients(application.id())).doesNotContain("analyst.reminded@example.test");

		this.clock.advance(this.applications.reminderAfter());
		int seen = mail.getReceivedMessages().length;
		this.reminders.remindOverdue();
		assertThat(mail.waitForIncomingEmail(5000, seen + 1)).isTrue();
		assertThat(recipients(application.id())).contains("analyst.reminded@example.test")
			.doesNotContain("requester@example.test", "manager.reminded@example.test");
		MimeMessage message = mailTo("analyst.reminded@example.test", application.id());
		assertThat(message.getContent().toString()).contains("/limits/applications/" + application.id())
			.contains("新增授信")
			.contains("1,500,000.00 CNY");
		assertThat(as(analyst, List.of(Role.CREDIT_ANALYST), () -> this.applications.notifications()))
			.anySatisfy(n -> assertThat(n.applicationId()).isEqualTo(application.id()));
		CreditApplication overdue = as(analyst, List.of(Role.CREDIT_ANALYST),
				() -> this.applications.get(application.id()));
		assertThat(overdue.overdue()).isTrue();
		assertThat(overdue.route().get(0).remindedAt()).isNotNull();

		// once per step per interval
		int before = recipients(application.id()).size();
		this.reminders.remindOverdue();
		assertThat(recipients(application.id())).hasSize(before);

		// the next step starts its own wait
		as(analyst, List.of(Role.CREDIT_ANALYST),
				() -> this.applications.decide(application.id(), Decision.APPROVE, "ok"));
		this.reminders.remindOverdue();
		assertThat(recipients(application.id())).doesNotContain("manager.reminded@example.test");
		this.clock.advance(this.applications.reminderAfter().plusMinutes(1));
		int received = mail.getReceivedMessages().length;
		this.reminders.remindOverdue();
		assertThat(mail.waitForIncomingEmail(5000, received + 1)).isTrue();
		assertThat(recipients(application.id())).contains("manager.reminded@example.test");
	}

	@Test
	void aMailServerThatIsDownStillLeavesTheReminderInTheApp() {
		ApplicationFixtures fixtures = new ApplicationFixtures(this.customers, this.statements, this.assessments,
				this.users, this.currentUser);
		String requester = fixtures.userWithEmail("requester.down@example.test", Role.CREDIT_ANALYST);
		String analyst = fixtures.userWithEmail("analyst.down@example.test", Role.CREDIT_ANALYST);
		String code = fixtures.rated(null).code();
		CreditApplication application = as(requester, List.of(Role.CREDIT_ANALYST),
				() -> this.applications.submit(new CreditApplicationRequest(code, ApplicationType.NEW,
						new BigDecimal("300000"), "CNY", 60, null, "年度授信")));
		mail.stop();
		this.clock.advance(this.applications.reminderAfter().plusMinutes(1));

		assertThat(this.reminders.remindOverdue()).isPositive();

		assertThat(as(analyst, List.of(Role.CREDIT_ANALYST), () -> this.applications.notifications()))
			.anySatisfy(n -> assertThat(n.applicationId()).isEqualTo(application.id()));
		assertThat(as(analyst, List.of(Role.CREDIT_ANALYST), () -> this.applications.get(application.id())).route()
			.get(0)
			.remindedAt()).isNotNull();
	}

	@Test
	void scheduledJobsHaveTwoThreadsSoASlowMailServerHoldsBackNoOtherJob() {
		assertThat(this.scheduler.getPoolSize()).isEqualTo(2);
	}

	/** Who was reminded of this application (other tests' applications wait too). */
	private List<String> recipients(long id) throws Exception {
		List<String> to = new java.util.ArrayList<>();
		for (MimeMessage message : mail.getReceivedMessages()) {
			if (!message.getSubject().matches(".*(application|申请) " + id + " .*")) {
				continue;
			}
			for (var address : message.getAllRecipients()) {
				to.add(address.toString());
			}
		}
		return to;
	}

	private MimeMessage mailTo(String address, long id) throws Exception {
		for (MimeMessage message : mail.getReceivedMessages()) {
			if (!message.getSubject().matches(".*(application|申请) " + id + " .*")) {
				continue;
			}
			for (var recipient : message.getAllRecipients()) {
				if (recipient.toString().equals(address)) {
					return message;
				}
			}
		}
		throw new AssertionError("No mail to " + address);
	}

}
