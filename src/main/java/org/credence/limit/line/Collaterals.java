package org.credence.limit.line;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.credence.customer.CustomerDetails;
import org.credence.customer.Customers;
import org.credence.identity.AuditRecord;
import org.credence.identity.AuditTrail;
import org.credence.identity.CurrentUser;
import org.credence.identity.Permission;
import org.credence.receivable.FxRate;
import org.credence.receivable.FxRates;
import org.credence.shared.InvalidInputException;
import org.credence.shared.InvalidInputException.FieldProblem;
import org.credence.shared.NotFoundException;
import org.credence.shared.RuleViolationException;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Collateral and guarantees behind a customer's credit line: recorded and released by
 * those with {@code limit:collateral}, audited. What they secure on a day is their value
 * less the haircut, counted only while in force, converted into the line's currency at
 * the FX rates of that day.
 */
@Service
public class Collaterals {

	private final CollateralRepository repository;

	private final Customers customers;

	private final FxRates fxRates;

	private final CurrentUser currentUser;

	private final AuditTrail auditTrail;

	private final Clock clock;

	Collaterals(CollateralRepository repository, Customers customers, FxRates fxRates, CurrentUser currentUser,
			AuditTrail auditTrail, Clock clock) {
		this.repository = repository;
		this.customers = customers;
		this.fxRates = fxRates;
		this.currentUser = currentUser;
		this.auditTrail = auditTrail;
		this.clock = clock;
	}

	/** Every collateral of the customer, those in force first, released ones last. */
	@Transactional(readOnly = true)
	public List<Collateral> list(String customerCode) {
		this.currentUser.require(Permission.LIMIT_READ);
		this.customers.get(customerCode);
		return this.repository.forCustomer(customerCode);
	}

	/**
	 * Records a collateral or guarantee, in force from today; audited.
	 * @throws InvalidInputException naming each field that is wrong
	 */
	@Transactional
	public Collateral add(String customerCode, CollateralDraft draft) {
		this.currentUser.require(Permission.COLLATERAL_MANAGE);
		this.customers.get(customerCode);
		LocalDate today = LocalDate.now(this.clock);
		List<FieldProblem> problems = problems(draft, today);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		CollateralType type = CollateralType.valueOf(draft.type().strip().toUpperCase(Locale.ROOT));
		String currency = currency(draft.currency());
		long id = this.repository.insert(customerCode, type, draft, currency, today, this.clock.instant(),
				this.currentUser.username());
		Collateral added = this.repository.find(id).orElseThrow();
		this.auditTrail.record(AuditRecord.created(CustomerDetails.auditSubject(customerCode), "collateral",
				String.valueOf(id), state(added)));
		return added;
	}

