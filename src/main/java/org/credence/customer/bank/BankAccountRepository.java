package org.credence.customer.bank;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.credence.customer.BankAccount;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code customer.bank_account}, and the customers' names for recognising payers. */
@Repository
public class BankAccountRepository {

	private final JdbcClient jdbc;

	BankAccountRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<BankAccount> accounts(long customerId, String customerCode) {
		return this.jdbc.sql("select * from customer.bank_account where customer_id = ? order by id")
			.param(customerId)
			.query((rs, n) -> new BankAccount(rs.getLong("id"), customerCode, rs.getString("account_number"),
					rs.getString("bank_name"), rs.getString("added_by"),
					rs.getObject("added_at", OffsetDateTime.class).toInstant()))
			.list();
	}

	public Optional<BankAccount> account(long id, String customerCode) {
		return this.jdbc.sql("select * from customer.bank_account where id = ?")
			.param(id)
			.query((rs, n) -> new BankAccount(rs.getLong("id"), customerCode, rs.getString("account_number"),
					rs.getString("bank_name"), rs.getString("added_by"),
					rs.getObject("added_at", OffsetDateTime.class).toInstant()))
			.optional();
	}

	public long insert(long customerId, String number, @Nullable String bankName, String addedBy, Instant at) {
		return this.jdbc.sql("""
				insert into customer.bank_account (customer_id, account_number, bank_name, added_by, added_at)
				values (?, ?, ?, ?, ?) returning id
				""")
			.params(customerId, number, bankName, addedBy, at.atOffset(ZoneOffset.UTC))
			.query(Long.class)
			.single();
	}

	public void delete(long id) {
		this.jdbc.sql("delete from customer.bank_account where id = ?").param(id).update();
	}

	/** Codes of the customers holding an account number (normalised). */
	public List<String> holders(String number) {
		return this.jdbc.sql("""
				select distinct c.code from customer.bank_account b join customer.customer c on c.id = b.customer_id
				where b.account_number = ? order by c.code
				""").param(number).query(String.class).list();
	}

	/** Codes of the customers whose name or short name, normalised, is {@code name}. */
	public List<String> named(String name) {
		return this.jdbc.sql("""
				select code from customer.customer
				where lower(regexp_replace(btrim(name), '\\s+', ' ', 'g')) = ?
				   or lower(regexp_replace(btrim(short_name), '\\s+', ' ', 'g')) = ?
				order by code
				""").params(name, name).query(String.class).list();
	}

}
