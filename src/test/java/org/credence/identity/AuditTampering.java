package org.credence.identity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/**
 * What someone with superuser rights could do to the audit trail: switch triggers off for
 * their session and change an entry. The same connection switches them on again before it
 * goes back to the pool. Tests that tamper restore the original value in a
 * {@code finally} block, because other tests share the chain.
 */
public final class AuditTampering {

	private AuditTampering() {
	}

	public static void setReason(DataSource dataSource, long seq, @Nullable String reason) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			try (Statement statement = connection.createStatement()) {
				statement.execute("set session_replication_role = replica");
			}
			try (PreparedStatement update = connection
				.prepareStatement("update identity.audit_entry set reason = ? where seq = ?")) {
				update.setString(1, reason);
				update.setLong(2, seq);
				if (update.executeUpdate() != 1) {
					throw new IllegalStateException("No audit entry " + seq);
				}
			}
			finally {
				try (Statement statement = connection.createStatement()) {
					statement.execute("set session_replication_role = default");
				}
			}
		}
	}

}
