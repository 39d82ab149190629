package org.credence.receivable.aging;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
		var query = this.jdbc.sql("""
				select i.customer_code, i.number, i.issue_date, i.due_date, i.amount, i.currency, i.fx_rate, i.disputed,
				       i.amount - coalesce(s.settled, 0) as open_amount
				from receivable.invoice i
				left join (%s) s on s.invoice_id = i.id
				where i.issue_date <= :asOf and i.amount - coalesce(s.settled, 0) > 0%s
				order by i.customer_code, i.due_date, i.issue_date, i.number
				""".formatted(SETTLED_AS_OF, filter)).param("asOf", asOf);
		if (customerCodes != null) {
			query = query.param("codes", customerCodes.toArray(String[]::new));
		}
		return query.query((rs, n) -> openItem(rs, asOf)).list();
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
