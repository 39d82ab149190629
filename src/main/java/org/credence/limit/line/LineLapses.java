package org.credence.limit.line;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.credence.identity.CurrentUser;
import org.credence.limit.CreditLine;
import org.credence.limit.CreditLineChanged;
import org.credence.limit.CreditLineStatus;
import org.credence.limit.CreditLines;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Announces what happened to lines by the calendar alone: a temporary increase that ended
 * ({@code TEMPORARY_LAPSED}), a line past its valid-to date ({@code EXPIRED}), and a
 * change approved earlier for a later date that took effect today ({@code TAKES_EFFECT}:
 * a new line, an increase, decrease, renewal or temporary increase recorded before its
 * effective day; one effective on the day it was approved was announced then), as
 * {@link CreditLineChanged} events. Lines are correct without it (both are derived from
 * dates); it only tells other modules. Runs daily on one instance (ShedLock), looks back
 * a week so a missed day is caught up, and announces each change once.
 */
@Component
class LineLapses {

	static final int LOOK_BACK_DAYS = 7;

	private final JdbcClient jdbc;

	private final LineRepository lines;

	private final CreditLines creditLines;

	private final CurrentUser currentUser;

	private final TransactionTemplate transactions;

	private final Clock clock;

	LineLapses(JdbcClient jdbc, LineRepository lines, CreditLines creditLines, CurrentUser currentUser,
			PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = jdbc;
		this.lines = lines;
		this.creditLines = creditLines;
		this.currentUser = currentUser;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	@Scheduled(cron = "${credence.limit.lapse-cron:0 5 0 * * *}", zone = "${credence.time-zone:Asia/Shanghai}")
	@SchedulerLock(name = "limit-credit-line-lapses", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
	void daily() {
		announce();
	}

	/** Announces the lapses and expiries of the last week up to yesterday; how many. */
	int announce() {
		LocalDate today = LocalDate.now(this.clock);
		return this.currentUser.asSystem(() -> {
			int announced = 0;
			for (int back = LOOK_BACK_DAYS; back >= 1; back--) {
				LocalDate ended = today.minusDays(back);
				announced += announce(ended, "TEMPORARY_LAPSED", this.lines.customersWithIncreaseEndingOn(ended));
				announced += announce(ended, "EXPIRED", this.lines.customersWithLineEndingOn(ended));
			}
			for (int back = LOOK_BACK_DAYS; back >= 0; back--) {
				LocalDate day = today.minusDays(back);
				announced += announce(day, day, "TAKES_EFFECT", this.lines.customersWithChangeTakingEffectOn(day,
						day.atStartOfDay(this.clock.getZone()).toInstant()));
			}
			return announced;
		});
	}

	private int announce(LocalDate ended, String change, List<String> customers) {
		return announce(ended, ended.plusDays(1), change, customers);
	}

	/**
	 * Announces the change of each customer's line noted on {@code ended}, as on
	 * {@code after}.
	 */
	private int announce(LocalDate ended, LocalDate after, String change, List<String> customers) {
		int announced = 0;
		for (String code : customers) {
			Optional<CreditLine> line = this.creditLines.lineOn(code, after);
			if (line.isEmpty() || ("EXPIRED".equals(change) && line.get().status() != CreditLineStatus.EXPIRED)) {
				continue;
			}
			Boolean published = this.transactions.execute(status -> {
				int inserted = this.jdbc.sql("""
						insert into credit_limit.line_notice (customer_code, change, day, published_at)
						values (:code, :change, :day, :at) on conflict do nothing
						""")
					.param("code", code)
					.param("change", change)
					.param("day", ended)
					.param("at", LineRepository.utc(this.clock.instant()))
					.update();
				if (inserted == 1) {
					this.creditLines.publish(change, line.get());
				}
				return inserted == 1;
			});
			if (Boolean.TRUE.equals(published)) {
				announced++;
			}
		}
		return announced;
	}

}
