package org.credence.customer.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.credence.customer.BankAccount;
import org.credence.customer.BankAccounts;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/customers/{code}/bank-accounts}: the accounts a customer pays from. */
@RestController
@RequestMapping("/api/v1/customers/{code}/bank-accounts")
@Tag(name = "Customer bank accounts",
		description = "The customer's own bank accounts: a bank statement receipt from one of them is matched to "
				+ "the customer. Numbers are stored without spaces, upper case.")
class BankAccountApiController {

	private final BankAccounts bankAccounts;

	BankAccountApiController(BankAccounts bankAccounts) {
		this.bankAccounts = bankAccounts;
	}

	@GetMapping
	@Operation(summary = "A customer's bank accounts")
	List<BankAccount> accounts(@PathVariable String code) {
		return this.bankAccounts.accounts(code);
	}

	@PostMapping
	@Operation(summary = "Add a bank account (IBAN or account number) to a customer",
			description = "400 naming accountNumber when it is not 5 to 34 letters and digits; 409 when the customer "
					+ "has it already.")
	ResponseEntity<BankAccount> add(@PathVariable String code, @RequestBody BankAccountRequest request) {
		BankAccount account = this.bankAccounts.add(code, request.accountNumber(), request.bankName());
		return ResponseEntity
			.created(URI.create("/api/v1/customers/" + code + "/bank-accounts/" + account.accountNumber()))
			.body(account);
	}

	@DeleteMapping("/{accountNumber}")
	@Operation(summary = "Remove a bank account from a customer")
	ResponseEntity<Void> remove(@PathVariable String code, @PathVariable String accountNumber) {
		this.bankAccounts.remove(code, accountNumber);
		return ResponseEntity.noContent().build();
	}

	/** An account to add. */
	record BankAccountRequest(@Nullable String accountNumber, @Nullable String bankName) {
	}

}
