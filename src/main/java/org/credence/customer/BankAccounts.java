package org.credence.customer;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.credence.customer.bank.BankAccountRepository;
import org.credence.identity.AuditRecord;
import org.credence.identity.AuditTrail;
import org.credence.identity.CurrentUser;
import org.credence.identity.Permission;
import org.credence.shared.ConflictException;
import org.credence.shared.InvalidInputException;
import org.credence.shared.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bank accounts in a customer's credit file, and who a payer is: the customers that
 * hold an account, or that bear a name. Account numbers are compared without spaces and
 * in upper case (an IBAN printed in groups of four is the same account). Reading applies
 * the caller's data scope; adding and removing need
 * {@link Permission#BANK_ACCOUNT_MANAGE} and are audited on the credit file.
 */
@Service
public class BankAccounts {

	private static final Pattern ACCOUNT = Pattern.compile("[A-Z0-9]{5,34}");

	private final BankAccountRepository repository;

	private final Customers customers;

	private final CurrentUser currentUser;

	private final AuditTrail auditTrail;

	private final Clock clock;

	BankAccounts(BankAccountRepository repository, Customers customers, CurrentUser currentUser, AuditTrail auditTrail,
			Clock clock) {
		this.repository = repository;
		this.customers = customers;
		this.currentUser = currentUser;
		this.auditTrail = auditTrail;
		this.clock = clock;
	}

	/**
	 * An account number as it is stored and compared: without spaces (and the dashes and
	 * dots some banks print), upper case; {@code null} when blank.
	 */
	public static @Nullable String normalise(@Nullable String accountNumber) {
		if (accountNumber == null) {
			return null;
		}
		String normal = accountNumber.replaceAll("[\\s.\\-]", "").toUpperCase(Locale.ROOT);
		return normal.isEmpty() ? null : normal;
	}

	/**
	 * A customer's accounts, in the order they were added.
	 * @throws NotFoundException when the customer is not in the caller's scope
	 */
	@Transactional(readOnly = true)
	public List<BankAccount> accounts(String customerCode) {
		CustomerDetails customer = this.customers.get(customerCode);
		return this.repository.accounts(customer.id(), customer.code());
	}

	/**
	 * Adds an account to a customer's credit file; audited.
	 * @throws InvalidInputException ({@code accountNumber}) when missing or not 5 to 34
	 * letters and digits, ({@code bankName}) when longer than 200 characters
	 * @throws ConflictException when the customer has it already
	 */
	@Transactional
	public BankAccount add(String customerCode, @Nullable String accountNumber, @Nullable String bankName) {
		this.currentUser.require(Permission.BANK_ACCOUNT_MANAGE);
		String number = normalise(accountNumber);
		if (number == null) {
			throw new InvalidInputException("accountNumber", "customer.bank-account.number.required");
		}
		if (!ACCOUNT.matcher(number).matches()) {
			throw new InvalidInputException("accountNumber", "customer.bank-account.number.invalid");
		}
		String bank = bankName == null || bankName.isBlank() ? null : bankName.strip();
		if (bank != null && bank.length() > 200) {
			throw new InvalidInputException("bankName", "customer.activity.too-long", 200);
		}
		CustomerDetails customer = this.customers.get(customerCode);
		long id;
		try {
			id = this.repository.insert(customer.id(), number, bank, this.currentUser.username(), this.clock.instant());
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("customer.bank-account.exists", number);
		}
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("accountNumber", number);
		after.put("bankName", bank);
		this.auditTrail.record(AuditRecord.created(customer.auditSubject(), "bank-account", number, after));
		return this.repository.account(id, customer.code()).orElseThrow();
	}

	/**
	 * Removes an account from a customer's credit file; audited.
	 * @throws NotFoundException when the customer does not have it
	 */
	@Transactional
	public void remove(String customerCode, String accountNumber) {
		this.currentUser.require(Permission.BANK_ACCOUNT_MANAGE);
		CustomerDetails customer = this.customers.get(customerCode);
		String number = normalise(accountNumber);
		BankAccount account = this.repository.accounts(customer.id(), customer.code())
			.stream()
			.filter(a -> a.accountNumber().equals(number))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("customer.bank-account.not-found", accountNumber));
		this.repository.delete(account.id());
		Map<String, Object> before = new LinkedHashMap<>();
		before.put("accountNumber", account.accountNumber());
		before.put("bankName", account.bankName());
		this.auditTrail.record(AuditRecord.deleted(customer.auditSubject(), "bank-account", number, before));
	}

	/**
	 * The codes of the customers within the caller's scope that hold an account, compared
	 * normalised; empty for a blank number.
	 */
	@Transactional(readOnly = true)
	public List<String> holdersOf(@Nullable String accountNumber) {
		String number = normalise(accountNumber);
		if (number == null) {
			return List.of();
		}
		return this.repository.holders(number).stream().filter(code -> this.customers.find(code).isPresent()).toList();
	}

	/**
	 * The codes of the customers within the caller's scope whose name (or short name) is
	 * exactly this one, ignoring case, surrounding spaces and repeated spaces.
	 */
	@Transactional(readOnly = true)
	public List<String> customersNamed(@Nullable String name) {
		if (name == null || name.isBlank()) {
			return List.of();
		}
		String normal = name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
		return this.repository.named(normal).stream().filter(code -> this.customers.find(code).isPresent()).toList();
	}

}
