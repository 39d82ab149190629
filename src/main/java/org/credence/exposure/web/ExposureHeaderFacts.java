package org.credence.exposure.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.credence.customer.CustomerHeaderFacts;
import org.credence.customer.HeaderFact;
import org.credence.exposure.Exposure;
import org.credence.exposure.Exposures;
import org.credence.identity.CurrentUser;
import org.credence.identity.Permission;
import org.credence.shared.NotFoundException;

import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Exposure in the 客户360 header, after the credit line: the total today and, when the
 * customer has a limit, the credit still available (in red when the customer is over it;
 * the minus sign says so too). Shown to those with {@code exposure:read}; nothing when
 * the customer has no position yet.
 */
@Component
@Order(110)
class ExposureHeaderFacts implements CustomerHeaderFacts {

	private final Exposures exposures;

	private final CurrentUser currentUser;

	private final MessageSource messages;

	ExposureHeaderFacts(Exposures exposures, CurrentUser currentUser, MessageSource messages) {
		this.exposures = exposures;
		this.currentUser = currentUser;
		this.messages = messages;
	}

	@Override
	public List<HeaderFact> factsFor(String customerCode, Locale locale) {
		if (!this.currentUser.has(Permission.EXPOSURE_READ)) {
			return List.of();
		}
		Exposure exposure;
		try {
			exposure = this.exposures.of(customerCode);
		}
		catch (NotFoundException ex) {
			return List.of();
		}
		List<HeaderFact> facts = new ArrayList<>();
		facts.add(HeaderFact.amount(this.messages.getMessage("exposure.header.exposure", null, locale),
				exposure.total(), exposure.currency(), "fact-exposure"));
		if (exposure.available() != null) {
			facts.add(HeaderFact.amount(this.messages.getMessage("exposure.header.available", null, locale),
					exposure.available(), exposure.currency(),
					exposure.available().signum() < 0 ? "fact-available text-danger" : "fact-available"));
		}
		return facts;
	}

}
