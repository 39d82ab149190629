package org.credence.customer.communication;

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
 * The communication log in {@code customer.communication}; the contact's name comes as
 * stored (ciphertext).
 */
@Repository
class CommunicationRepository {

	private static final String SELECT = """
			select m.*, c.name as contact_name
			  from customer.communication m
			  left join customer.contact c on c.id = m.contact_id
			""";

	private final JdbcClient jdbc;

	CommunicationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<StoredCommunication> findAll(long customerId, int limit, long offset) {
		return this.jdbc
			.sql(SELECT + " where m.customer_id = :customer order by m.occurred_on desc, m.created_at desc, m.id desc"
					+ " limit :limit offset :offset")
			.param("customer", customerId)
			.param("limit", limit)
			.param("offset", offset)
			.query(CommunicationRepository::stored)
			.list();
	}

	long count(long customerId) {
		return this.jdbc.sql("select count(*) from customer.communication where customer_id = :customer")
			.param("customer", customerId)
			.query(Long.class)
			.single();
	}

	Optional<StoredCommunication> find(long customerId, long id) {
		return this.jdbc.sql(SELECT + " where m.customer_id = :customer and m.id = :id")
			.param("customer", customerId)
			.param("id", id)
			.query(CommunicationRepository::stored)
			.optional();
	}

	long insert(long customerId, CommunicationDraft draft, String author, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into customer.communication
				       (customer_id, occurred_on, channel, contact_id, summary, next_follow_up_on, author, created_at)
				values (:customer, :occurredOn, :channel, :contact, :summary, :nextFollowUpOn, :author, :now)""")
			.param("customer", customerId)
			.param("occurredOn", draft.occurredOn())
			.param("channel", draft.channel() == null ? null : draft.channel().name())
			.param("contact", draft.contactId())
			.param("summary", draft.summary())
			.param("nextFollowUpOn", draft.nextFollowUpOn())
			.param("author", author)
			.param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	private static StoredCommunication stored(ResultSet rs, int row) throws SQLException {
		Long contactId = rs.getObject("contact_id", Long.class);
		return new StoredCommunication(rs.getLong("id"), rs.getObject("occurred_on", LocalDate.class),
				Channel.valueOf(rs.getString("channel")), contactId, rs.getString("contact_name"),
				rs.getString("summary"), rs.getObject("next_follow_up_on", LocalDate.class), rs.getString("author"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant());
	}

	/** A row of the log; {@code contactName} is ciphertext. */
	record StoredCommunication(long id, LocalDate occurredOn, Channel channel, @Nullable Long contactId,
			@Nullable String contactName, String summary, @Nullable LocalDate nextFollowUpOn, String author,
			Instant createdAt) {
	}

}
