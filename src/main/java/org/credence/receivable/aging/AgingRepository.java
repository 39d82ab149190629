package org.credence.receivable.aging;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.credence.receivable.AgingBasis;
import org.credence.receivable.AgingOrder;
import org.credence.receivable.Conversion;
import org.credence.receivable.OpenItem;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ledger as it stood on a day: an invoice counts from its issue date, an allocation
 * from its effective date until the day it was reversed. Nothing later is seen.
 */
@Repository
public class AgingRepository {

	private static final String SETTLED_AS_OF = """
			select a.invoice_id, sum(a.amount) as settled, max(a.effective_on) as last_settled_on,
			       bool_or(a.write_off_id is not null) as written_off
			from receivable.allocation a
			where a.effective_on <= :asOf and (a.reversed_on is null or a.reversed_on > :asOf)
			group by a.invoice_id
			""";

	/**
	 * An invoice's open amount on {@code :asOf}: what its allocations then in force
	 * leave. The allocations are read only when they changed after that day; otherwise
	 * the sum the triggers keep on the invoice is the answer.
	 */
	private static final String OPEN_AMOUNT = """
			i.amount - case when i.settlement_changed_on is null then 0
			                when i.settlement_changed_on <= :asOf then i.settled_amount
			                else coalesce((select sum(a.amount) from receivable.allocation a
			                               where a.invoice_id = i.id and a.effective_on <= :asOf
			                                 and (a.reversed_on is null or a.reversed_on > :asOf)), 0) end""";

	/** Invoices issued by {@code :asOf} and not settled for good by then. */
	private static final String MAYBE_OPEN = "i.issue_date <= :asOf and (i.settled_on is null or i.settled_on > :asOf)";

	private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

	private final JdbcClient jdbc;

	AgingRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The invoices open on a day, of the customers given (of every customer when
	 * {@code customerCodes} is null), oldest due first.
	 */
	public List<OpenItem> openItems(@Nullable List<String> customerCodes, LocalDate asOf) {
		String filter = customerCodes == null ? "" : " and i.customer_code = any(:codes)";
		var query = this.jdbc
			.sql("""
					select * from (
					  select i.customer_code, i.number, i.issue_date, i.due_date, i.amount, i.currency, i.fx_rate, i.disputed,
					         %s as open_amount
					  from receivable.invoice i
					  where %s%s) o
					where o.open_amount > 0
					order by o.customer_code, o.due_date, o.issue_date, o.number
					"""
				.formatted(OPEN_AMOUNT, MAYBE_OPEN, filter))
			.param("asOf", asOf);
		if (customerCodes != null) {
			query = query.param("codes", customerCodes.toArray(String[]::new));
		}
		return query.query((rs, n) -> openItem(rs, asOf)).list();
	}

