package org.credence.customer;

import java.time.LocalDate;
import java.util.List;

import org.credence.IntegrationTest;
import org.credence.SecurityContexts;
import org.credence.TestClock;
import org.credence.identity.AuditEntry;
import org.credence.identity.AuditQuery;
import org.credence.identity.AuditTrail;
import org.credence.identity.CurrentUser;
import org.credence.identity.Role;
import org.credence.identity.Users;
import org.credence.shared.ConflictException;
import org.credence.shared.InvalidInputException;
import org.credence.shared.NotFoundException;
import org.credence.shared.Paging;
import org.credence.shared.RuleViolationException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.credence.customer.CustomerFixtures.customer;
import static org.credence.customer.CustomerFixtures.uniqueCode;
import static org.credence.customer.CustomerFixtures.uniqueUscc;
import static org.credence.customer.CustomerFixtures.user;

@IntegrationTest
@RecordApplicationEvents
class CustomersIntegrationTests {

	@Autowired
	Customers customers;

	@Autowired
	Users users;

	@Autowired
	CurrentUser currentUser;

	@Autowired
	AuditTrail auditTrail;

	@Autowired
	ApplicationEvents events;

	@Autowired
	TestClock clock;

	@Test
	void opensACreditFileAuditsItAndAnnouncesIt() {
		String code = uniqueCode("HD");
		String uscc = uniqueUscc();
		CustomerDraft draft = new CustomerDraft(code, "华东精密建材有限公司", "华东精密", uscc.toLowerCase(), null, "上海市", "C",
				new java.math.BigDecimal("5000000"), null, LocalDate.of(2008, 3, 18), 320, OwnershipType.PRIVATE, null,
				null, null, null, null, java.util.Set.of("建材", "华东"));

		CustomerDetails created = this.currentUser.asSystem(() -> this.customers.register(draft)).customer();

		assertThat(created.uscc()).isEqualTo(uscc);
		assertThat(created.region()).isEqualTo("CN-SH");
		assertThat(created.country()).isEqualTo("CN");
		assertThat(created.status()).isEqualTo(CustomerStatus.PROSPECT);
		assertThat(created.registeredCapitalCurrency()).isEqualTo("CNY");
		assertThat(created.tags()).containsExactly("华东", "建材");
		List<AuditEntry> audit = this.auditTrail
			.entries(AuditQuery.forSubject(created.auditSubject()), new Paging(0, 10))
			.items();
		assertThat(audit).singleElement().satisfies(entry -> {
			assertThat(entry.action()).isEqualTo("CREATED");
			assertThat(entry.actor()).isEqualTo("system");
			assertThat(entry.after()).contains("华东精密建材有限公司").contains(uscc);
		});
		assertThat(this.events.stream(CustomerRegistered.class)).anyMatch(e -> e.code().equals(code));
	}

