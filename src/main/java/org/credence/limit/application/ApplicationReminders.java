package org.credence.limit.application;

import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.credence.identity.Role;
import org.credence.identity.UserSummary;
import org.credence.identity.Users;
import org.credence.limit.application.ApplicationRepository.StepRow;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds the possible approvers of a step that waits longer than
 * {@code credence.limit.reminder-after}: an in-app notification for each, and an e-mail
 * to those with an address when a mail server is configured ({@code spring.mail.host}).
 * One reminder per step per interval; the step keeps when it was last reminded. A mail
 * that cannot be sent is logged, never fails the run.
 */
@Component
public class ApplicationReminders {

	private static final Logger log = LoggerFactory.getLogger(ApplicationReminders.class);

	private final ApplicationRepository repository;

	private final Users users;

	private final ObjectProvider<JavaMailSender> mailSender;

	private final MessageSource messages;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Duration reminderAfter;

	private final String mailFrom;

	private final String baseUrl;

	ApplicationReminders(ApplicationRepository repository, Users users, ObjectProvider<JavaMailSender> mailSender,
			MessageSource messages, PlatformTransactionManager transactions, Clock clock,
			@Value("${credence.limit.reminder-after:PT24H}") Duration reminderAfter,
			@Value("${credence.limit.mail-from:credence@localhost}") String mailFrom,
			@Value("${credence.base-url:http://localhost:8080}") String baseUrl) {
		this.repository = repository;
		this.users = users;
		this.mailSender = mailSender;
		this.messages = messages;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
		this.reminderAfter = reminderAfter;
		this.mailFrom = mailFrom;
		this.baseUrl = baseUrl;
	}

	@Scheduled(cron = "${credence.limit.reminder-cron:0 */15 * * * *}", zone = "${credence.time-zone:Asia/Shanghai}")
	@SchedulerLock(name = "limit-application-reminders", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1M")
	void scheduled() {
		remindOverdue();
	}

	/**
	 * Reminds the approvers of every step waiting longer than the interval and not
	 * reminded within it.
	 * @return how many steps were reminded
	 */
	public int remindOverdue() {
		Instant now = this.clock.instant();
		List<ApplicationRow> waiting = this.repository.waitingSince(now.minus(this.reminderAfter));
		int reminded = 0;
		for (ApplicationRow application : waiting) {
			List<String> recipients = this.transactions.execute(status -> remind(application, now));
			if (recipients != null) {
				reminded++;
				mail(application, recipients);
			}
		}
		return reminded;
	}

	private @Nullable List<String> remind(ApplicationRow application, Instant now) {
		Integer level = application.currentLevel();
		if (level == null) {
			return null;
		}
		StepRow step = this.repository.steps(application.id(), application.round())
			.stream()
			.filter(s -> s.level() == level)
			.findFirst()
			.orElse(null);
		if (step == null) {
			return null;
		}
		Set<String> approved = this.repository.decisions(application.id())
			.stream()
			.filter(d -> "APPROVE".equals(d.decision()) && (d.round() == application.round() || d.level() != level))
			.map(d -> d.username())
			.collect(Collectors.toSet());
		List<UserSummary> approvers = this.users.withRole(Role.valueOf(step.role()))
			.stream()
			.filter(UserSummary::enabled)
			.filter(u -> !u.username().equals(application.requestedBy()) && !approved.contains(u.username()))
			.toList();
		for (UserSummary user : approvers) {
			this.repository.insertNotification(user.username(), application.id(), level, now);
		}
		this.repository.markReminded(application.id(), application.round(), level, now);
		return approvers.stream().map(UserSummary::username).toList();
	}

	private void mail(ApplicationRow application, List<String> usernames) {
		JavaMailSender sender = this.mailSender.getIfAvailable();
		if (sender == null) {
			return;
		}
		for (String username : usernames) {
			UserSummary user = this.users.find(username).orElse(null);
			if (user == null || user.email() == null || user.email().isBlank()) {
				continue;
			}
			Locale locale = user.locale() == null ? Locale.SIMPLIFIED_CHINESE : Locale.forLanguageTag(user.locale());
			NumberFormat amount = NumberFormat.getNumberInstance(locale);
			amount.setMinimumFractionDigits(2);
			amount.setMaximumFractionDigits(2);
			amount.setRoundingMode(RoundingMode.HALF_UP);
			Object[] args = { application.id(), application.customerName(), application.customerCode(),
					this.messages.getMessage("limit.application.type." + application.type().name(), null,
							application.type().name(), locale),
					amount.format(application.amount()), application.currency(),
					this.baseUrl + "/limits/applications/" + application.id() };
			SimpleMailMessage message = new SimpleMailMessage();
			message.setFrom(this.mailFrom);
			message.setTo(user.email());
			message.setSubject(this.messages.getMessage("limit.reminder.mail.subject", args, locale));
			message.setText(this.messages.getMessage("limit.reminder.mail.body", args, locale));
			try {
				sender.send(message);
			}
			catch (RuntimeException ex) {
				log.warn("Could not send the reminder for credit application {} to {}: {}", application.id(), username,
						ex.getMessage());
			}
		}
	}

}