	/**
	 * The aging of the selected customers as of a day in one pass over the ledger: a row
	 * per customer and document currency with something open, each bucket summed by the
	 * database. The bucket bounds and every filter value are bound as parameters.
	 */
	public List<AgingRow> aging(LocalDate asOf, AgingBasis basis, AgingPolicy policy, AgingSelection selection) {
		Map<String, Object> params = new HashMap<>();
		params.put("asOf", asOf);
		params.put("bounds", policy.upperBounds().toArray(Integer[]::new));
		String customers = customerFilter(selection, params);
		String where = customers.isEmpty() ? "" : " and i.customer_code in (select c.customer_code"
				+ " from receivable.aging_customer c where true" + customers + ")";
		if (selection.customerCodes() != null) {
			// named on the invoice too, so that the planner reads a page's customers by
			// their index rather than every invoice changed since the day
			where += " and i.customer_code = any(:codes)";
		}
		String ageFrom = basis == AgingBasis.INVOICE ? "i.issue_date" : "i.due_date";
		// Aged by due date with a first bound of 0, the first bucket is what is not yet
		// due and every other one overdue: the bucket says it, no need to group by it.
		boolean overdueByBucket = basis == AgingBasis.DUE && policy.upperBounds().get(0) == 0;
		String overdue = overdueByBucket ? "o.bucket > 0" : "o.due_date < :asOf";
		String groupBy = overdueByBucket ? "1, 2, 3" : "1, 2, 3, 4";
		// Summed per bucket as rows, not as one filtered sum per bucket: every FILTER
		// costs each row. Part one, the invoices whose settlement has not changed since
		// the day asked about (all of today's open items), sums the open amounts in
		// cents the database keeps on each invoice, reading only the covering index of
		// the unsettled invoices. An invoice settled for good after the day asked about
		// changed after it too (settled_on <= settlement_changed_on), so part one reads
		// only the unsettled ones. Part two, the invoices whose allocations changed after
		// the day, adds up the allocations then in force. Two queries rather than one
		// UNION ALL, so that the first reads the index alone, in its order (customer,
		// currency, due date): the planner then groups without sorting all rows.
		String sqlKept = """
				select o.customer_code, o.currency, o.bucket, %1$s as overdue, sum(o.open_cents) as document,
				       sum(o.company_open_cents) as company, count(*) as items
				from (select i.customer_code, i.currency, i.due_date, i.open_cents, i.company_open_cents,
				             width_bucket(:asOf - %2$s - 1, :bounds) as bucket
				      from receivable.invoice i
				      where i.settled_on is null and i.issue_date <= :asOf
				        and (i.settlement_changed_on is null or i.settlement_changed_on <= :asOf)%3$s) o
				group by %4$s
				""".formatted(overdue, ageFrom, where, groupBy);
		String sqlChanged = """
				select o.customer_code, o.currency, o.bucket, %1$s as overdue,
				       (sum(o.open_amount) * 100)::bigint as document,
				       (sum(case when o.open_amount = o.amount then o.company_amount
				                 else round(o.open_amount * o.fx_rate, 2) end) * 100)::bigint as company,
				       count(*) as items
				from (select i.customer_code, i.currency, i.due_date, i.amount, i.company_amount, i.fx_rate,
				             %5$s as open_amount, width_bucket(:asOf - %2$s - 1, :bounds) as bucket
				      from receivable.invoice i
				      where %6$s and i.settlement_changed_on > :asOf%3$s) o
				where o.open_amount > 0
				group by %4$s
				""".formatted(overdue, ageFrom, where, groupBy, OPEN_AMOUNT, MAYBE_OPEN);
		reportSettings();
		int buckets = policy.buckets();
		Map<String, Sums> sums = new HashMap<>();
		List<Sums> order = new ArrayList<>();
		for (String sql : List.of(sqlKept, sqlChanged)) {
			this.jdbc.sql(sql).params(params).query((ResultSet rs) -> {
				String code = rs.getString(1);
				String currency = rs.getString(2);
				Sums row = sums.get(code + currency);
				if (row == null) {
					row = new Sums(code, currency, buckets);
					sums.put(code + currency, row);
					order.add(row);
				}
				row.add(rs.getInt(3), rs.getBoolean(4), rs.getLong(5), rs.getLong(6), rs.getInt(7));
			});
		}
		Map<String, String[]> names = new HashMap<>();
		if (!sums.isEmpty()) {
			this.jdbc
				.sql("select c.customer_code, c.customer_name, c.owner_username, c.industry"
						+ " from receivable.aging_customer c where true" + customers)
				.params(params)
				.query((ResultSet rs) -> {
					names.put(rs.getString(1), new String[] { rs.getString(2), rs.getString(3), rs.getString(4) });
				});
		}
		List<AgingRow> rows = new ArrayList<>(order.size());
		for (Sums row : order) {
			String[] name = names.getOrDefault(row.customerCode, new String[] { row.customerCode, null, null });
			rows.add(new AgingRow(row.customerCode, name[0], name[1], name[2], row.currency, amounts(row.document),
					amounts(row.company), BigDecimal.valueOf(row.documentOverdue, 2),
					BigDecimal.valueOf(row.companyOverdue, 2), row.items));
		}
		return rows;
	}

