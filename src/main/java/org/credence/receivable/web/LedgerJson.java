package org.credence.receivable.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.credence.receivable.AgingBucket;
import org.credence.receivable.AgingReport;
import org.credence.receivable.Allocation;
import org.credence.receivable.CreditNote;
import org.credence.receivable.CurrencyAging;
import org.credence.receivable.CustomerAging;
import org.credence.receivable.FxRate;
import org.credence.receivable.Invoice;
import org.credence.receivable.OpenItem;
import org.credence.receivable.Order;
import org.credence.receivable.Payment;
import org.credence.receivable.PaymentBehaviour;
import org.credence.receivable.ReceivableSummary;
import org.credence.receivable.WriteOff;
import org.jspecify.annotations.Nullable;

/**
 * The ledger as the public API shows it ({@code ../shared/API.md}, "Receivables"): money
 * and rates as decimal strings, dates as YYYY-MM-DD.
 */
final class LedgerJson {

	private LedgerJson() {
	}

	record OrderJson(String externalId, String customerCode, String number,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal fxRate, LocalDate orderDate, String status,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal invoicedAmount,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal openAmount,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal companyOpenAmount, Instant recordedAt,
			@Nullable LocalDate deliveryDate) {

		static OrderJson of(Order o) {
			return new OrderJson(o.externalId(), o.customerCode(), o.number(), o.amount(), o.currency(), o.fxRate(),
					o.orderDate(), o.status().name(), o.invoicedAmount(), o.openAmount(), o.companyOpenAmount(),
					o.recordedAt(), o.deliveryDate());
		}

	}

	record AllocationJson(String invoiceNumber, String source, String sourceKey,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency, LocalDate effectiveOn,
			@Nullable LocalDate reversedOn) {

		static AllocationJson of(Allocation a) {
			return new AllocationJson(a.invoiceNumber(), a.source(), a.sourceKey(), a.amount(), a.currency(),
					a.effectiveOn(), a.reversedOn());
		}

	}

	record InvoiceJson(String externalId, String customerCode, String number, @Nullable String orderNumber,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal fxRate,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal companyAmount, LocalDate issueDate,
			LocalDate dueDate, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal openAmount, String status,
			boolean disputed, @Nullable String disputeReason, @Nullable LocalDate disputedOn,
			@Nullable LocalDate writtenOffOn, Instant recordedAt, @Nullable List<AllocationJson> allocations) {

		static InvoiceJson of(Invoice i) {
			return of(i, null);
		}

		static InvoiceJson of(Invoice i, @Nullable List<Allocation> allocations) {
			return new InvoiceJson(i.externalId(), i.customerCode(), i.number(), i.orderNumber(), i.amount(),
					i.currency(), i.fxRate(), i.companyAmount(), i.issueDate(), i.dueDate(), i.openAmount(),
					i.status().name(), i.disputed(), i.disputeReason(), i.disputedOn(), i.writtenOffOn(),
					i.recordedAt(), allocations == null ? null : allocations.stream().map(AllocationJson::of).toList());
		}

	}

	record PaymentJson(String externalId, String customerCode,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal fxRate,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal companyAmount, LocalDate receivedDate,
			@Nullable String reference, List<AllocationJson> allocations,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal unappliedAmount, @Nullable LocalDate reversedOn,
			@Nullable String reversalReason, Instant recordedAt) {

		static PaymentJson of(Payment p) {
			return new PaymentJson(p.externalId(), p.customerCode(), p.amount(), p.currency(), p.fxRate(),
					p.companyAmount(), p.receivedDate(), p.reference(),
					p.allocations().stream().map(AllocationJson::of).toList(), p.unappliedAmount(), p.reversedOn(),
					p.reversalReason(), p.recordedAt());
		}

	}

	record CreditNoteJson(String externalId, String customerCode, String number, @Nullable String invoiceNumber,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal fxRate,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal companyAmount, LocalDate issueDate,
			List<AllocationJson> allocations, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal unappliedAmount,
			Instant recordedAt) {

		static CreditNoteJson of(CreditNote c) {
			return new CreditNoteJson(c.externalId(), c.customerCode(), c.number(), c.invoiceNumber(), c.amount(),
					c.currency(), c.fxRate(), c.companyAmount(), c.issueDate(),
					c.allocations().stream().map(AllocationJson::of).toList(), c.unappliedAmount(), c.recordedAt());
		}

	}

