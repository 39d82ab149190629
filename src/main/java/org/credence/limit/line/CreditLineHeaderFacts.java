package org.credence.limit.line;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.credence.customer.CustomerHeaderFacts;
import org.credence.customer.HeaderFact;
import org.credence.identity.CurrentUser;
import org.credence.identity.Permission;
import org.credence.limit.CreditLine;
import org.credence.limit.CreditLineStatus;
import org.credence.limit.CreditLines;

import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The credit line in the 客户360 header: the effective limit today and, unless it is
 * active, its status; "none" without a line. Shown to those with {@code limit:read}.
 */
@Component
@Order(100)
class CreditLineHeaderFacts implements CustomerHeaderFacts {

	private final CreditLines lines;

	private final CurrentUser currentUser;

	private final MessageSource messages;

	private final Clock clock;

	CreditLineHeaderFacts(CreditLines lines, CurrentUser currentUser, MessageSource messages, Clock clock) {
		this.lines = lines;
		this.currentUser = currentUser;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * Bootstrap's badge for a status that is not active (never colour alone: it has a
	 * label).
	 */
	static String badge(CreditLineStatus status) {
		return switch (status) {
			case ACTIVE -> "badge text-bg-success";
			case SUSPENDED -> "badge text-bg-warning";
			case EXPIRED -> "badge text-bg-secondary";
		};
	}

	@Override
	public List<HeaderFact> factsFor(String customerCode, Locale locale) {
		if (!this.currentUser.has(Permission.LIMIT_READ)) {
			return List.of();
		}
		String label = this.messages.getMessage("limit.line.header.label", null, locale);
		Optional<CreditLine> line = this.lines.lineOn(customerCode, LocalDate.now(this.clock));
		if (line.isEmpty()) {
			return List.of(HeaderFact.text(label, this.messages.getMessage("limit.line.header.none", null, locale),
					"fact-credit-line"));
		}
		CreditLine l = line.get();
		String status = l.status() == CreditLineStatus.ACTIVE ? null
				: this.messages.getMessage("limit.line.status." + l.status(), null, locale);
		return List.of(new HeaderFact(label, l.effectiveLimit(), l.currency(), status, "fact-credit-line",
				status == null ? null : badge(l.status())));
	}

}
