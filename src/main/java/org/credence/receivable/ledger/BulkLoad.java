package org.credence.receivable.ledger;

import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * left half-written or unindexed. The cost is that the table is held exclusively until
 * the transaction ends (no one reads it while the indexes are rebuilt), which is why it
 * is used only for loads at least as large as the table already is: a first load, or a
 * ledger's early weeks, not the daily file into a ledger of millions.
 * <p>
 * The indexes are read from the catalog, so an index a later migration adds is rebuilt
 * too; the primary key and indexes a foreign key relies on stay.
 */
@Repository
public class BulkLoad {

	private static final Logger log = LoggerFactory.getLogger(BulkLoad.class);

	private final JdbcClient jdbc;

	BulkLoad(DataSource dataSource) {
		// without the application's query timeout: building an index over millions of
		// rows takes longer than any lookup should
		this.jdbc = JdbcClient.create(new JdbcTemplate(dataSource));
	}

	/**
	 * Whether {@code rows} new rows are at least as many as {@code table} holds (counted
	 * up to that number, no further).
	 */
	public boolean outweighs(String table, long rows) {
		long existing = this.jdbc.sql("select count(*) from (select 1 from " + table + " limit :rows) t")
			.param("rows", rows)
			.query(Long.class)
			.single();
		return existing <= rows;
	}

	/**
	 * Drops the table's secondary indexes and unique constraints (locking the table
	 * exclusively until the transaction ends).
	 * @return what builds them again, to run after the load
	 */
	public Rebuild dropIndexes(String table) {
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
		return new Rebuild(table, indexes.stream().map(Index::create).toList());
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
