package org.credence.limit.line;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.credence.IntegrationTest;
import org.credence.SecurityContexts;
import org.credence.TestClock;
import org.credence.customer.CustomerDetails;
import org.credence.customer.CustomerFixtures;
import org.credence.customer.Customers;
import org.credence.identity.AuditEntry;
import org.credence.identity.AuditQuery;
import org.credence.identity.AuditTrail;
import org.credence.identity.CurrentUser;
import org.credence.identity.Role;
import org.credence.identity.Users;
import org.credence.limit.ApplicationType;
import org.credence.limit.CreditLine;
import org.credence.limit.CreditLineChanged;
import org.credence.limit.CreditLineStatus;
import org.credence.limit.CreditLines;
import org.credence.shared.InvalidInputException;
import org.credence.shared.NotFoundException;
import org.credence.shared.Paging;
import org.credence.shared.RuleViolationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.credence.limit.line.LineFixtures.apply;

@IntegrationTest
@RecordApplicationEvents
class LineChangesIntegrationTests {

	@Autowired
	CreditLines lines;

	@Autowired
	Collaterals collaterals;

	@Autowired
	GroupLimits groupLimits;

	@Autowired
	Customers customers;

	@Autowired
	CurrentUser currentUser;

	@Autowired
	Users users;

	@Autowired
	AuditTrail auditTrail;

	@Autowired
	TestClock clock;

	@Autowired
	ApplicationEvents events;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	private CreditLine current(String code) {
		return this.currentUser.asSystem(() -> this.lines.current(code)).orElseThrow();
	}

	private List<AuditEntry> audit(String code) {
		return this.currentUser.asSystem(() -> this.auditTrail
			.entries(AuditQuery.forSubject(CustomerDetails.auditSubject(code)), new Paging(0, 50))
			.items());
	}

	@Test
	void aManagerSuspendsAndReinstatesAtOnceWithAReasonAuditedAndKeptInHistory() {
		this.clock.setDate(LocalDate.parse("2026-03-10"));
		String code = LineFixtures.customer(this.customers, this.currentUser, null);
		apply(this.lines, this.currentUser, code, ApplicationType.NEW, "1000000.00", 60, "2026-01-12", null);
		String manager = CustomerFixtures.user(this.users, this.currentUser, "mgr", Role.CREDIT_MANAGER);

		SecurityContexts.runAs(manager, Set.of(Role.CREDIT_MANAGER), () -> {
			assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> this.lines.suspend(code, " "))
				.satisfies(ex -> assertThat(ex.problems()).extracting(p -> p.field()).containsExactly("reason"));
			CreditLine suspended = this.lines.suspend(code, "两笔发票逾期 60 天以上");
			assertThat(suspended.status()).isEqualTo(CreditLineStatus.SUSPENDED);
			assertThat(suspended.suspendedReason()).isEqualTo("两笔发票逾期 60 天以上");
			assertThatExceptionOfType(RuleViolationException.class).isThrownBy(() -> this.lines.suspend(code, "again"))
				.satisfies(ex -> assertThat(ex.reasonCode()).isEqualTo("CREDIT_LINE_SUSPENDED"));
		});
		assertThat(current(code).status()).isEqualTo(CreditLineStatus.SUSPENDED);
		assertThat(this.events.stream(CreditLineChanged.class))
			.anyMatch(e -> e.customerCode().equals(code) && e.change().equals("SUSPENDED"));

		this.clock.setDate(LocalDate.parse("2026-03-20"));
		SecurityContexts.runAs(manager, Set.of(Role.CREDIT_MANAGER),
				() -> assertThat(this.lines.reinstate(code, "逾期已结清").status()).isEqualTo(CreditLineStatus.ACTIVE));

