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

	@Test
	void givesAboutOneCustomerInThreeALedgerStartingWithTheFlagship() {
		Map<String, DemoLedger.Payer> payers = DemoLedger.payers(this.plan);
		assertThat(payers).containsEntry("HD-0001", DemoLedger.Payer.PROMPT);
		assertThat(payers.size()).isBetween(this.plan.size() / 4, this.plan.size() * 2 / 5);
		Map<DemoLedger.Payer, Long> mix = payers.values()
			.stream()
			.collect(Collectors.groupingBy(payer -> payer, Collectors.counting()));
		assertThat(mix.get(DemoLedger.Payer.PROMPT)).as("%s", mix).isGreaterThan(payers.size() * 2L / 5);
		assertThat(mix.get(DemoLedger.Payer.CHRONIC)).as("a handful of chronic late payers in %s", mix)
			.isBetween(3L, payers.size() / 6L);
		assertThat(mix.get(DemoLedger.Payer.STOPPED)).as("%s", mix).isBetween(1L, (long) DemoLedger.STOPPED_AT_MOST);
	}

	@Test
	void letsWeakerCompaniesPayLater() {
		Map<String, DemoLedger.Payer> payers = DemoLedger.payers(this.plan);
		Map<DemoFinancials.Profile, Double> lateness = new java.util.EnumMap<>(DemoFinancials.Profile.class);
		for (int i = 0; i < this.plan.size(); i++) {
			DemoLedger.Payer payer = payers.get(this.plan.get(i).code());
			if (payer != null) {
				lateness.merge(DemoFinancials.profile(i, this.plan.get(i)), (double) payer.ordinal(), Double::sum);
			}
		}
		Map<DemoFinancials.Profile, Long> counts = new java.util.EnumMap<>(DemoFinancials.Profile.class);
		for (int i = 0; i < this.plan.size(); i++) {
			if (payers.containsKey(this.plan.get(i).code())) {
				counts.merge(DemoFinancials.profile(i, this.plan.get(i)), 1L, Long::sum);
			}
		}
		lateness.replaceAll((profile, sum) -> sum / counts.get(profile));
		assertThat(lateness.get(DemoFinancials.Profile.SOUND)).as("%s", lateness)
			.isLessThan(lateness.get(DemoFinancials.Profile.STRETCHED));
		assertThat(lateness.get(DemoFinancials.Profile.STRETCHED)).as("%s", lateness)
			.isLessThan(lateness.get(DemoFinancials.Profile.DISTRESSED));
	}

	@Test
	void shapesTheLedgerLikeARealSuppliersBook() {
		java.time.LocalDate today = java.time.LocalDate.of(2026, 11, 24);
		DemoLedger.History history = DemoLedger.history(this.plan, today);
		assertThat(DemoLedger.history(this.plan, today)).isEqualTo(history);
		assertThat(history.steps()).allSatisfy(step -> assertThat(step.on()).isBeforeOrEqualTo(today));
		Map<String, java.math.BigDecimal> open = new java.util.HashMap<>();
		Map<String, DemoLedger.Invoice> invoices = new java.util.HashMap<>();
		for (DemoLedger.Step step : history.steps()) {
			if (step instanceof DemoLedger.Invoice invoice) {
				invoices.put(invoice.entry().number(), invoice);
				open.put(invoice.entry().number(), invoice.entry().amount());
			}
			else if (step instanceof DemoLedger.CreditNote note) {
				open.merge(note.entry().invoiceNumber(), note.entry().amount().negate(), java.math.BigDecimal::add);
			}
			else if (step instanceof DemoLedger.Payment payment) {
				payment.entry()
					.allocations()
					.forEach(a -> open.merge(a.invoiceNumber(), a.amount().negate(), java.math.BigDecimal::add));
			}
		}
		assertThat(open.values()).allSatisfy(amount -> assertThat(amount).isNotNegative());
		double total = 0;
		double overdue = 0;
		double[] buckets = new double[7];
		java.util.Set<String> oldDebtors = new java.util.TreeSet<>();
		java.util.Set<String> currencies = new java.util.TreeSet<>();
		for (var entry : open.entrySet()) {
			DemoLedger.Invoice invoice = invoices.get(entry.getKey());
			double amount = entry.getValue().doubleValue() * switch (invoice.entry().currency()) {
				case "USD" -> 7.1;
				case "EUR" -> 7.8;
				default -> 1;
			};
			if (amount == 0) {
				continue;
			}
			currencies.add(invoice.entry().currency());
			total += amount;
			long days = java.time.temporal.ChronoUnit.DAYS.between(invoice.entry().dueDate(), today);
			if (days > 0) {
				overdue += amount;
				buckets[days <= 30 ? 1
						: days <= 60 ? 2 : days <= 90 ? 3 : days <= 180 ? 4 : days <= 365 ? 5 : 6] += amount;
				if (days > 180) {
					oldDebtors.add(invoice.entry().customerCode());
				}
			}
		}
		double overdueTotal = overdue;
		String split = java.util.Arrays
			.toString(java.util.Arrays.stream(buckets).map(b -> Math.round(b / overdueTotal * 100)).toArray());
		assertThat(overdue / total).as("overdue %.0f of %.0f, split %s", overdue, total, split).isBetween(0.15, 0.25);
		assertThat((buckets[1] + buckets[2]) / overdue).as("1-60 days, split %s", split).isGreaterThan(0.6);
		assertThat(oldDebtors).as("over 180 days overdue, split %s", split).hasSizeBetween(1, 3);
		assertThat(currencies).contains("CNY", "USD", "EUR");
		assertThat(history.disputes()).hasSizeBetween(1, DemoLedger.DISPUTES_AT_MOST);
		assertThat(history.steps()).filteredOn(DemoLedger.CreditNote.class::isInstance).hasSizeBetween(5, 120);
	}

}
