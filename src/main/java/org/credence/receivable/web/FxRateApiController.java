package org.credence.receivable.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.credence.receivable.FxRates;
import org.credence.receivable.web.LedgerJson.FxRateJson;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Daily FX rates into the company currency: {@code rate} is units of company currency per
 * unit of the other currency.
 */
@RestController
@RequestMapping("/api/v1/fx-rates")
@Tag(name = "Receivables")
class FxRateApiController {

	private final FxRates fxRates;

	private final Clock clock;

	FxRateApiController(FxRates fxRates, Clock clock) {
		this.fxRates = fxRates;
		this.clock = clock;
	}

	@PutMapping("/{date}/{currency}")
	@Operation(summary = "Enter or correct the rate of a day; documents keep the rate they were recorded with")
	FxRateJson enter(@PathVariable LocalDate date, @PathVariable String currency, @RequestBody RateRequest request) {
		return FxRateJson.of(this.fxRates.enter(date, currency, request.rate()), this.fxRates.companyCurrency());
	}

	@GetMapping
	@Operation(summary = "The rate in force on a day (default today) for each currency")
	List<FxRateJson> rates(@RequestParam(required = false) @Nullable LocalDate date) {
		String company = this.fxRates.companyCurrency();
		return this.fxRates.ratesOn(date == null ? LocalDate.now(this.clock) : date)
			.stream()
			.map(rate -> FxRateJson.of(rate, company))
			.toList();
	}

	record RateRequest(@Nullable BigDecimal rate) {
	}

}
