package org.credence.demo;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.credence.customer.CustomerDraft;
import org.credence.customer.CustomerStatus;
import org.credence.customer.Uscc;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoPlanTests {

	private final List<CustomerDraft> plan = DemoPlan.customers(DemoPortfolio.CUSTOMERS);

	@Test
	void isTheSameOnEveryStart() {
		assertThat(DemoPlan.customers(DemoPortfolio.CUSTOMERS)).isEqualTo(this.plan);
	}

	@Test
	void spreadsAtLeast200UniqueCustomersOverIndustriesProvincesAndOwners() {
		assertThat(this.plan).hasSizeGreaterThanOrEqualTo(200);
		assertThat(this.plan).extracting(CustomerDraft::code).doesNotHaveDuplicates();
		assertThat(this.plan).extracting(CustomerDraft::name).doesNotHaveDuplicates();
		assertThat(this.plan.stream().map(CustomerDraft::industry).distinct().count()).isGreaterThanOrEqualTo(10);
		assertThat(this.plan.stream().map(CustomerDraft::region).distinct().count()).isGreaterThanOrEqualTo(20);
		assertThat(this.plan.stream().map(CustomerDraft::ownerUsername).distinct().count()).isEqualTo(4);
	}

	@Test
	void givesEveryCustomerAValidUscc() {
		assertThat(this.plan).allSatisfy(customer -> assertThat(Uscc.isValid(customer.uscc())).isTrue());
	}

	@Test
	void putsSomeCustomersIntoGroupsOfSeveralMembers() {
		Map<String, Long> members = this.plan.stream()
			.map(CustomerDraft::groupCode)
			.filter(Objects::nonNull)
			.collect(Collectors.groupingBy(code -> code, Collectors.counting()));
		assertThat(members).hasSizeGreaterThanOrEqualTo(5);
		assertThat(members.values()).allSatisfy(count -> assertThat(count).isGreaterThanOrEqualTo(2));
	}

	@Test
	void hasAMixOfStatusesLikeARealPortfolio() {
		Map<CustomerStatus, Long> statuses = this.plan.stream()
			.collect(Collectors.groupingBy(CustomerDraft::status, Collectors.counting()));
		assertThat(statuses.keySet()).containsExactlyInAnyOrder(CustomerStatus.values());
		assertThat(statuses.get(CustomerStatus.ACTIVE)).isGreaterThan(this.plan.size() / 2);
	}

	@Test
	void blacklistsOnlySuspendedCustomersWithReasons() {
		List<DemoPlan.DemoBlacklisting> blacklistings = DemoPlan.blacklistings(this.plan);
		assertThat(blacklistings).hasSizeBetween(2, 4);
		assertThat(blacklistings).allSatisfy(b -> assertThat(this.plan)
			.anyMatch(c -> c.code().equals(b.customerCode()) && c.status() == CustomerStatus.SUSPENDED));
	}

}