	/**
	 * The portfolio aging's sums and the order of its customers, in one pass over the
	 * open items: the portfolio's sums per document currency and bucket, how many
	 * customers have something open, and the codes of those from {@code offset} on (at
	 * most {@code limit} of them, all when null) in the order asked for, ties by code.
	 * The customers' own buckets are for {@link #aging} to read, a page at a time.
	 * <p>
	 * One {@code GROUPING SETS} aggregate over the covering index of the unsettled
	 * invoices: per customer (the index's order, no sort) and per currency, due (or
	 * invoice) date and overdue (a small hash table); the dates become buckets only
	 * afterwards, a few thousand rows instead of every invoice. Invoices whose settlement
	 * changed after the day asked about (none for today) are summed from their
	 * allocations by a second aggregate of the same shape, and both added up.
	 */
	public PortfolioRows portfolio(LocalDate asOf, AgingBasis basis, AgingPolicy policy, AgingSelection selection,
			AgingOrder order, long offset, @Nullable Integer limit) {
		Map<String, Object> params = new HashMap<>();
		params.put("asOf", asOf);
		params.put("bounds", policy.upperBounds().toArray(Integer[]::new));
		String customers = customerFilter(selection, params);
		String where = customers.isEmpty() ? "" : " and i.customer_code in (select c.customer_code"
				+ " from receivable.aging_customer c where true" + customers + ")";
		String ageFrom = basis == AgingBasis.INVOICE ? "issue_date" : "due_date";
		String bucketSum = "null::bigint";
		if (order.column() == AgingOrder.Column.BUCKET) {
			// the bucket as a range of dates: no bucket to compute per row
			List<Integer> bounds = policy.upperBounds();
			int index = Math.min(order.bucket(), bounds.size());
			// bucket i holds the ages (as-of day minus the date) from bound i-1 plus one
			// to
			// bound i, both inclusive, as width_bucket(age - 1, bounds) counts them
			String range;
			if (index == 0) {
				range = ">= :fromDate";
				params.put("fromDate", asOf.minusDays(bounds.get(0)));
			}
			else if (index == bounds.size()) {
				range = "<= :toDate";
				params.put("toDate", asOf.minusDays(bounds.get(index - 1) + 1));
			}
			else {
				range = "between :fromDate and :toDate";
				params.put("fromDate", asOf.minusDays(bounds.get(index)));
				params.put("toDate", asOf.minusDays(bounds.get(index - 1) + 1));
			}
			bucketSum = "sum(o.company) filter (where o.age_date " + range + ")";
		}
		String grouping = """
				select o.customer_code, o.currency, o.age_date, o.overdue, sum(o.document) as document,
				       sum(o.company) as company, sum(o.company) filter (where o.overdue) as company_overdue,
				       %s as bucket_amount, count(*) as items
				from (%%s) o
				group by grouping sets ((o.customer_code), (o.currency, o.age_date, o.overdue))
				""".formatted(bucketSum);
		String kept = """
				select i.customer_code, i.currency, i.%1$s as age_date, i.due_date < :asOf as overdue,
				       i.open_cents as document, i.company_open_cents as company
				from receivable.invoice i
				where i.settled_on is null and i.issue_date <= :asOf
				  and (i.settlement_changed_on is null or i.settlement_changed_on <= :asOf)%2$s
				""".formatted(ageFrom, where);
		String changed = """
				select x.customer_code, x.currency, x.age_date, x.due_date < :asOf as overdue,
				       (x.open_amount * 100)::bigint as document,
				       (case when x.open_amount = x.amount then x.company_amount
				             else round(x.open_amount * x.fx_rate, 2) end * 100)::bigint as company
				from (select i.customer_code, i.currency, i.%1$s as age_date, i.due_date, i.amount, i.company_amount,
				             i.fx_rate, %2$s as open_amount
				      from receivable.invoice i
				      where %3$s and i.settlement_changed_on > :asOf%4$s
				      offset 0) x
				where x.open_amount > 0
				""".formatted(ageFrom, OPEN_AMOUNT, MAYBE_OPEN, where);
		reportSettings();
		boolean anyChanged = Boolean.TRUE.equals(this.jdbc
			.sql("select exists (select 1 from receivable.invoice i where i.settlement_changed_on > :asOf)")
			.param("asOf", asOf)
			.query(Boolean.class)
			.single());
		// materialised, so that each aggregate is planned alone: the first then reads the
		// index in its order
		String sums = "with g as materialized (" + grouping.formatted(kept) + ")";
		if (anyChanged) {
			sums = "with k as materialized (" + grouping.formatted(kept) + "), c as materialized (" + grouping
				.formatted(changed) + "), g as materialized (" + """
						select u.customer_code, u.currency, u.age_date, u.overdue, sum(u.document)::bigint as document,
						       sum(u.company)::bigint as company, sum(u.company_overdue)::bigint as company_overdue,
						       sum(u.bucket_amount)::bigint as bucket_amount, sum(u.items)::bigint as items
						from (select * from k union all select * from c) u
						group by u.customer_code, u.currency, u.age_date, u.overdue)
						""";
		}
		String key = switch (order.column()) {
			case CODE -> "g.customer_code";
			case NAME -> "n.customer_name";
			case OWNER -> "n.owner_username";
			case OVERDUE -> "coalesce(g.company_overdue, 0)";
			case BUCKET -> "coalesce(g.bucket_amount, 0)";
			case TOTAL -> "g.company";
		};
		String names = order.column() == AgingOrder.Column.NAME || order.column() == AgingOrder.Column.OWNER
				? " left join receivable.aging_customer n on n.customer_code = g.customer_code" : "";
		String sql = sums
				+ """
						select null as customer_code, g.currency, width_bucket(:asOf - g.age_date - 1, :bounds) as bucket,
						       g.overdue, sum(g.document)::bigint as document, sum(g.company)::bigint as company,
						       sum(g.items)::bigint as items, (select count(*) from g where g.customer_code is not null) as customers
						from g where g.customer_code is null
						group by g.currency, 3, g.overdue
						union all
						(select g.customer_code, null, null, null, null, null, null, null
						 from g%1$s
						 where g.customer_code is not null
						 order by %2$s %3$s nulls last, g.customer_code
						 limit %4$s offset %5$d)
						"""
					.formatted(names, key, order.descending() ? "desc" : "asc",
							limit == null ? "all" : limit.toString(), offset);
		int buckets = policy.buckets();
		Map<String, Sums> totals = new java.util.TreeMap<>();
		List<String> codes = new ArrayList<>();
		long[] count = new long[1];
		this.jdbc.sql(sql).params(params).query((ResultSet rs) -> {
			String code = rs.getString(1);
			if (code != null) {
				codes.add(code);
				return;
			}
			count[0] = rs.getLong(8);
			String currency = rs.getString(2);
			if (currency != null) {
				totals.computeIfAbsent(currency, c -> new Sums("", c, buckets))
					.add(rs.getInt(3), rs.getBoolean(4), rs.getLong(5), rs.getLong(6), rs.getInt(7));
			}
		});
		List<AgingRow> rows = new ArrayList<>(totals.size());
		for (Sums row : totals.values()) {
			rows.add(new AgingRow("", "", null, null, row.currency, amounts(row.document), amounts(row.company),
					BigDecimal.valueOf(row.documentOverdue, 2), BigDecimal.valueOf(row.companyOverdue, 2), row.items));
		}
		return new PortfolioRows(List.copyOf(rows), List.copyOf(codes), count[0]);
	}

