package org.credence.receivable;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.credence.identity.AuditRecord;
import org.credence.identity.AuditTrail;
import org.credence.identity.CurrentUser;
import org.credence.identity.Permission;
import org.credence.receivable.fx.CompanyCurrency;
import org.credence.receivable.fx.FxRateRepository;
import org.credence.shared.InvalidInputException;
import org.credence.shared.RuleViolationException;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The company currency and the daily FX rates into it. A document in another currency is
 * converted at the latest rate on or before its date, and keeps that rate; a currency
 * without such a rate is refused.
 */
@Service
public class FxRates {

	private final FxRateRepository repository;

	private final CompanyCurrency companyCurrency;

	private final CurrentUser currentUser;

	private final AuditTrail auditTrail;

	private final Clock clock;

	FxRates(FxRateRepository repository, CompanyCurrency companyCurrency, CurrentUser currentUser,
			AuditTrail auditTrail, Clock clock) {
		this.repository = repository;
		this.companyCurrency = companyCurrency;
		this.currentUser = currentUser;
		this.auditTrail = auditTrail;
		this.clock = clock;
	}

	/** The ISO 4217 code of the company currency. */
	public String companyCurrency() {
		return this.companyCurrency.code();
	}

	/**
	 * Units of company currency per unit of {@code currency} on a day: 1 for the company
	 * currency itself.
	 * @throws RuleViolationException {@code FX_RATE_MISSING} when no rate was entered on
	 * or before that day
	 */
	@Transactional(readOnly = true)
	public BigDecimal rateOn(String currency, LocalDate date) {
		return findRateOn(currency, date).orElseThrow(() -> new RuleViolationException("FX_RATE_MISSING",
				"receivable.fx.missing", currency, date.toString(), companyCurrency()));
	}

	/**
	 * As {@link #rateOn}, but empty where that refuses: for a caller that carries on
	 * without a rate (an exception thrown through this transactional method would mark
	 * the caller's transaction rollback-only).
	 */
	@Transactional(readOnly = true)
	public java.util.Optional<BigDecimal> findRateOn(String currency, LocalDate date) {
		if (currency.equals(companyCurrency())) {
			return java.util.Optional.of(BigDecimal.ONE);
		}
		return this.repository.rateOn(currency, date).map(FxRate::rate);
	}

	/** The rates in force on a day, one per currency. */
	@Transactional(readOnly = true)
	public List<FxRate> ratesOn(LocalDate date) {
		this.currentUser.require(Permission.RECEIVABLE_READ);
		return this.repository.ratesOn(date);
	}

	/**
	 * Enters (or corrects) the rate of a day; audited. Documents recorded earlier keep
	 * the rate they were recorded with.
	 * @param rate units of company currency per unit of {@code currency}, positive
	 * @throws InvalidInputException for an unknown currency, the company currency itself,
	 * or a rate that is not positive
	 */
	@Transactional
	public FxRate enter(LocalDate date, @Nullable String currency, @Nullable BigDecimal rate) {
		this.currentUser.require(Permission.RECEIVABLE_WRITE);
		String code = currencyCode(currency);
		if (code.equals(companyCurrency())) {
			throw new InvalidInputException("currency", "receivable.fx.company-currency", code);
		}
		if (rate == null || rate.signum() <= 0) {
			throw new InvalidInputException("rate", "receivable.fx.rate.positive");
		}
		if (rate.scale() > 8 || rate.precision() - rate.scale() > 11) {
			throw new InvalidInputException("rate", "receivable.fx.rate.precision");
		}
		FxRate before = this.repository.find(date, code).orElse(null);
		this.repository.save(date, code, rate, this.currentUser.username(), this.clock.instant());
		FxRate saved = this.repository.find(date, code).orElseThrow();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("date", date.toString());
		after.put("currency", code);
		after.put("rate", saved.rate().toPlainString());
		this.auditTrail
			.record(new AuditRecord(null, "fx-rate", code + "/" + date, before == null ? "CREATED" : "CHANGED",
					before == null ? null : Map.of("rate", before.rate().toPlainString()), after, null));
		return saved;
	}

	private static String currencyCode(@Nullable String currency) {
		if (currency == null || currency.isBlank()) {
			throw new InvalidInputException("currency", "receivable.currency.required");
		}
		try {
			return Currency.getInstance(currency.strip().toUpperCase(Locale.ROOT)).getCurrencyCode();
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("currency", "receivable.currency.unknown", currency);
		}
	}

}
