package org.credence.limit.line;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.credence.customer.CustomerDetails;
import org.credence.customer.CustomerQuery;
import org.credence.customer.Customers;
import org.credence.identity.AuditRecord;
import org.credence.identity.AuditTrail;
import org.credence.identity.CurrentUser;
import org.credence.identity.Permission;
import org.credence.limit.CreditLine;
import org.credence.limit.CreditLineStatus;
import org.credence.limit.CreditLines;
import org.credence.limit.GroupLimitChanged;
import org.credence.receivable.FxRate;
import org.credence.receivable.FxRates;
import org.credence.shared.InvalidInputException;
import org.credence.shared.InvalidInputException.FieldProblem;
import org.credence.shared.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Group limits (集团额度): a ceiling over the credit lines of a customer group's members, set
 * by those with {@code limit:lines}, audited, kept as history. It is shown with the sum
 * of the members' limits; it does not refuse an application by itself (the credit check
 * reports {@code GROUP_LIMIT_EXCEEDED}).
 */
@Service
public class GroupLimits {

	private static final int MAX_MEMBERS = 1000;

	private final JdbcClient jdbc;

	private final CreditLines lines;

	private final Customers customers;

	private final FxRates fxRates;

	private final CurrentUser currentUser;

	private final AuditTrail auditTrail;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	GroupLimits(JdbcClient jdbc, CreditLines lines, Customers customers, FxRates fxRates, CurrentUser currentUser,
			AuditTrail auditTrail, ApplicationEventPublisher events, Clock clock) {
		this.events = events;
		this.jdbc = jdbc;
		this.lines = lines;
		this.customers = customers;
		this.fxRates = fxRates;
		this.currentUser = currentUser;
		this.auditTrail = auditTrail;
		this.clock = clock;
	}

	/**
	 * The group's limit and its members' lines today.
	 * @throws NotFoundException when the caller sees no customer of that group
	 */
	@Transactional(readOnly = true)
	public GroupLimit forGroup(String groupCode) {
		this.currentUser.require(Permission.LIMIT_READ);
		Set<String> visible = visibleMembers(groupCode);
		if (visible.isEmpty()) {
			throw new NotFoundException("limit.group.not-found", groupCode);
		}
		List<CustomerDetails> all = this.currentUser
			.asSystem(() -> this.customers.searchAll(query(groupCode), MAX_MEMBERS));
		Optional<Stored> stored = latest(groupCode);
		String currency = stored.map(Stored::currency).orElse(this.fxRates.companyCurrency());
		LocalDate today = LocalDate.now(this.clock);
		Map<String, BigDecimal> rates = null;
		BigDecimal sum = BigDecimal.ZERO.setScale(2);
		List<GroupLimit.Member> members = new ArrayList<>();
		for (CustomerDetails customer : all) {
			Optional<CreditLine> line = this.lines.lineOn(customer.code(), today);
			if (line.isPresent() && line.get().status() != CreditLineStatus.EXPIRED) {
				BigDecimal limit = line.get().limit();
				if (!line.get().currency().equals(currency)) {
					if (rates == null) {
						rates = rates(today);
					}
					limit = convert(limit, line.get().currency(), currency, rates);
				}
				sum = sum.add(limit);
			}
			if (visible.contains(customer.code())) {
				members.add(new GroupLimit.Member(customer.code(), customer.name(),
						line.map(CreditLine::limit).orElse(null), line.map(CreditLine::currency).orElse(null),
						line.map(CreditLine::status).orElse(null)));
			}
		}
		String groupName = all.stream().map(CustomerDetails::groupName).filter(n -> n != null).findFirst().orElse(null);
		BigDecimal limit = stored.map(Stored::amount).orElse(null);
		boolean exceeded = limit != null && sum.compareTo(limit) > 0;
		// a caller who does not see every member gets no sum that includes the others
		boolean seesAll = members.size() == all.size();
		return new GroupLimit(groupCode, groupName, limit, currency, stored.map(Stored::setAt).orElse(null),
				stored.map(Stored::setBy).orElse(null), stored.map(Stored::reason).orElse(null), seesAll ? sum : null,
				exceeded, members, all.size());
	}

