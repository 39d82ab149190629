package org.credence.customer.web;

import java.util.ArrayList;
import java.util.List;

import org.credence.customer.CustomerHeaderFacts;
import org.credence.customer.HeaderFact;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The facts other modules add to the 客户360 header ({@code ${@customerHeader.facts(code)}}
 * in {@code customer/fragments.html}), collected from every {@link CustomerHeaderFacts}
 * bean in order. A module that fails is left out, so the header always shows.
 */
@Component("customerHeader")
public class CustomerHeader {

	private static final Logger log = LoggerFactory.getLogger(CustomerHeader.class);

	private final ObjectProvider<CustomerHeaderFacts> providers;

	CustomerHeader(ObjectProvider<CustomerHeaderFacts> providers) {
		this.providers = providers;
	}

	public List<HeaderFact> facts(String customerCode) {
		List<HeaderFact> facts = new ArrayList<>();
		this.providers.orderedStream().forEach(provider -> {
			try {
				facts.addAll(provider.factsFor(customerCode, LocaleContextHolder.getLocale()));
			}
			catch (RuntimeException ex) {
				log.warn("Left the header facts of {} out for customer {}", provider.getClass().getSimpleName(),
						customerCode, ex);
			}
		});
		return facts;
	}

}