	/**
	 * The sums of a portfolio aging per document currency, the codes of one page of its
	 * customers in order, and how many customers it has.
	 */
	public record PortfolioRows(List<AgingRow> totals, List<String> customerCodes, long customerCount) {
	}

	private static List<BigDecimal> amounts(long[] cents) {
		BigDecimal[] amounts = new BigDecimal[cents.length];
		for (int i = 0; i < cents.length; i++) {
			amounts[i] = cents[i] == 0 ? ZERO : BigDecimal.valueOf(cents[i], 2);
		}
		return Arrays.asList(amounts);
	}

	/** One customer's sums in one currency, in cents, while the bucket rows come in. */
	private static final class Sums {

		final String customerCode;

		final String currency;

		final long[] document;

		final long[] company;

		long documentOverdue;

		long companyOverdue;

		int items;

		Sums(String customerCode, String currency, int buckets) {
			this.customerCode = customerCode;
			this.currency = currency;
			this.document = new long[buckets];
			this.company = new long[buckets];
		}

		void add(int bucket, boolean overdue, long documentCents, long companyCents, int count) {
			this.document[bucket] += documentCents;
			this.company[bucket] += companyCents;
			if (overdue) {
				this.documentOverdue += documentCents;
				this.companyOverdue += companyCents;
			}
			this.items += count;
		}

	}

