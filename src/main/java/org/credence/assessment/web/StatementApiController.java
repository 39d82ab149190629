package org.credence.assessment.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.credence.assessment.statement.AmountUnit;
import org.credence.assessment.statement.FinancialStatement;
import org.credence.assessment.statement.FinancialStatements;
import org.credence.assessment.statement.PeriodType;
import org.credence.assessment.statement.StatementDraft;
import org.credence.assessment.statement.StatementLines;
import org.credence.shared.InvalidInputException;
import org.credence.shared.InvalidInputException.FieldProblem;
import org.credence.shared.PageResult;
import org.credence.shared.Paging;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A customer's financial statements over the API. */
@RestController
@RequestMapping("/api/v1/customers/{code}/financial-statements")
@Tag(name = "Financial statements", description = "Financial statements (财务报表) of a customer and their ratios")
class StatementApiController {

	private final FinancialStatements statements;

	StatementApiController(FinancialStatements statements) {
		this.statements = statements;
	}

	@GetMapping
	@Operation(summary = "List a customer's statements, newest period first, each with its ratios")
	PageResult<StatementJson> list(@PathVariable String code, @RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		Paging paging = Paging.of(page, size);
		List<FinancialStatement> all = this.statements.all(code);
		List<StatementJson> items = all.stream()
			.skip(paging.offset())
			.limit(paging.size())
			.map(StatementJson::of)
			.toList();
		return new PageResult<>(items, paging.page(), paging.size(), all.size());
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record a statement and derive its ratios", description = """
			periodType is ANNUAL or QUARTERLY; currency an ISO 4217 code (default CNY); unit the unit the lines are \
			given in: YUAN (default), THOUSAND (千元) or TEN_THOUSAND (万元), stored in 元. totalAssets, \
			totalLiabilities and equity are required. A statement for the same period end and type replaces the one \
			on file. When total assets differ from liabilities plus equity by more than 0.5% of total assets the \
			answer is 400 on lines.equity, unless balanceOverrideReason explains why it is recorded all the same. \
			Needs customer:write.""")
	StatementJson record(@PathVariable String code, @RequestBody StatementRequest request) {
		List<FieldProblem> problems = new ArrayList<>();
		PeriodType periodType = choice(PeriodType.class, "periodType", "assessment.statement.period-type.invalid",
				request.periodType(), problems);
		AmountUnit unit = choice(AmountUnit.class, "unit", "assessment.statement.unit.invalid", request.unit(),
				problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		StatementLines lines = request.lines() == null ? StatementLines.of(Map.of()) : request.lines();
		StatementDraft draft = new StatementDraft(request.periodEnd(), periodType, request.currency(), unit,
				request.audited(), lines, request.balanceOverrideReason());
		return StatementJson.of(this.statements.record(code, draft));
	}

	static <E extends Enum<E>> @Nullable E choice(Class<E> type, String field, String messageCode,
			@Nullable String value, List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			problems.add(new FieldProblem(field, messageCode));
			return null;
		}
	}

	/** A statement to record; lines in {@code unit}. */
	record StatementRequest(@Nullable LocalDate periodEnd, @Nullable String periodType, @Nullable String currency,
			@Nullable String unit, @Nullable Boolean audited, @Nullable String balanceOverrideReason,
			@Nullable StatementLines lines) {
	}

}
