package org.credence.customer.contact;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Contacts in {@code customer.contact}, with their personal data exactly as stored
 * (ciphertext).
 */
@Repository
class ContactRepository {

	private final JdbcClient jdbc;

	ContactRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<StoredContact> findAll(long customerId, int limit, long offset) {
		return this.jdbc.sql("""
				select * from customer.contact where customer_id = :customer
				 order by is_primary desc, id limit :limit offset :offset""")
			.param("customer", customerId)
			.param("limit", limit)
			.param("offset", offset)
			.query(ContactRepository::stored)
			.list();
	}

	long count(long customerId) {
		return this.jdbc.sql("select count(*) from customer.contact where customer_id = :customer")
			.param("customer", customerId)
			.query(Long.class)
			.single();
	}

	Optional<StoredContact> find(long customerId, long id) {
		return this.jdbc.sql("select * from customer.contact where customer_id = :customer and id = :id")
			.param("customer", customerId)
			.param("id", id)
			.query(ContactRepository::stored)
			.optional();
	}

	long insert(long customerId, StoredContact contact, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into customer.contact (customer_id, name, title, phone, email, is_primary, consent_given_on,
				       consent_purpose, consent_withdrawn_on, created_at, updated_at)
				values (:customer, :name, :title, :phone, :email, :primary, :consentGivenOn, :consentPurpose,
				       :consentWithdrawnOn, :now, :now)""")
			.param("customer", customerId)
			.param("name", contact.name())
			.param("title", contact.title())
			.param("phone", contact.phone())
			.param("email", contact.email())
			.param("primary", contact.primary())
			.param("consentGivenOn", contact.consentGivenOn())
			.param("consentPurpose", contact.consentPurpose())
			.param("consentWithdrawnOn", contact.consentWithdrawnOn())
			.param("now", utc(now))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	/**
	 * Updates a contact still as it was at {@code seen}; false when it changed meanwhile.
	 */
	boolean update(long customerId, long id, StoredContact contact, Instant seen, Instant now) {
		return this.jdbc.sql("""
				update customer.contact set name = :name, title = :title, phone = :phone, email = :email,
				       is_primary = :primary, consent_given_on = :consentGivenOn, consent_purpose = :consentPurpose,
				       consent_withdrawn_on = :consentWithdrawnOn, updated_at = :now
				 where customer_id = :customer and id = :id and updated_at = :seen""")
			.param("customer", customerId)
			.param("id", id)
			.param("seen", utc(seen))
			.param("name", contact.name())
			.param("title", contact.title())
			.param("phone", contact.phone())
			.param("email", contact.email())
			.param("primary", contact.primary())
			.param("consentGivenOn", contact.consentGivenOn())
			.param("consentPurpose", contact.consentPurpose())
			.param("consentWithdrawnOn", contact.consentWithdrawnOn())
			.param("now", utc(now))
			.update() == 1;
	}

	/** Makes every other contact of the customer not primary. */
	void clearPrimary(long customerId, long exceptId) {
		this.jdbc.sql("update customer.contact set is_primary = false where customer_id = :customer and id <> :id")
			.param("customer", customerId)
			.param("id", exceptId)
			.update();
	}

	void delete(long customerId, long id) {
		this.jdbc.sql("delete from customer.contact where customer_id = :customer and id = :id")
			.param("customer", customerId)
			.param("id", id)
			.update();
	}

	private static StoredContact stored(ResultSet rs, int row) throws SQLException {
		return new StoredContact(rs.getLong("id"), rs.getString("name"), rs.getString("title"), rs.getString("phone"),
				rs.getString("email"), rs.getBoolean("is_primary"), rs.getObject("consent_given_on", LocalDate.class),
				rs.getString("consent_purpose"), rs.getObject("consent_withdrawn_on", LocalDate.class),
				instant(rs, "created_at"), instant(rs, "updated_at"));
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	/** A contact row: name, phone and email are ciphertext. */
	record StoredContact(long id, String name, @Nullable String title, @Nullable String phone, @Nullable String email,
			boolean primary, @Nullable LocalDate consentGivenOn, @Nullable String consentPurpose,
			@Nullable LocalDate consentWithdrawnOn, Instant createdAt, Instant updatedAt) {
	}

}