	@Test
	void refusesAChineseCustomerWhoseUsccCheckDigitIsWrongAndSavesNothing() {
		String code = uniqueCode("BAD");
		String valid = uniqueUscc();
		String wrong = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
		CustomerDraft draft = new CustomerDraft(code, "Wrong check digit", null, wrong, "CN", null, null, null, null,
				null, null, null, null, null, null, null, null, null);

		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.currentUser.asSystem(() -> this.customers.register(draft)))
			.satisfies(ex -> assertThat(ex.problems())
				.extracting(InvalidInputException.FieldProblem::field, InvalidInputException.FieldProblem::messageCode)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("uscc", "customer.uscc.check-digit")));
		assertThat(this.currentUser.asSystem(() -> this.customers.find(code))).isEmpty();
	}

	@Test
	void acceptsAnyRegistrationIdForCustomersOutsideChina() {
		CustomerDraft draft = new CustomerDraft(uniqueCode("DE"), "Müller Baustoffe GmbH", null, "HRB 12345", "DE",
				"Bayern", "F", null, null, null, null, null, null, null, null, null, null, null);

		CustomerDetails created = this.currentUser.asSystem(() -> this.customers.register(draft)).customer();

		assertThat(created.uscc()).isEqualTo("HRB 12345");
		assertThat(created.region()).isEqualTo("Bayern");
	}

	@Test
	void refusesADuplicateCode() {
		CustomerDetails existing = customer(this.customers, this.currentUser, "First", null);

		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> this.currentUser
			.asSystem(() -> this.customers.register(CustomerDraft.of(existing.code(), "Second"))));
	}

	@Test
	void salesSeeAndChangeOnlyTheCustomersTheyOwn() {
		String wang = user(this.users, this.currentUser, "wang", Role.SALES);
		String zhao = user(this.users, this.currentUser, "zhao", Role.SALES);
		CustomerDetails own = customer(this.customers, this.currentUser, "Own customer", wang);
		CustomerDetails other = customer(this.customers, this.currentUser, "Other customer", zhao);

		SecurityContexts.runAs(wang, List.of(Role.SALES), () -> {
			assertThat(this.customers.find(own.code())).isPresent();
			assertThat(this.customers.find(other.code())).isEmpty();
			assertThat(this.customers.search(CustomerQuery.all(), new Paging(0, 500)).items())
				.extracting(CustomerDetails::code)
				.contains(own.code())
				.doesNotContain(other.code());
			assertThatExceptionOfType(NotFoundException.class)
				.isThrownBy(() -> this.customers.change(other.code(), new CustomerChange("Renamed", null, null, null,
						null, null, null, null, null, null, null, null, null, null, null, null, null)));
			assertThat(this.customers
				.change(own.code(),
						new CustomerChange("Renamed", null, null, null, null, null, null, null, null, null, null, null,
								null, null, null, null, null))
				.name()).isEqualTo("Renamed");
		});
	}

	@Test
	void codesInBulkAreFilteredByTheCallersDataScope() {
		String wang = user(this.users, this.currentUser, "wang", Role.SALES);
		String zhao = user(this.users, this.currentUser, "zhao", Role.SALES);
		CustomerDetails own = customer(this.customers, this.currentUser, "Own customer", wang);
		CustomerDetails other = customer(this.customers, this.currentUser, "Other customer", zhao);
		List<String> codes = List.of(own.code(), other.code(), uniqueCode("NONE"));

		SecurityContexts.runAs(wang, List.of(Role.SALES),
				() -> assertThat(this.customers.visibleCodes(codes)).containsExactly(own.code()));
		assertThat(this.currentUser.asSystem(() -> this.customers.visibleCodes(codes)))
			.containsExactlyInAnyOrder(own.code(), other.code());
		assertThat(this.currentUser.asSystem(() -> this.customers.visibleCodes(List.of()))).isEmpty();
	}

	@Test
	void salesOwnWhatTheyCreateAndCannotGiveItAway() {
		String wang = user(this.users, this.currentUser, "wang", Role.SALES);
		String zhao = user(this.users, this.currentUser, "zhao", Role.SALES);

		SecurityContexts.runAs(wang, List.of(Role.SALES), () -> {
			CustomerDetails created = this.customers.register(CustomerDraft.of(uniqueCode("S"), "Sales' own"))
				.customer();
			assertThat(created.ownerUsername()).isEqualTo(wang);
			assertThatExceptionOfType(AccessDeniedException.class)
				.isThrownBy(() -> this.customers.change(created.code(), new CustomerChange(null, null, null, null, null,
						null, null, null, null, null, null, null, null, zhao, null, null, null)));
		});
	}

	@Test
	void auditorsReadButCannotChange() {
		CustomerDetails customer = customer(this.customers, this.currentUser, "Read only", null);

		SecurityContexts.runAs("auditor.someone", List.of(Role.AUDITOR), () -> {
			assertThat(this.customers.find(customer.code())).isPresent();
			assertThatExceptionOfType(AccessDeniedException.class)
				.isThrownBy(() -> this.customers.register(CustomerDraft.of(uniqueCode("A"), "Not allowed")));
		});
	}

	@Test
	void auditsAChangeWithTheStateBeforeAndAfter() {
		CustomerDetails customer = customer(this.customers, this.currentUser, "Before name", null);

		this.currentUser
			.asSystem(() -> this.customers.change(customer.code(), new CustomerChange("After name", null, null, null,
					null, null, null, null, null, null, null, null, null, null, null, CustomerStatus.SUSPENDED, null)));

		AuditEntry change = this.auditTrail.entries(AuditQuery.forSubject(customer.auditSubject()), new Paging(0, 1))
			.items()
			.get(0);
		assertThat(change.action()).isEqualTo("CHANGED");
		assertThat(change.before()).contains("Before name").contains("ACTIVE");
		assertThat(change.after()).contains("After name").contains("SUSPENDED");
		assertThat(this.events.stream(CustomerChanged.class))
			.anyMatch(e -> e.code().equals(customer.code()) && e.status() == CustomerStatus.SUSPENDED);
	}

	@Test
	void refusesAFormSavedOverSomeoneElsesChange() {
		CustomerDetails customer = customer(this.customers, this.currentUser, "Concurrent", null);
		CustomerDraft edited = customer.toDraft();
		this.currentUser.asSystem(() -> this.customers.change(customer.code(), new CustomerChange("Someone else", null,
				null, null, null, null, null, null, null, null, null, null, null, null, null, null, null)));

		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> this.currentUser
			.asSystem(() -> this.customers.replace(customer.code(), edited, customer.version())));
	}

	@Test
	void groupsCustomersUnderAGroupCreatedOnFirstUse() {
		String group = uniqueCode("G");
		CustomerDraft parent = new CustomerDraft(uniqueCode("P"), "集团母公司", null, null, null, null, null, null, null,
				null, null, null, group, "华东建材集团", null, null, null, null);
		CustomerDraft member = new CustomerDraft(uniqueCode("M"), "集团子公司", null, null, null, null, null, null, null,
				null, null, null, group, null, null, null, null, null);

		this.currentUser.asSystem(() -> this.customers.register(parent));
		CustomerDetails second = this.currentUser.asSystem(() -> this.customers.register(member)).customer();

		assertThat(second.groupName()).isEqualTo("华东建材集团");
		assertThat(this.currentUser.asSystem(() -> this.customers.search(
				new CustomerQuery(null, null, null, null, null, null, null, null, group, null, false),
				new Paging(0, 10)))
			.total()).isEqualTo(2);
	}

	@Test
	void blacklistsWithAReasonMarksTheCustomerAndWarnsOfLookAlikes() {
		CustomerDetails customer = customer(this.customers, this.currentUser, "失信建材有限公司", null);

		this.currentUser
			.asSystem(() -> this.customers.blacklist(customer.code(), "法院失信被执行人", "(2026)沪0115执1234号", null));

		CustomerDetails blacklisted = this.currentUser.asSystem(() -> this.customers.get(customer.code()));
		assertThat(blacklisted.blacklisted()).isTrue();
		assertThat(blacklisted.blacklistEntry().reason()).isEqualTo("法院失信被执行人");
		assertThat(this.events.stream(CustomerBlacklisted.class)).anyMatch(e -> e.code().equals(customer.code()));

		Registration lookAlike = this.currentUser.asSystem(
				() -> this.customers.register(new CustomerDraft(uniqueCode("L"), "失信建材有限公司", null, customer.uscc(),
						null, null, null, null, null, null, null, null, null, null, null, null, null, null)));
		assertThat(lookAlike.warnings()).extracting(BlacklistMatch::customerCode, BlacklistMatch::matchedOn)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(customer.code(), "USCC"));

		assertThatExceptionOfType(RuleViolationException.class).isThrownBy(
				() -> this.currentUser.asSystem(() -> this.customers.blacklist(customer.code(), "again", null, null)));
	}

	@Test
	void removingFromTheBlacklistNeedsAReasonAndKeepsTheHistory() {
		CustomerDetails customer = customer(this.customers, this.currentUser, "Removed later", null);
		this.currentUser.asSystem(() -> this.customers.blacklist(customer.code(), "overdue 180 days", null, null));

		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> this.currentUser.asSystem(() -> {
			this.customers.removeFromBlacklist(customer.code(), " ");
			return null;
		}));
		this.currentUser.asSystem(() -> {
			this.customers.removeFromBlacklist(customer.code(), "paid in full");
			return null;
		});

		assertThat(this.currentUser.asSystem(() -> this.customers.get(customer.code())).blacklisted()).isFalse();
		assertThat(this.currentUser.asSystem(() -> this.customers.blacklistHistory(customer.code()))).singleElement()
			.satisfies(entry -> assertThat(entry.removalReason()).isEqualTo("paid in full"));
	}

	@Test
	void aBlacklistEntryLapsesAfterItsExpiryDate() {
		TestClock clock = this.clock;
		CustomerDetails customer = customer(this.customers, this.currentUser, "Expiring", null);
		LocalDate today = LocalDate.now(clock);
		this.currentUser
			.asSystem(() -> this.customers.blacklist(customer.code(), "temporary", null, today.plusDays(30)));
		try {
			clock.setDate(today.plusDays(30));
			assertThat(this.currentUser.asSystem(() -> this.customers.get(customer.code())).blacklisted()).isTrue();
			clock.setDate(today.plusDays(31));
			assertThat(this.currentUser.asSystem(() -> this.customers.get(customer.code())).blacklisted()).isFalse();
		}
		finally {
			clock.reset();
		}
	}

	@Test
	void salesLearnThatANewCustomerResemblesABlacklistedOneButNotWhichOne() {
		String wang = user(this.users, this.currentUser, "wang", Role.SALES);
		CustomerDetails blacklisted = customer(this.customers, this.currentUser, "别人的失信客户有限公司", null);
		this.currentUser.asSystem(() -> this.customers.blacklist(blacklisted.code(), "失信被执行人", null, null));

		SecurityContexts.runAs(wang, List.of(Role.SALES), () -> {
			Registration registration = this.customers
				.register(new CustomerDraft(uniqueCode("S"), "相似的新客户", null, blacklisted.uscc(), null, null, null, null,
						null, null, null, null, null, null, null, null, null, null));
			assertThat(registration.warnings()).containsExactly(new BlacklistMatch("", "", "USCC", ""));
		});
	}

	@Test
	void exportsEveryMatchingCustomerNotJustOnePage() {
		String marker = uniqueCode("MANY");
		for (int i = 0; i < 501; i++) {
			String code = marker + "-" + i;
			this.currentUser.asSystem(() -> this.customers.register(CustomerDraft.of(code, "批量 " + code)));
		}
		CustomerQuery query = new CustomerQuery(marker, null, null, null, null, null, null, null, null, null, false);

		assertThat(this.currentUser.asSystem(() -> this.customers.searchAll(query, 100_000))).hasSize(501);
	}

	@Test
	void aDisabledOwnerDoesNotBlockChangesToTheirCustomers() {
		String wang = user(this.users, this.currentUser, "wang", Role.SALES);
		CustomerDetails customer = customer(this.customers, this.currentUser, "离职销售的客户", wang);
		this.currentUser.asSystem(
				() -> this.users.change(wang, new org.credence.identity.UserChange(null, null, null, false, null)));

		CustomerDetails changed = this.currentUser
			.asSystem(() -> this.customers.change(customer.code(), new CustomerChange("离职销售的客户（更名）", null, null, null,
					null, null, null, null, null, null, null, null, null, null, null, null, null)));

		assertThat(changed.name()).isEqualTo("离职销售的客户（更名）");
		assertThat(changed.ownerUsername()).isEqualTo(wang);
		String zhao = user(this.users, this.currentUser, "zhao", Role.CREDIT_ANALYST);
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> this.currentUser
			.asSystem(() -> this.customers.change(customer.code(), new CustomerChange(null, null, null, null, null,
					null, null, null, null, null, null, null, null, zhao, null, null, null))));
	}

	@Test
	void renamesAGroupWhenANameIsGivenAndAuditsIt() {
		String group = uniqueCode("G");
		CustomerDetails member = this.currentUser
			.asSystem(() -> this.customers.register(new CustomerDraft(uniqueCode("M"), "集团成员", null, null, null, null,
					null, null, null, null, null, null, group, "旧集团名", null, null, null, null)))
			.customer();

		CustomerDetails renamed = this.currentUser
			.asSystem(() -> this.customers.change(member.code(), new CustomerChange(null, null, null, null, null, null,
					null, null, null, null, null, group, "新集团名", null, null, null, null)));

		assertThat(renamed.groupName()).isEqualTo("新集团名");
		assertThat(this.auditTrail.entries(AuditQuery.forSubject(member.auditSubject()), new Paging(0, 1))
			.items()
			.get(0)
			.after()).contains("新集团名");
	}

	@Test
	void refusesCodesThatCannotBeAddressedInAUrl() {
		for (String code : List.of("SH/0001", "new", "export.xlsx")) {
			assertThatExceptionOfType(InvalidInputException.class)
				.isThrownBy(() -> this.currentUser.asSystem(() -> this.customers.register(CustomerDraft.of(code, "x"))))
				.satisfies(ex -> assertThat(ex.problems()).extracting(InvalidInputException.FieldProblem::field)
					.containsExactly("code"));
		}
	}

}
