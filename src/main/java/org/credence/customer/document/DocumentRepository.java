package org.credence.customer.document;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Documents in {@code customer.document}; deleted ones stay, marked. */
@Repository
class DocumentRepository {

	private final JdbcClient jdbc;

	DocumentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<StoredDocument> findAll(long customerId, int limit, long offset) {
		return this.jdbc.sql("""
				select * from customer.document where customer_id = :customer and deleted_at is null
				 order by uploaded_at desc, id desc limit :limit offset :offset""")
			.param("customer", customerId)
			.param("limit", limit)
			.param("offset", offset)
			.query(DocumentRepository::stored)
			.list();
	}

	long count(long customerId) {
		return this.jdbc
			.sql("select count(*) from customer.document where customer_id = :customer and deleted_at is null")
			.param("customer", customerId)
			.query(Long.class)
			.single();
	}

	Optional<StoredDocument> find(long customerId, long id) {
		return this.jdbc
			.sql("select * from customer.document where customer_id = :customer and id = :id and deleted_at is null")
			.param("customer", customerId)
			.param("id", id)
			.query(DocumentRepository::stored)
			.optional();
	}

	long insert(long customerId, DocumentType type, String title, String fileName, DocumentStore.StoredFile file,
			String uploadedBy, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into customer.document (customer_id, type, title, file_name, content_type, size_bytes, sha256,
				       storage_key, uploaded_by, uploaded_at)
				values (:customer, :type, :title, :fileName, :contentType, :size, :sha256, :key, :uploadedBy, :now)""")
			.param("customer", customerId)
			.param("type", type.name())
			.param("title", title)
			.param("fileName", fileName)
			.param("contentType", file.format().contentType())
			.param("size", file.size())
			.param("sha256", file.sha256())
			.param("key", file.key())
			.param("uploadedBy", uploadedBy)
			.param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	void markDeleted(long customerId, long id, String deletedBy, @Nullable String reason, Instant now) {
		this.jdbc.sql("""
				update customer.document set deleted_by = :deletedBy, deleted_at = :now, deletion_reason = :reason
				 where customer_id = :customer and id = :id and deleted_at is null""")
			.param("customer", customerId)
			.param("id", id)
			.param("deletedBy", deletedBy)
			.param("reason", reason)
			.param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.update();
	}

	private static StoredDocument stored(ResultSet rs, int row) throws SQLException {
		return new StoredDocument(rs.getLong("id"), DocumentType.valueOf(rs.getString("type")), rs.getString("title"),
				rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size_bytes"),
				rs.getString("sha256"), rs.getString("storage_key"), rs.getString("uploaded_by"),
				rs.getObject("uploaded_at", OffsetDateTime.class).toInstant());
	}

	/** A document row with the key of its file on disk. */
	record StoredDocument(long id, DocumentType type, String title, String fileName, String contentType, long size,
			String sha256, String storageKey, String uploadedBy, Instant uploadedAt) {
	}

}
