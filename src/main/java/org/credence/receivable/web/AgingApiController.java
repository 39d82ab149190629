package org.credence.receivable.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.credence.customer.CustomerQuery;
import org.credence.customer.Industry;
import org.credence.receivable.Aging;
import org.credence.receivable.AgingBasis;
import org.credence.receivable.AgingOrder;
import org.credence.receivable.PortfolioAging;
import org.credence.receivable.Receivables;
import org.credence.receivable.web.LedgerJson.AgingJson;
import org.credence.receivable.web.LedgerJson.BehaviourJson;
import org.credence.receivable.web.LedgerJson.CustomerAgingJson;
import org.credence.receivable.web.LedgerJson.OpenItemJson;
import org.credence.receivable.web.LedgerJson.PortfolioAgingJson;
import org.credence.receivable.web.LedgerJson.SummaryJson;
import org.credence.shared.InvalidInputException;
import org.credence.shared.Paging;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Aging as of any day ({@code asOf}, default today) by due date ({@code basis=due}, the
 * default) or invoice date ({@code basis=invoice}), in company currency; payment
 * behaviour and the receivable summary of a customer.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Receivables")
class AgingApiController {

	private final Aging aging;

	private final Receivables receivables;

	private final Clock clock;

	AgingApiController(Aging aging, Receivables receivables, Clock clock) {
		this.aging = aging;
		this.receivables = receivables;
		this.clock = clock;
	}

	@GetMapping("/customers/{code}/aging")
	@Operation(summary = "A customer's aging as of a day, in company currency")
	AgingJson customer(@PathVariable String code, @RequestParam(required = false) @Nullable LocalDate asOf,
			@RequestParam(required = false) @Nullable String basis) {
		return AgingJson.of(this.aging.customer(code, day(asOf), basis(basis)));
	}

	@GetMapping("/customers/{code}/open-items")
	@Operation(summary = "The invoices a customer had open on a day, oldest due first")
	List<OpenItemJson> openItems(@PathVariable String code, @RequestParam(required = false) @Nullable LocalDate asOf) {
		return this.aging.openItems(code, day(asOf)).stream().map(OpenItemJson::of).toList();
	}

	@GetMapping("/customers/{code}/payment-behaviour")
	@Operation(summary = "Average days late, maximum days overdue, share paid late, unapplied cash, DSO (countback)")
	BehaviourJson behaviour(@PathVariable String code, @RequestParam(required = false) @Nullable LocalDate asOf) {
		return BehaviourJson.of(this.receivables.behaviour(code, day(asOf)));
	}

	@GetMapping("/customers/{code}/receivables/dso-trend")
	@Operation(summary = "DSO (countback) at the end of each of the last eleven months and on the as-of day")
	DsoTrendJson dsoTrend(@PathVariable String code, @RequestParam(required = false) @Nullable LocalDate asOf) {
		LocalDate day = day(asOf);
		return new DsoTrendJson(code, day,
				this.aging.dsoTrend(code, day).stream().map(p -> new DsoPointJson(p.asOf(), p.dso())).toList());
	}

	/** A customer's DSO month by month, oldest first. */
	record DsoTrendJson(String customerCode, LocalDate asOf, List<DsoPointJson> points) {
	}

	/** DSO in days (absent before the first invoice) as of a day. */
	record DsoPointJson(LocalDate asOf, @JsonFormat(shape = JsonFormat.Shape.STRING) @Nullable BigDecimal dso) {
	}

	@GetMapping("/customers/{code}/receivable-summary")
	@Operation(summary = "Open, overdue, disputed receivables, unapplied cash and open orders, in company currency")
	SummaryJson summary(@PathVariable String code, @RequestParam(required = false) @Nullable LocalDate asOf) {
		return SummaryJson.of(this.receivables.summary(code, day(asOf)));
	}

	@GetMapping("/groups/{groupCode}/aging")
	@Operation(summary = "The aging of a group's customers as of a day")
	PortfolioAgingJson group(@PathVariable String groupCode, @RequestParam(required = false) @Nullable LocalDate asOf,
			@RequestParam(required = false) @Nullable String basis) {
		return json(this.aging.group(groupCode, day(asOf), basis(basis)));
	}

	@GetMapping("/aging")
	@Operation(summary = "The portfolio's aging as of a day: the total of every customer and one page of customers "
			+ "(largest total first, or sorted by code, name, owner, overdue or a bucket b0, b1 …), "
			+ "filtered by owner and industry")
	PortfolioAgingJson portfolio(@RequestParam(required = false) @Nullable LocalDate asOf,
			@RequestParam(required = false) @Nullable String basis,
			@RequestParam(required = false) @Nullable String owner,
			@RequestParam(required = false) @Nullable Industry industry,
			@RequestParam(required = false) @Nullable String sort,
			@RequestParam(required = false) @Nullable Boolean desc,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		CustomerQuery filter = new CustomerQuery(null, null, industry, null, owner, null, null, null, null, null,
				false);
		AgingOrder order = AgingOrder.DEFAULT;
		AgingBasis agingBasis = basis(basis);
		if (sort != null && !sort.isBlank()) {
			order = AgingOrder
				.parse(sort, desc == null ? !List.of("code", "name", "owner").contains(sort.strip()) : desc)
				.filter(o -> o.column() != AgingOrder.Column.BUCKET
						|| o.bucket() < this.aging.buckets(agingBasis).size())
				.orElseThrow(() -> new InvalidInputException("sort", "receivable.aging.sort.unknown", sort));
		}
		else if (desc != null) {
			order = new AgingOrder(AgingOrder.Column.TOTAL, 0, desc);
		}
		return json(this.aging.portfolio(filter, day(asOf), agingBasis, order, Paging.of(page, size)));
	}

	private static PortfolioAgingJson json(PortfolioAging aging) {
		return new PortfolioAgingJson(AgingJson.of(aging.total()),
				aging.customers().stream().map(CustomerAgingJson::of).toList(), aging.page(), aging.size(),
				aging.customerCount());
	}

	private LocalDate day(@Nullable LocalDate asOf) {
		return asOf == null ? LocalDate.now(this.clock) : asOf;
	}

	static AgingBasis basis(@Nullable String basis) {
		if (basis == null || basis.isBlank()) {
			return AgingBasis.DUE;
		}
		try {
			return AgingBasis.valueOf(basis.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("basis", "receivable.aging.basis.unknown", basis);
		}
	}

}