	/**
	 * The conditions on {@code c} (the aging's copy of customers) that the selection asks
	 * for, each starting with " and ", values bound in {@code params}.
	 */
	private static String customerFilter(AgingSelection selection, Map<String, Object> params) {
		StringBuilder customers = new StringBuilder();
		if (selection.customerCodes() != null) {
			customers.append(" and c.customer_code = any(:codes)");
			params.put("codes", selection.customerCodes().toArray(String[]::new));
		}
		customerFilter(customers, "c.owner_username = :scopeOwner", "scopeOwner", selection.scopeOwner(), params);
		customerFilter(customers, "c.owner_username = :owner", "owner", selection.ownerUsername(), params);
		customerFilter(customers, "c.industry = :industry", "industry", selection.industry(), params);
		customerFilter(customers, "c.group_code = :groupCode", "groupCode", selection.groupCode(), params);
		return customers.toString();
	}

	private void reportSettings() {
		// a report over the whole ledger: compiling it costs more than it saves
		this.jdbc.sql("set local jit = off").update();
		// measured: a parallel plan spends more merging the workers' partial groups than
		// it saves on 2 cores
		this.jdbc.sql("set local max_parallel_workers_per_gather = 0").update();
	}

	private static void customerFilter(StringBuilder where, String condition, String name, @Nullable String value,
			Map<String, Object> params) {
		if (value != null && !value.isBlank()) {
			where.append(" and ").append(condition);
			params.put(name, value);
		}
	}

	/** Customers with an invoice that the aging's copy knows only by code. */
	public List<String> customersToCopy() {
		return this.jdbc.sql("select customer_code from receivable.aging_customer where not synced")
			.query(String.class)
			.list();
	}

	/** Keeps the aging's copy of a customer as the customer module shows it. */
	public void copyCustomer(String code, String name, @Nullable String ownerUsername, @Nullable String industry,
			@Nullable String groupCode) {
		this.jdbc
			.sql("""
					insert into receivable.aging_customer (customer_code, customer_name, owner_username, industry, group_code)
					values (:code, :name, :owner, :industry, :group)
					on conflict (customer_code) do update set customer_name = excluded.customer_name,
					    owner_username = excluded.owner_username, industry = excluded.industry,
					    group_code = excluded.group_code, synced = true
					where (aging_customer.customer_name, aging_customer.owner_username, aging_customer.industry,
					       aging_customer.group_code, aging_customer.synced)
					      is distinct from (excluded.customer_name, excluded.owner_username, excluded.industry,
					       excluded.group_code, true)
					""")
			.param("code", code)
			.param("name", name)
			.param("owner", ownerUsername)
			.param("industry", industry)
			.param("group", groupCode)
			.update();
	}

	/**
	 * Payments not applied to any invoice on a day, per customer, in company currency.
	 */
	public Map<String, BigDecimal> unappliedCash(@Nullable List<String> customerCodes, LocalDate asOf) {
		String filter = customerCodes == null ? "" : " and p.customer_code = any(:codes)";
		var query = this.jdbc.sql("""
				select p.customer_code, p.amount - coalesce(s.applied, 0) as unapplied, p.fx_rate
				from receivable.payment p
				left join (select a.payment_id, sum(a.amount) as applied from receivable.allocation a
				           where a.payment_id is not null and a.effective_on <= :asOf
				             and (a.reversed_on is null or a.reversed_on > :asOf)
				           group by a.payment_id) s on s.payment_id = p.id
				where p.received_date <= :asOf and (p.reversed_on is null or p.reversed_on > :asOf)
				  and p.amount - coalesce(s.applied, 0) > 0%s
				""".formatted(filter)).param("asOf", asOf);
		if (customerCodes != null) {
			query = query.param("codes", customerCodes.toArray(String[]::new));
		}
		Map<String, BigDecimal> unapplied = new HashMap<>();
		query.query((ResultSet rs) -> {
			unapplied.merge(rs.getString("customer_code"),
					Conversion.toCompany(rs.getBigDecimal("unapplied"), rs.getBigDecimal("fx_rate")), BigDecimal::add);
		});
		return unapplied;
	}