	/**
	 * Sets (or, with no amount, removes) the group's limit; audited.
	 * @throws NotFoundException when the caller sees no customer of that group
	 * @throws InvalidInputException naming the wrong fields
	 */
	@Transactional
	public GroupLimit set(String groupCode, @Nullable BigDecimal amount, @Nullable String currency,
			@Nullable String reason) {
		this.currentUser.require(Permission.CREDIT_LINE_MANAGE);
		if (visibleMembers(groupCode).isEmpty()) {
			throw new NotFoundException("limit.group.not-found", groupCode);
		}
		List<FieldProblem> problems = new ArrayList<>();
		if (amount != null && (amount.signum() < 0 || amount.scale() > 2 || amount.precision() - amount.scale() > 17)) {
			problems.add(new FieldProblem("amount", "limit.group.amount.invalid"));
		}
		if (currency != null && !currency.isBlank() && !currency.strip().matches("[A-Za-z]{3}")) {
			problems.add(new FieldProblem("currency", "limit.line.currency.invalid"));
		}
		if (reason == null || reason.isBlank()) {
			problems.add(new FieldProblem("reason", "limit.line.reason.required"));
		}
		else if (reason.strip().length() > 1000) {
			problems.add(new FieldProblem("reason", "limit.line.reason.too-long"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Optional<Stored> before = latest(groupCode);
		// without a currency the group limit keeps its own (company currency at first)
		String code = currency == null || currency.isBlank()
				? before.map(Stored::currency).orElse(this.fxRates.companyCurrency())
				: currency.strip().toUpperCase(Locale.ROOT);
		this.jdbc.sql("""
				insert into credit_limit.group_limit (group_code, amount, currency, set_at, set_by, reason)
				values (:group, :amount, :currency, :at, :by, :reason)
				""")
			.param("group", groupCode)
			.param("amount", amount)
			.param("currency", code)
			.param("at", LineRepository.utc(this.clock.instant()))
			.param("by", this.currentUser.username())
			.param("reason", reason.strip())
			.update();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("amount", amount == null ? null : amount.toPlainString());
		after.put("currency", code);
		this.auditTrail.record(new AuditRecord("group/" + groupCode, "group-limit", groupCode,
				before.isEmpty() ? "CREATED" : "CHANGED", before.map(Stored::state).orElse(null), after,
				reason.strip()));
		this.events.publishEvent(new GroupLimitChanged(groupCode, amount, code));
		return forGroup(groupCode);
	}

	private Set<String> visibleMembers(String groupCode) {
		return Set.copyOf(
				this.customers.searchAll(query(groupCode), MAX_MEMBERS).stream().map(CustomerDetails::code).toList());
	}

	private static CustomerQuery query(String groupCode) {
		return new CustomerQuery(null, null, null, null, null, null, null, null, groupCode, "code", false);
	}

	private Optional<Stored> latest(String groupCode) {
		return this.jdbc.sql("""
				select * from credit_limit.group_limit where group_code = :group order by id desc limit 1
				""").param("group", groupCode).query(GroupLimits::stored).optional().filter(s -> s.amount() != null);
	}

	private Map<String, BigDecimal> rates(LocalDate day) {
		Map<String, BigDecimal> rates = new LinkedHashMap<>();
		rates.put(this.fxRates.companyCurrency(), BigDecimal.ONE);
		for (FxRate rate : this.currentUser.asSystem(() -> this.fxRates.ratesOn(day))) {
			rates.put(rate.currency(), rate.rate());
		}
		return rates;
	}

	/** Converts through the company currency; without a rate the line counts nothing. */
	private static BigDecimal convert(BigDecimal amount, String from, String to, Map<String, BigDecimal> rates) {
		BigDecimal fromRate = rates.get(from);
		BigDecimal toRate = rates.get(to);
		if (fromRate == null || toRate == null) {
			return BigDecimal.ZERO.setScale(2);
		}
		return amount.multiply(fromRate).divide(toRate, 2, RoundingMode.HALF_UP);
	}

	private static Stored stored(ResultSet rs, int row) throws SQLException {
		return new Stored(rs.getBigDecimal("amount"), rs.getString("currency").strip(),
				rs.getObject("set_at", OffsetDateTime.class).toInstant(), rs.getString("set_by"),
				rs.getString("reason"));
	}

	private record Stored(@Nullable BigDecimal amount, String currency, Instant setAt, String setBy, String reason) {

		Map<String, Object> state() {
			Map<String, Object> state = new LinkedHashMap<>();
			state.put("amount", this.amount == null ? null : this.amount.toPlainString());
			state.put("currency", this.currency);
			return state;
		}

	}

}