	record WriteOffJson(long id, String invoiceNumber, String customerCode,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency, String reason,
			String status, String proposedBy, Instant proposedAt, @Nullable String decidedBy,
			@Nullable Instant decidedAt, @Nullable String decisionNote) {

		static WriteOffJson of(WriteOff w) {
			return new WriteOffJson(w.id(), w.invoiceNumber(), w.customerCode(), w.amount(), w.currency(), w.reason(),
					w.status().name(), w.proposedBy(), w.proposedAt(), w.decidedBy(), w.decidedAt(), w.decisionNote());
		}

	}

	record BucketJson(String label, @Nullable Integer fromDays, @Nullable Integer toDays,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount) {

		static BucketJson of(AgingBucket b) {
			return new BucketJson(b.label(), b.fromDays(), b.toDays(), b.amount());
		}

	}

	record AgingJson(LocalDate asOf, String basis, String currency, List<BucketJson> buckets,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal total,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal overdue, int items,
			List<CurrencyAgingJson> byCurrency) {

		static AgingJson of(AgingReport r) {
			return new AgingJson(r.asOf(), r.basis().name().toLowerCase(java.util.Locale.ROOT), r.currency(),
					r.buckets().stream().map(BucketJson::of).toList(), r.total(), r.overdue(), r.items(),
					r.byCurrency().stream().map(CurrencyAgingJson::of).toList());
		}

	}

	/** The part of an aging in one document currency, in that currency. */
	record CurrencyAgingJson(String currency, List<BucketJson> buckets,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal total,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal overdue, int items) {

		static CurrencyAgingJson of(CurrencyAging c) {
			return new CurrencyAgingJson(c.currency(), c.buckets().stream().map(BucketJson::of).toList(), c.total(),
					c.overdue(), c.items());
		}

	}

	record CustomerAgingJson(String customerCode, String customerName, @Nullable String ownerUsername,
			@Nullable String industry, AgingJson aging) {

		static CustomerAgingJson of(CustomerAging c) {
			return new CustomerAgingJson(c.customerCode(), c.customerName(), c.ownerUsername(), c.industry(),
					AgingJson.of(c.aging()));
		}

	}

	/**
	 * @param customers one page of the customers, {@code page} (zero-based) of
	 * {@code size}
	 * @param customerCount how many customers have something open in all
	 */
	record PortfolioAgingJson(AgingJson total, List<CustomerAgingJson> customers, int page, int size,
			long customerCount) {
	}

	record OpenItemJson(String invoiceNumber, LocalDate issueDate, LocalDate dueDate,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal openAmount, String currency,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal companyOpenAmount, long daysOverdue,
			boolean disputed) {

		static OpenItemJson of(OpenItem i) {
			return new OpenItemJson(i.invoiceNumber(), i.issueDate(), i.dueDate(), i.amount(), i.openAmount(),
					i.currency(), i.companyOpenAmount(), i.daysOverdue(), i.disputed());
		}

	}

	record BehaviourJson(String customerCode, LocalDate asOf, String currency,
			@JsonFormat(shape = JsonFormat.Shape.STRING) @Nullable BigDecimal averageDaysLate,
			@Nullable Integer maxDaysOverdue,
			@JsonFormat(shape = JsonFormat.Shape.STRING) @Nullable BigDecimal shareOfInvoicesPaidLate, int invoicesPaid,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal unappliedCash,
			@JsonFormat(shape = JsonFormat.Shape.STRING) @Nullable BigDecimal dso) {

		static BehaviourJson of(PaymentBehaviour b) {
			return new BehaviourJson(b.customerCode(), b.asOf(), b.currency(), b.averageDaysLate(), b.maxDaysOverdue(),
					b.shareOfInvoicesPaidLate(), b.invoicesPaid(), b.unappliedCash(), b.dso());
		}

	}

	record SummaryJson(String customerCode, LocalDate asOf, String currency,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal openReceivables,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal overdue, int maxDaysOverdue,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal disputed,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal unappliedCash,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal openOrders) {

		static SummaryJson of(ReceivableSummary s) {
			return new SummaryJson(s.customerCode(), s.asOf(), s.currency(), s.openReceivables(), s.overdue(),
					s.maxDaysOverdue(), s.disputed(), s.unappliedCash(), s.openOrders());
		}

	}

	record FxRateJson(LocalDate date, String currency, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal rate,
			String companyCurrency, String enteredBy, Instant enteredAt) {

		static FxRateJson of(FxRate r, String companyCurrency) {
			return new FxRateJson(r.date(), r.currency(), r.rate(), companyCurrency, r.enteredBy(), r.enteredAt());
		}

	}

}
