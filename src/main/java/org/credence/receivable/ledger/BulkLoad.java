package org.credence.receivable.ledger;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Loading a ledger table in bulk the way PostgreSQL's documentation advises ("Populating
 * a Database": remove indexes, load, create them again): an index built afterwards sorts
 * its keys once, where one kept during the load is descended and split for every row, in
 * the random order of customers and document numbers. For an import of a million invoices
 * into an empty ledger that halves the insert.
 * <p>
 * Everything happens in the caller's transaction, and PostgreSQL's DDL is transactional:
 * a failure or a crash half-way rolls the indexes back with the rows, so nothing is ever
 * left half-written or unindexed. The cost is that the table is held exclusively from the
 * drop until the transaction ends: every reader of invoices waits for the load, the order
 * path's credit checks included, and a transaction that holds a lock the load takes later
 * (a customer's exposure row, the audit chain) while it waits may deadlock with it, which
 * PostgreSQL ends by failing one of the two. So it is a first-load mode, off unless
 * configured ({@code credence.receivable.bulk-load-rows}): for loading history before
 * going live, and even then only for a load at least as large as the table already is.
 * <p>
 * The indexes are read from the catalog, so an index a later migration adds is rebuilt
 * too; the primary key and indexes a foreign key relies on stay.
 */
@Repository
public class BulkLoad {

	private static final Logger log = LoggerFactory.getLogger(BulkLoad.class);

	/** PostgreSQL's {@code lock_not_available}: the lock timeout passed. */
	private static final String LOCK_NOT_AVAILABLE = "55P03";

	private final JdbcClient jdbc;

	BulkLoad(DataSource dataSource) {
		// without the application's query timeout: building an index over millions of
		// rows takes longer than any lookup should
		this.jdbc = JdbcClient.create(new JdbcTemplate(dataSource));
	}

	/**
	 * Whether {@code rows} new rows are at least as many as {@code table} holds (counted
	 * up to one more than that, no further).
	 */
	public boolean outweighs(String table, long rows) {
		long existing = this.jdbc.sql("select count(*) from (select 1 from " + table + " limit :limit) t")
			.param("limit", rows + 1)
			.query(Long.class)
			.single();
		return existing <= rows;
	}

	/**
	 * Takes the table exclusively and drops its secondary indexes and unique constraints,
	 * unless another transaction holds the table for longer than {@code wait}: then
	 * nothing is dropped, and the caller loads row by row.
	 * @return what builds the indexes again, to run after the load; empty when the table
	 * was busy
	 */
	public Optional<Rebuild> dropIndexes(String table, Duration wait) {
		// a lock that cannot be had soon is not waited for: every reader of the table
		// would queue behind the waiting request
		this.jdbc.sql("savepoint bulk_load").update();
		try {
			this.jdbc.sql("set local lock_timeout = " + wait.toMillis()).update();
			this.jdbc.sql("lock table " + table + " in access exclusive mode").update();
			this.jdbc.sql("set local lock_timeout to default").update();
			this.jdbc.sql("release savepoint bulk_load").update();
		}
		catch (DataAccessException ex) {
			if (!(ex.getMostSpecificCause() instanceof SQLException sql)
					|| !LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) {
				throw ex;
			}
			this.jdbc.sql("rollback to savepoint bulk_load").update();
			log.info("{} is in use: the load keeps its indexes row by row", table);
			return Optional.empty();
		}
		List<Index> indexes = this.jdbc.sql("""
				select case when c.conname is null then format('drop index %s', x.indexrelid::regclass)
				            else format('alter table %s drop constraint %I', x.indrelid::regclass, c.conname) end,
				       case when c.conname is null then pg_get_indexdef(x.indexrelid)
				            else format('alter table %s add constraint %I %s', x.indrelid::regclass, c.conname,
				                        pg_get_constraintdef(c.oid)) end
				from pg_index x
				left join pg_constraint c on c.conindid = x.indexrelid and c.conrelid = x.indrelid
				where x.indrelid = cast(:table as regclass) and not x.indisprimary
				  and not exists (select 1 from pg_constraint f where f.contype = 'f' and f.conindid = x.indexrelid)
				order by x.indexrelid
				""").param("table", table).query((rs, n) -> new Index(rs.getString(1), rs.getString(2))).list();
		for (Index index : indexes) {
			this.jdbc.sql(index.drop()).update();
		}
		return Optional.of(new Rebuild(table, indexes.stream().map(Index::create).toList()));
	}

	private record Index(String drop, String create) {
	}

	/** The statements that build a table's dropped indexes again. */
	public final class Rebuild {

		private final String table;

		private final List<String> statements;

		Rebuild(String table, List<String> statements) {
			this.table = table;
			this.statements = statements;
		}

		/**
		 * Builds the indexes (sorting in memory where it fits) and refreshes the table's
		 * statistics, which a load of this size leaves stale.
		 */
		public void run() {
			long started = System.nanoTime();
			BulkLoad.this.jdbc.sql("set local maintenance_work_mem = '256MB'").update();
			for (String statement : this.statements) {
				long one = System.nanoTime();
				BulkLoad.this.jdbc.sql(statement).update();
				log.trace("{} ms: {}", (System.nanoTime() - one) / 1_000_000, statement);
			}
			long built = System.nanoTime();
			BulkLoad.this.jdbc.sql("analyze " + this.table).update();
			log.debug("{} indexes of {} built again in {} ms, analysed in {} ms", this.statements.size(), this.table,
					(built - started) / 1_000_000, (System.nanoTime() - built) / 1_000_000);
		}

	}

}
