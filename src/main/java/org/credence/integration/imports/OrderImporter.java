package org.credence.integration.imports;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.credence.identity.CurrentUser;
import org.credence.identity.Permission;
import org.credence.receivable.OrderEntry;
import org.credence.receivable.OrderStatus;
import org.credence.receivable.Receivables;
import org.jspecify.annotations.Nullable;

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
class OrderImporter implements Importer<OrderEntry> {

	static final String KIND = "orders";

	private static final List<String> FIELDS = List.of("externalId", "customerCode", "number", "amount", "currency",
			"orderDate", "status");

	private static final Set<String> REQUIRED = Set.of("externalId", "customerCode", "number", "amount", "currency",
			"orderDate");

	private final Receivables receivables;

	private final CurrentUser currentUser;

	private final EnumLabels labels;

	private final List<ImportColumn> columns;

	OrderImporter(Receivables receivables, CurrentUser currentUser, MessageSource messages) {
		this.receivables = receivables;
		this.currentUser = currentUser;
		this.labels = new EnumLabels(messages, "integration.ledger.");
		this.columns = LedgerColumns.of(messages, KIND, FIELDS, REQUIRED);
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public List<ImportColumn> columns() {
		return this.columns;
	}

	@Override
	public int maxRows() {
		return 1_000_000;
	}

	@Override
	public void authorise() {
		this.currentUser.require(Permission.RECEIVABLE_WRITE);
	}

	@Override
	public OrderEntry read(ImportRow row) {
		return new OrderEntry(row.text("externalId"), row.text("customerCode"), row.text("number"),
				row.decimal("amount"), row.text("currency"), row.date("orderDate"),
				row.choice("status", text -> this.labels.parse(OrderStatus.class, "order-status", text),
						EnumLabels.codes(OrderStatus.values())));
	}

	/** The receivable module checks every field when the row is written. */
	@Override
	public List<org.credence.shared.InvalidInputException.FieldProblem> problems(OrderEntry item) {
		return List.of();
	}

	/**
	 * None: a row repeating another's external id is for the receivable module to judge
	 * (the same content changes nothing, other content is a conflict).
	 */
	@Override
	public @Nullable String key(OrderEntry item) {
		return null;
	}

	@Override
	public String keyField() {
		return "externalId";
	}

	@Override
	public List<ImportWarning> write(OrderEntry item) {
		return store(item).warnings();
	}

	@Override
	public Stored store(OrderEntry item) {
		return new Stored(this.receivables.recordOrder(item).created(), List.of());
	}

	@Override
	public @Nullable String column(@Nullable String field, String messageCode) {
		return LedgerColumns.column(field, messageCode);
	}

	@Override
	public List<String> allowedValues(String field, Locale locale) {
		return "status".equals(field) ? this.labels.labels(OrderStatus.values(), "order-status", locale) : List.of();
	}

}
