package org.credence.assessment.statement;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.credence.assessment.statement.StatementRepository.StoredStatement;
import org.credence.customer.CustomerDetails;
import org.credence.customer.Customers;
import org.credence.identity.AuditRecord;
import org.credence.identity.AuditTrail;
import org.credence.identity.CurrentUser;
import org.credence.identity.Permission;
import org.credence.shared.InvalidInputException;
import org.credence.shared.InvalidInputException.FieldProblem;
import org.credence.shared.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The financial statements of customers and the ratios derived from them. Reading needs
 * the right to read the customer (data scope applies: to a sales user another owner's
 * customer does not exist); recording needs {@link Permission#CUSTOMER_WRITE}. A
 * statement for a period that is on file already replaces it: analysts correct
 * statements, and the audit trail keeps the figures before and after.
 */
@Service
public class FinancialStatements {

	private final StatementRepository repository;

	private final Customers customers;

	private final CurrentUser currentUser;

	private final AuditTrail auditTrail;

	private final Clock clock;

	FinancialStatements(StatementRepository repository, Customers customers, CurrentUser currentUser,
			AuditTrail auditTrail, Clock clock) {
		this.repository = repository;
		this.customers = customers;
		this.currentUser = currentUser;
		this.auditTrail = auditTrail;
		this.clock = clock;
	}

	/**
	 * Records a customer's statement for a period, or replaces the one on file for the
	 * same period end and type. Lines are converted from the draft's unit to 元 (to the
	 * fen). A balance sheet outside the tolerance ({@link StatementRules}) is recorded
	 * only with a {@code balanceOverrideReason}, which is kept and audited; with a
	 * balanced sheet the reason is dropped.
	 * @return the statement as recorded, with its ratios
	 * @throws InvalidInputException naming the fields at fault ({@code periodEnd},
	 * {@code lines.equity} …); an unbalanced sheet is a problem of {@code lines.equity}
	 * with the code {@link StatementRules#UNBALANCED}
	 * @throws NotFoundException when the customer is not in the caller's scope
	 */
	@Transactional
	public FinancialStatement record(String customerCode, StatementDraft draft) {
		this.currentUser.require(Permission.CUSTOMER_WRITE);
		CustomerDetails customer = this.customers.get(customerCode);
		StatementDraft statement = StatementRules.normalise(draft);
		List<FieldProblem> problems = StatementRules.problems(statement, today());
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		LocalDate periodEnd = statement.periodEnd();
		PeriodType periodType = statement.periodType();
		AmountUnit unit = statement.unit();
		StatementLines lines = statement.lines().map(unit::toYuan);
		StatementRules.Imbalance imbalance = StatementRules.imbalance(lines);
		String reason = imbalance == null || imbalance.isWithinTolerance() ? null : statement.balanceOverrideReason();
		Optional<StoredStatement> before = this.repository.find(customer.code(), periodEnd, periodType);
		long id = this.repository.save(customer.code(), periodEnd, periodType, statement.currency(), unit,
				Boolean.TRUE.equals(statement.audited()), lines, reason, this.currentUser.username(),
				this.clock.instant());
		StoredStatement after = this.repository.find(customer.code(), periodEnd, periodType).orElseThrow();
		String entityId = periodEnd + "/" + periodType;
		AuditRecord audit = before.isPresent()
				? AuditRecord.changed(customer.auditSubject(), "financial-statement", entityId, state(before.get()),
						state(after))
				: AuditRecord.created(customer.auditSubject(), "financial-statement", entityId, state(after));
		this.auditTrail.record(audit.because(reason));
		return withRatios(after, this.repository.findAll(customer.code())).stream()
			.filter(s -> s.id() == id)
			.findFirst()
			.orElseThrow();
	}

	/**
	 * What {@link #record} would refuse in a draft, field by field, without writing it or
	 * looking at the caller's rights to write: for checking a whole import file first. An
	 * unknown customer (or one outside the caller's scope) is a problem of
	 * {@code customerCode}.
	 */
	@Transactional(readOnly = true)
	public List<FieldProblem> problems(String customerCode, StatementDraft draft) {
		List<FieldProblem> problems = new ArrayList<>();
		if (customerCode.isBlank()) {
			problems.add(new FieldProblem("customerCode", "assessment.statement.customer.required"));
		}
		else if (this.customers.find(customerCode).isEmpty()) {
			problems.add(new FieldProblem("customerCode", "assessment.statement.customer.unknown", customerCode));
		}
		problems.addAll(StatementRules.problems(StatementRules.normalise(draft), today()));
		return problems;
	}

	/**
	 * The customer's most recent statement: the latest period end, the annual one when a
	 * year and its last quarter end on the same day.
	 * @throws NotFoundException when the customer is not in the caller's scope
	 */
	@Transactional(readOnly = true)
	public Optional<FinancialStatement> latest(String customerCode) {
		return all(customerCode).stream().findFirst();
	}

	/**
	 * {@link #latest(String)} of many customers, with one read for all of them: by
	 * customer code; customers without a statement, unknown, or outside the caller's
	 * scope are left out.
	 */
	@Transactional(readOnly = true)
	public Map<String, FinancialStatement> latest(java.util.Collection<String> customerCodes) {
		java.util.Set<String> known = this.customers.known(customerCodes);
		if (known.isEmpty()) {
			return Map.of();
		}
		Map<String, FinancialStatement> latest = new java.util.HashMap<>();
		this.repository.findAll(known)
			.forEach((code, all) -> withRatios(null, all).stream()
				.findFirst()
				.ifPresent(statement -> latest.put(code, statement)));
		return latest;
	}

	/**
	 * Every statement of the customer, newest period first (annual before quarterly on
	 * the same day), each with its available ratios.
	 * @throws NotFoundException when the customer is not in the caller's scope
	 */
	@Transactional(readOnly = true)
	public List<FinancialStatement> all(String customerCode) {
		CustomerDetails customer = this.customers.get(customerCode);
		return withRatios(null, this.repository.findAll(customer.code()));
	}

	/**
	 * The statements with their ratios; revenue growth compares each with the statement
	 * of the same type for the same month a year earlier.
	 */
	private static List<FinancialStatement> withRatios(@Nullable StoredStatement only, List<StoredStatement> all) {
		Map<String, StoredStatement> byPeriod = new LinkedHashMap<>();
		for (StoredStatement statement : all) {
			byPeriod.putIfAbsent(periodKey(statement.periodType(), YearMonth.from(statement.periodEnd())), statement);
		}
		List<FinancialStatement> statements = new ArrayList<>();
		for (StoredStatement statement : all) {
			if (only != null && only.id() != statement.id()) {
				continue;
			}
			StoredStatement yearEarlier = byPeriod
				.get(periodKey(statement.periodType(), YearMonth.from(statement.periodEnd()).minusYears(1)));
			Map<Ratio, BigDecimal> ratios = RatioCalculator.ratios(statement.lines(), statement.periodType(),
					yearEarlier == null ? null : yearEarlier.lines());
			statements.add(new FinancialStatement(statement.id(), statement.customerCode(), statement.periodEnd(),
					statement.periodType(), statement.currency(), statement.unit(), statement.audited(),
					statement.lines(), ratios, statement.balanceOverrideReason(), statement.createdBy(),
					statement.createdAt()));
		}
		return statements;
	}

	private static String periodKey(PeriodType type, YearMonth month) {
		return type + "/" + month;
	}

	/** The audited state of a statement: every field as stored, lines in 元. */
	private static Map<String, Object> state(StoredStatement statement) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("periodEnd", statement.periodEnd().toString());
		state.put("periodType", statement.periodType().name());
		state.put("currency", statement.currency());
		state.put("unit", statement.unit().name());
		state.put("audited", statement.audited());
		Map<String, String> lines = new LinkedHashMap<>();
		statement.lines().given().forEach((line, value) -> lines.put(line.field(), value.toPlainString()));
		state.put("lines", lines);
		state.put("balanceOverrideReason", statement.balanceOverrideReason());
		return state;
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

}
