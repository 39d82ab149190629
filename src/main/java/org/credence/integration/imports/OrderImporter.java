package org.credence.integration.imports;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.credence.identity.CurrentUser;
import org.credence.receivable.OrderEntry;
import org.credence.receivable.OrderStatus;
import org.credence.receivable.Receivables;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Orders from a file, one order per row, written through {@link Receivables#recordOrder}:
 * the same checks, audit and events as an order sent through the API. A row repeating an
 * order on file (same external id, same content) changes nothing, or changes only its
 * status as the order system re-sends a cancelled or closed order; other content under
 * the same external id is refused for that row.
 */
@Component
class OrderImporter extends LedgerRowImporter<OrderEntry> {

	static final String KIND = "orders";

	private static final List<String> FIELDS = List.of("externalId", "customerCode", "number", "amount", "currency",
			"orderDate", "status", "deliveryDate");

	private static final Set<String> REQUIRED = Set.of("externalId", "customerCode", "number", "amount", "currency",
			"orderDate");

	private final Receivables receivables;

	private final EnumLabels labels;

	OrderImporter(Receivables receivables, CurrentUser currentUser, MessageSource messages) {
		super(KIND, FIELDS, REQUIRED, currentUser, messages);
		this.receivables = receivables;
		this.labels = new EnumLabels(messages, "integration.ledger.");
	}

	@Override
	public OrderEntry read(ImportRow row) {
		return new OrderEntry(row.text("externalId"), row.text("customerCode"), row.text("number"),
				row.decimal("amount"), row.text("currency"), row.date("orderDate"),
				row.choice("status", text -> this.labels.parse(OrderStatus.class, "order-status", text),
						EnumLabels.codes(OrderStatus.values())),
				row.date("deliveryDate"));
	}

	@Override
	boolean record(OrderEntry item) {
		return this.receivables.recordOrder(item).created();
	}

	@Override
	public List<String> allowedValues(String field, Locale locale) {
		return "status".equals(field) ? this.labels.labels(OrderStatus.values(), "order-status", locale) : List.of();
	}

}