	/**
	 * Every invoice of a customer issued on or before the day, with how far it was
	 * settled then.
	 */
	public List<InvoiceHistory> history(String customerCode, LocalDate asOf) {
		return this.jdbc
			.sql("""
					select i.number, i.issue_date, i.due_date, i.amount, i.fx_rate, i.company_amount,
					       coalesce(s.settled, 0) as settled, s.last_settled_on, coalesce(s.written_off, false) as written_off
					from receivable.invoice i
					left join (%s) s on s.invoice_id = i.id
					where i.customer_code = :code and i.issue_date <= :asOf
					order by i.issue_date, i.number
					"""
				.formatted(SETTLED_AS_OF))
			.param("asOf", asOf)
			.param("code", customerCode)
			.query((rs, n) -> new InvoiceHistory(rs.getString("number"), rs.getObject("issue_date", LocalDate.class),
					rs.getObject("due_date", LocalDate.class), rs.getBigDecimal("amount"), rs.getBigDecimal("fx_rate"),
					rs.getBigDecimal("company_amount"), rs.getBigDecimal("settled"),
					rs.getObject("last_settled_on", LocalDate.class), rs.getBoolean("written_off")))
			.list();
	}

	/**
	 * {@link #history} of many customers in one query, by customer code; a customer
	 * without invoices is left out. Only these customers' allocations are summed.
	 */
	public Map<String, List<InvoiceHistory>> histories(java.util.Collection<String> customerCodes, LocalDate asOf) {
		Map<String, List<InvoiceHistory>> histories = new HashMap<>();
		this.jdbc
			.sql("""
					select i.customer_code, i.number, i.issue_date, i.due_date, i.amount, i.fx_rate, i.company_amount,
					       coalesce(s.settled, 0) as settled, s.last_settled_on, coalesce(s.written_off, false) as written_off
					from receivable.invoice i
					left join (select a.invoice_id, sum(a.amount) as settled, max(a.effective_on) as last_settled_on,
					                  bool_or(a.write_off_id is not null) as written_off
					           from receivable.allocation a
					           join receivable.invoice ai on ai.id = a.invoice_id and ai.customer_code = any(:codes)
					           where a.effective_on <= :asOf and (a.reversed_on is null or a.reversed_on > :asOf)
					           group by a.invoice_id) s on s.invoice_id = i.id
					where i.customer_code = any(:codes) and i.issue_date <= :asOf
					order by i.customer_code, i.issue_date, i.number
					""")
			.param("asOf", asOf)
			.param("codes", customerCodes.toArray(String[]::new))
			.query((ResultSet rs) -> {
				histories.computeIfAbsent(rs.getString("customer_code"), code -> new java.util.ArrayList<>())
					.add(new InvoiceHistory(rs.getString("number"), rs.getObject("issue_date", LocalDate.class),
							rs.getObject("due_date", LocalDate.class), rs.getBigDecimal("amount"),
							rs.getBigDecimal("fx_rate"), rs.getBigDecimal("company_amount"),
							rs.getBigDecimal("settled"), rs.getObject("last_settled_on", LocalDate.class),
							rs.getBoolean("written_off")));
			});
		return histories;
	}

	private static OpenItem openItem(ResultSet rs, LocalDate asOf) throws SQLException {
		BigDecimal open = rs.getBigDecimal("open_amount").setScale(2);
		LocalDate dueDate = rs.getObject("due_date", LocalDate.class);
		return new OpenItem(rs.getString("customer_code"), rs.getString("number"),
				rs.getObject("issue_date", LocalDate.class), dueDate, rs.getBigDecimal("amount"), open,
				rs.getString("currency"), Conversion.toCompany(open, rs.getBigDecimal("fx_rate")),
				ChronoUnit.DAYS.between(dueDate, asOf), rs.getBoolean("disputed"));
	}

}
