package org.credence.assessment.rating;

import java.time.Duration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.credence.assessment.ScoringModelActivated;
import org.credence.identity.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What starts a batch re-assessment without a person: the night (reviews due), and the
 * activation of a scoring model (its customers). The nightly job runs on one instance
 * only (ShedLock); either waits for a run that is going on, then runs its own.
 */
@Component
class ReassessmentTriggers {

	private static final Logger log = LoggerFactory.getLogger(ReassessmentTriggers.class);

	private static final Duration WAIT = Duration.ofSeconds(5);

	private static final int MAX_WAITS = 720;

	private final Reassessment reassessment;

	private final CurrentUser currentUser;

	ReassessmentTriggers(Reassessment reassessment, CurrentUser currentUser) {
		this.reassessment = reassessment;
		this.currentUser = currentUser;
	}

	@Scheduled(cron = "${credence.assessment.nightly-cron:0 0 2 * * *}", zone = "${credence.time-zone:Asia/Shanghai}")
	@SchedulerLock(name = "assessment-nightly-reassessment", lockAtMostFor = "PT4H", lockAtLeastFor = "PT5M")
	void reassessReviewsDue() {
		runOwn(Reassessment.NIGHTLY, null);
	}

	@ApplicationModuleListener
	void on(ScoringModelActivated event) {
		runOwn(Reassessment.MODEL_ACTIVATED, event.modelCode());
	}

	/**
	 * Runs a batch of its own: when another one is running, waits until it has ended (its
	 * customers are not the same ones).
	 */
	private void runOwn(String trigger, String modelCode) {
		this.currentUser.asSystem(() -> {
			for (int waits = 0; waits < MAX_WAITS; waits++) {
				if (this.reassessment.runNow(trigger, modelCode).started()) {
					return null;
				}
				try {
					Thread.sleep(WAIT.toMillis());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("Interrupted waiting to run " + trigger, ex);
				}
			}
			log.warn("Gave up waiting to run the {} re-assessment for {}", trigger, modelCode);
			throw new IllegalStateException("Another batch run did not end in time");
		});
	}

}