	/**
	 * Releases a collateral at once, with a reason; audited. It secures nothing from
	 * today on.
	 * @throws NotFoundException when the customer has no such collateral
	 * @throws RuleViolationException {@code COLLATERAL_RELEASED} when already released
	 */
	@Transactional
	public Collateral release(String customerCode, long id, @Nullable String reason) {
		this.currentUser.require(Permission.COLLATERAL_MANAGE);
		this.customers.get(customerCode);
		Collateral before = this.repository.find(id)
			.filter(c -> c.customerCode().equals(customerCode))
			.orElseThrow(() -> new NotFoundException("limit.collateral.not-found", id));
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("reason", "limit.line.reason.required");
		}
		if (reason.strip().length() > 1000) {
			throw new InvalidInputException("reason", "limit.line.reason.too-long");
		}
		if (!this.repository.release(id, LocalDate.now(this.clock), this.clock.instant(), this.currentUser.username(),
				reason.strip())) {
			throw new RuleViolationException("COLLATERAL_RELEASED", "limit.collateral.already-released", id);
		}
		Collateral after = this.repository.find(id).orElseThrow();
		this.auditTrail.record(new AuditRecord(CustomerDetails.auditSubject(customerCode), "collateral",
				String.valueOf(id), "RELEASED", state(before), state(after), reason.strip()));
		return after;
	}

	/**
	 * What the customer's collateral in force on the day secures, after haircuts, in the
	 * given currency. Collateral in another currency converts through the company
	 * currency at the rates of that day; without a rate it counts nothing. Does not look
	 * at the caller's rights.
	 */
	public BigDecimal securedOn(String customerCode, LocalDate day, String currency) {
		List<Collateral> inForce = this.repository.forCustomer(customerCode)
			.stream()
			.filter(c -> c.isInForceOn(day))
			.toList();
		BigDecimal total = BigDecimal.ZERO.setScale(2);
		Map<String, BigDecimal> rates = null;
		for (Collateral collateral : inForce) {
			if (collateral.currency().equals(currency)) {
				total = total.add(collateral.securedValue());
				continue;
			}
			if (rates == null) {
				rates = rates(day);
			}
			Optional<BigDecimal> converted = convert(collateral.securedValue(), collateral.currency(), currency, rates);
			if (converted.isPresent()) {
				total = total.add(converted.get());
			}
		}
		return total;
	}

	private Map<String, BigDecimal> rates(LocalDate day) {
		Map<String, BigDecimal> rates = new LinkedHashMap<>();
		rates.put(this.fxRates.companyCurrency(), BigDecimal.ONE);
		for (FxRate rate : this.currentUser.asSystem(() -> this.fxRates.ratesOn(day))) {
			rates.put(rate.currency(), rate.rate());
		}
		return rates;
	}

	private static Optional<BigDecimal> convert(BigDecimal amount, String from, String to,
			Map<String, BigDecimal> rates) {
		BigDecimal fromRate = rates.get(from);
		BigDecimal toRate = rates.get(to);
		if (fromRate == null || toRate == null) {
			return Optional.empty();
		}
		return Optional.of(amount.multiply(fromRate).divide(toRate, 2, RoundingMode.HALF_UP));
	}

	private List<FieldProblem> problems(CollateralDraft draft, LocalDate today) {
		List<FieldProblem> problems = new ArrayList<>();
		if (draft.type() == null || draft.type().isBlank()) {
			problems.add(new FieldProblem("type", "limit.collateral.type.required"));
		}
		else {
			try {
				CollateralType.valueOf(draft.type().strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				problems.add(new FieldProblem("type", "limit.collateral.type.unknown", draft.type()));
			}
		}
		if (draft.value() == null || draft.value().signum() <= 0) {
			problems.add(new FieldProblem("value", "limit.line.amount.positive"));
		}
		else if (draft.value().scale() > 2 || draft.value().precision() - draft.value().scale() > 17) {
			problems.add(new FieldProblem("value", "limit.line.amount.precision"));
		}
		if (draft.currency() != null && !draft.currency().isBlank()
				&& !draft.currency().strip().matches("[A-Za-z]{3}")) {
			problems.add(new FieldProblem("currency", "limit.line.currency.invalid"));
		}
		if (draft.haircutPercent() == null || draft.haircutPercent().signum() < 0
				|| draft.haircutPercent().compareTo(BigDecimal.valueOf(100)) > 0
				|| draft.haircutPercent().scale() > 2) {
			problems.add(new FieldProblem("haircutPercent", "limit.collateral.haircut.range"));
		}
		if (draft.validTo() != null && draft.validTo().isBefore(today)) {
			problems.add(new FieldProblem("validTo", "limit.collateral.valid-to.past"));
		}
		if (draft.provider() == null || draft.provider().isBlank()) {
			problems.add(new FieldProblem("provider", "limit.collateral.provider.required"));
		}
		else if (draft.provider().strip().length() > 200) {
			problems.add(new FieldProblem("provider", "limit.collateral.provider.too-long"));
		}
		if (draft.reference() != null && draft.reference().strip().length() > 100) {
			problems.add(new FieldProblem("reference", "limit.collateral.reference.too-long"));
		}
		if (draft.note() != null && draft.note().strip().length() > 1000) {
			problems.add(new FieldProblem("note", "limit.collateral.note.too-long"));
		}
		return problems;
	}

	private String currency(@Nullable String currency) {
		return currency == null || currency.isBlank() ? this.fxRates.companyCurrency()
				: currency.strip().toUpperCase(Locale.ROOT);
	}

	private static Map<String, Object> state(Collateral c) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("type", c.type().name());
		state.put("value", c.value().toPlainString());
		state.put("currency", c.currency());
		state.put("haircutPercent", c.haircutPercent().toPlainString());
		state.put("validFrom", c.validFrom().toString());
		state.put("validTo", c.validTo() == null ? null : c.validTo().toString());
		state.put("provider", c.provider());
		state.put("reference", c.reference());
		state.put("note", c.note());
		state.put("releasedOn", c.releasedOn() == null ? null : c.releasedOn().toString());
		return state;
	}

}
