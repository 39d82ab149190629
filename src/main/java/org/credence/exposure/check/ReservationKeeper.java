package org.credence.exposure.check;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.credence.exposure.CreditCheck.Reservation;
import org.credence.exposure.check.CheckRepository.ActiveReservation;
import org.credence.exposure.position.PositionRepository;
import org.credence.identity.CurrentUser;
import org.credence.receivable.InvoiceRecorded;
import org.credence.receivable.OrderRecorded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ends reservations: consumed when the order or invoice with the check's reference
 * arrives (in that document's transaction, so exposure counts the order once: the
 * reservation goes as the order comes), and lapsed by a daily job after the days the
 * rules allow. Always locks the customer's position row before the check's, as checks do.
 */
@Component
public class ReservationKeeper {

	private static final Logger log = LoggerFactory.getLogger(ReservationKeeper.class);

	private final CheckRepository checks;

	private final PositionRepository positions;

	private final TransactionTemplate transactions;

	private final Clock clock;

	ReservationKeeper(CheckRepository checks, PositionRepository positions, TransactionTemplate transactions,
			Clock clock) {
		this.checks = checks;
		this.positions = positions;
		this.transactions = transactions;
		this.clock = clock;
	}

	@EventListener
	@Order(20)
	void on(OrderRecorded event) {
		consume(event.customerCode(), event.orderNumber());
	}

	@EventListener
	@Order(20)
	void on(InvoiceRecorded event) {
		if (event.orderNumber() != null) {
			consume(event.customerCode(), event.orderNumber());
		}
		consume(event.customerCode(), event.invoiceNumber());
	}

	private void consume(String customerCode, String orderRef) {
		if (this.positions.lock(customerCode).isEmpty()) {
			return;
		}
		this.checks.activeReservation(customerCode, orderRef).ifPresent(reservation -> {
			this.checks.closeReservation(reservation.checkId(), Reservation.CONSUMED, this.clock.instant(),
					CurrentUser.SYSTEM);
			this.positions.addReserved(customerCode, reservation.reserved().negate());
		});
	}

	/**
	 * Lets every reservation past its day lapse, a batch at a time, each in its own
	 * transaction.
	 * @return how many lapsed
	 */
	public int expire() {
		LocalDate today = LocalDate.now(this.clock);
		int expired = 0;
		while (true) {
			List<ActiveReservation> due = this.checks.expiringBefore(today, 200);
			if (due.isEmpty()) {
				return expired;
			}
			for (ActiveReservation reservation : due) {
				Boolean done = this.transactions.execute(status -> {
					this.positions.lock(reservation.customerCode());
					return this.checks.activeReservation(reservation.checkId()).map(active -> {
						this.checks.closeReservation(active.checkId(), Reservation.EXPIRED, this.clock.instant(),
								CurrentUser.SYSTEM);
						this.positions.addReserved(active.customerCode(), active.reserved().negate());
						return true;
					}).orElse(false);
				});
				if (Boolean.TRUE.equals(done)) {
					expired++;
				}
			}
		}
	}

	@Scheduled(cron = "${credence.exposure.expiry-cron:0 10 0 * * *}", zone = "${credence.time-zone:Asia/Shanghai}")
	@SchedulerLock(name = "exposure-reservation-expiry", lockAtMostFor = "PT30M")
	void expireDaily() {
		int expired = expire();
		if (expired > 0) {
			log.info("{} credit check reservations lapsed", expired);
		}
	}

}
