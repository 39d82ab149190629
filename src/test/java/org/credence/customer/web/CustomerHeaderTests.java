package org.credence.customer.web;

import java.math.BigDecimal;
import java.util.List;

import org.credence.customer.CustomerHeaderFacts;
import org.credence.customer.HeaderFact;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerHeaderTests {

	@Test
	void collectsTheFactsOfEveryModuleAndLeavesOutOneThatFails() {
		DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
		beans.registerSingleton("line", (CustomerHeaderFacts) (code, locale) -> List
			.of(HeaderFact.amount("Credit line", new BigDecimal("2000000.00"), "CNY", null)));
		beans.registerSingleton("broken", (CustomerHeaderFacts) (code, locale) -> {
			throw new IllegalStateException("exposure is down");
		});
		beans.registerSingleton("exposure",
				(CustomerHeaderFacts) (code, locale) -> List.of(HeaderFact.text("Exposure", code, null)));
		beans.registerBeanDefinition("unused", new RootBeanDefinition(Object.class));

		CustomerHeader header = new CustomerHeader(beans.getBeanProvider(CustomerHeaderFacts.class));

		assertThat(header.facts("HD-0001")).extracting(HeaderFact::label).containsExactly("Credit line", "Exposure");
		assertThat(header.facts("HD-0001").get(1).text()).isEqualTo("HD-0001");
	}

	@Test
	void showsNothingExtraWithoutModulesThatAddFacts() {
		CustomerHeader header = new CustomerHeader(
				new DefaultListableBeanFactory().getBeanProvider(CustomerHeaderFacts.class));

		assertThat(header.facts("HD-0001")).isEmpty();
	}

}