		assertThat(current(code).status()).isEqualTo(CreditLineStatus.ACTIVE);
		CreditLine onTheFifteenth = this.currentUser
			.asSystem(() -> this.lines.asOf(code, LocalDate.parse("2026-03-15")))
			.orElseThrow();
		assertThat(onTheFifteenth.status()).isEqualTo(CreditLineStatus.SUSPENDED);
		assertThat(this.currentUser.asSystem(() -> this.lines.history(code))).extracting(LineVersion::change)
			.containsExactly("REINSTATED", "SUSPENDED", "GRANTED");
		assertThat(audit(code)).filteredOn(e -> e.entityType().equals("credit-line"))
			.extracting(AuditEntry::action)
			.contains("SUSPENDED", "REINSTATED");
		assertThat(audit(code)).filteredOn(e -> e.action().equals("SUSPENDED"))
			.allMatch(e -> manager.equals(e.actor()) && "两笔发票逾期 60 天以上".equals(e.reason()));
	}

	@Test
	void onlyThoseWhoManageLinesSuspendThem() {
		String code = LineFixtures.customer(this.customers, this.currentUser, null);
		apply(this.lines, this.currentUser, code, ApplicationType.NEW, "1000000.00", 60,
				LocalDate.now(this.clock).toString(), null);
		String analyst = CustomerFixtures.user(this.users, this.currentUser, "ana", Role.CREDIT_ANALYST);

		SecurityContexts.runAs(analyst, Set.of(Role.CREDIT_ANALYST),
				() -> assertThatExceptionOfType(AccessDeniedException.class)
					.isThrownBy(() -> this.lines.suspend(code, "no")));
		assertThat(current(code).status()).isEqualTo(CreditLineStatus.ACTIVE);
	}

	@Test
	void aSuspensionIsNotUndoneByARenewalAlreadyScheduledForLater() {
		this.clock.setDate(LocalDate.parse("2026-12-01"));
		String code = LineFixtures.customer(this.customers, this.currentUser, null);
		apply(this.lines, this.currentUser, code, ApplicationType.NEW, "1000000.00", 60, "2026-01-12", null);
		apply(this.lines, this.currentUser, code, ApplicationType.RENEWAL, "1200000.00", 60, "2027-01-12", null);

		this.currentUser.asSystem(() -> this.lines.suspend(code, "破产传闻"));

		CreditLine renewed = this.currentUser.asSystem(() -> this.lines.asOf(code, LocalDate.parse("2027-02-01")))
			.orElseThrow();
		assertThat(renewed.limit()).isEqualByComparingTo("1200000");
		assertThat(renewed.status()).isEqualTo(CreditLineStatus.SUSPENDED);
	}

	@Test
	void anUnratedCustomersRenewalKeepsTheCoverItsLineRequires() {
		this.clock.setDate(LocalDate.parse("2026-03-01"));
		String code = LineFixtures.customer(this.customers, this.currentUser, null);
		apply(this.lines, this.currentUser, code, ApplicationType.NEW, "1000000.00", 60, "2026-01-12", null);
		String manager = CustomerFixtures.user(this.users, this.currentUser, "mgr", Role.CREDIT_MANAGER);
		SecurityContexts.runAs(manager, Set.of(Role.CREDIT_MANAGER),
				() -> this.lines.requireCover(code, new BigDecimal("0.5"), "担保要求"));

		apply(this.lines, this.currentUser, code, ApplicationType.RENEWAL, "1000000.00", 60, "2026-03-01", null);
		apply(this.lines, this.currentUser, code, ApplicationType.INCREASE, "1200000.00", 60, "2026-03-01", null);

		assertThat(current(code).requiredCoverRatio()).isEqualByComparingTo("0.5");
		assertThat(current(code).limit()).isEqualByComparingTo("1200000");
	}

	@Test
	void collateralSecuresItsValueLessTheHaircutWhileValidAndTheLineIsFlaggedWhenCoverFallsShort() {
		this.clock.setDate(LocalDate.parse("2026-02-01"));
		String code = LineFixtures.customer(this.customers, this.currentUser, null);
		apply(this.lines, this.currentUser, code, ApplicationType.NEW, "1000000.00", 60, "2026-02-01", null);
		String finance = CustomerFixtures.user(this.users, this.currentUser, "fin", Role.FINANCE);
		SecurityContexts.runAs(finance, Set.of(Role.FINANCE), () -> {
			this.collaterals.add(code, new CollateralDraft("BANK_GUARANTEE", new BigDecimal("400000.00"), "CNY",
					new BigDecimal("10"), LocalDate.parse("2026-06-30"), "中国银行上海分行", "BG-2026-001", null));
			this.collaterals.add(code, new CollateralDraft("DEPOSIT", new BigDecimal("200000.00"), null,
					BigDecimal.ZERO, null, "客户", null, "保证金"));
			assertThatExceptionOfType(InvalidInputException.class)
				.isThrownBy(() -> this.collaterals.add(code,
						new CollateralDraft("GOLD", new BigDecimal("-1"), "CNY", new BigDecimal("120"), null, " ", null,
								null)))
				.satisfies(ex -> assertThat(ex.problems()).extracting(p -> p.field())
					.containsExactlyInAnyOrder("type", "value", "haircutPercent", "provider"));
		});
		this.currentUser.asSystem(() -> this.lines.requireCover(code, new BigDecimal("0.5"), "评级下调，需担保覆盖 50%"));

		CreditLine covered = current(code);
		assertThat(covered.securedAmount()).isEqualByComparingTo("560000.00");
		assertThat(covered.requiredCover()).isEqualByComparingTo("500000.00");
		assertThat(covered.coverShortfall()).isFalse();

		this.clock.setDate(LocalDate.parse("2026-06-30"));
		assertThat(current(code).coverShortfall()).isFalse();
		this.clock.setDate(LocalDate.parse("2026-07-01"));
		CreditLine expired = current(code);
		assertThat(expired.securedAmount()).isEqualByComparingTo("200000.00");
		assertThat(expired.coverShortfall()).isTrue();
		assertThat(this.currentUser.asSystem(() -> this.lines.asOf(code, LocalDate.parse("2026-06-15")))
			.orElseThrow()
			.coverShortfall()).isFalse();
	}

	@Test
	void coverIsRequiredOfTheEffectiveLimitWhileATemporaryIncreaseRuns() {
		this.clock.setDate(LocalDate.parse("2026-02-01"));
		String code = LineFixtures.customer(this.customers, this.currentUser, null);
		apply(this.lines, this.currentUser, code, ApplicationType.NEW, "1000000.00", 60, "2026-02-01", null);
		String finance = CustomerFixtures.user(this.users, this.currentUser, "fin", Role.FINANCE);
		SecurityContexts.runAs(finance, Set.of(Role.FINANCE),
				() -> this.collaterals.add(code, new CollateralDraft("DEPOSIT", new BigDecimal("500000.00"), null,
						BigDecimal.ZERO, null, "客户", null, "保证金")));
		this.currentUser.asSystem(() -> this.lines.requireCover(code, new BigDecimal("0.5"), "需担保覆盖 50%"));
		apply(this.lines, this.currentUser, code, ApplicationType.TEMPORARY, "400000.00", 60, "2026-03-01",
				"2026-03-31");

		assertThat(current(code).coverShortfall()).isFalse();
		this.clock.setDate(LocalDate.parse("2026-03-15"));
		CreditLine during = current(code);
		assertThat(during.requiredCover()).isEqualByComparingTo("700000.00");
		assertThat(during.coverShortfall()).isTrue();
		this.clock.setDate(LocalDate.parse("2026-04-01"));
		assertThat(current(code).coverShortfall()).isFalse();
	}

	@Test
	void releasingCollateralTakesEffectAtOnceAndIsAudited() {
		this.clock.setDate(LocalDate.parse("2026-02-01"));
		String code = LineFixtures.customer(this.customers, this.currentUser, null);
		apply(this.lines, this.currentUser, code, ApplicationType.NEW, "1000000.00", 60, "2026-02-01", null);
		Collateral deposit = this.currentUser.asSystem(() -> this.collaterals.add(code, new CollateralDraft("deposit",
				new BigDecimal("300000.00"), "CNY", BigDecimal.ZERO, null, "客户", null, null)));
		assertThat(current(code).securedAmount()).isEqualByComparingTo("300000.00");
		this.clock.setDate(LocalDate.parse("2026-03-01"));

		this.currentUser.asSystem(() -> this.collaterals.release(code, deposit.id(), "退还保证金"));

		assertThat(current(code).securedAmount()).isEqualByComparingTo("0");
		assertThat(this.currentUser.asSystem(() -> this.lines.asOf(code, LocalDate.parse("2026-02-28")))
			.orElseThrow()
			.securedAmount()).isEqualByComparingTo("300000.00");
		assertThatExceptionOfType(RuleViolationException.class)
			.isThrownBy(() -> this.currentUser.asSystem(() -> this.collaterals.release(code, deposit.id(), "again")));
		String other = LineFixtures.customer(this.customers, this.currentUser, null);
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.currentUser.asSystem(() -> this.collaterals.release(other, deposit.id(), "x")));
		assertThat(audit(code)).filteredOn(e -> e.entityType().equals("collateral"))
			.extracting(AuditEntry::action)
			.containsExactlyInAnyOrder("CREATED", "RELEASED");
	}

	@Test
	void aGroupLimitIsShownWithTheSumOfItsMembersLimits() {
		String group = CustomerFixtures.uniqueCode("GRP");
		String today = LocalDate.now(this.clock).toString();
		String sales = CustomerFixtures.user(this.users, this.currentUser, "sal", Role.SALES);
		String first = LineFixtures.groupMember(this.customers, this.currentUser, group, sales);
		String second = LineFixtures.groupMember(this.customers, this.currentUser, group, null);
		LineFixtures.groupMember(this.customers, this.currentUser, group, null);
		apply(this.lines, this.currentUser, first, ApplicationType.NEW, "1000000.00", 60, today, null);
		apply(this.lines, this.currentUser, second, ApplicationType.NEW, "1500000.00", 60, today, null);

		GroupLimit set = this.currentUser
			.asSystem(() -> this.groupLimits.set(group, new BigDecimal("2000000.00"), null, "集团整体额度"));

		assertThat(set.limit()).isEqualByComparingTo("2000000");
		assertThat(set.currency()).isEqualTo("CNY");
		assertThat(set.memberLimits()).isEqualByComparingTo("2500000");
		assertThat(set.exceeded()).isTrue();
		assertThat(set.headroom()).isEqualByComparingTo("-500000");
		assertThat(set.members()).hasSize(3);
		SecurityContexts.runAs(sales, Set.of(Role.SALES), () -> {
			GroupLimit seen = this.groupLimits.forGroup(group);
			assertThat(seen.members()).extracting(GroupLimit.Member::code).containsExactly(first);
			assertThat(seen.memberCount()).isEqualTo(3);
			// the sum and headroom would tell the other members' limits; exceeded does
			// not
			assertThat(seen.memberLimits()).isNull();
			assertThat(seen.headroom()).isNull();
			assertThat(seen.exceeded()).isTrue();
			assertThatExceptionOfType(AccessDeniedException.class)
				.isThrownBy(() -> this.groupLimits.set(group, BigDecimal.ONE, null, "x"));
		});
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.currentUser.asSystem(() -> this.groupLimits.forGroup(group + "-none")));
		this.currentUser.asSystem(() -> this.groupLimits.set(group, new BigDecimal("300000.00"), "USD", "美元额度"));
		GroupLimit kept = this.currentUser
			.asSystem(() -> this.groupLimits.set(group, new BigDecimal("400000.00"), null, "调整"));
		assertThat(kept.currency()).isEqualTo("USD");
		assertThat(this.currentUser.asSystem(
				() -> this.auditTrail.entries(AuditQuery.forSubject("group/" + group), new Paging(0, 10)).items()))
			.extracting(AuditEntry::action)
			.containsExactlyInAnyOrder("CHANGED", "CHANGED", "CREATED");
	}

}
