package org.credence.integration.imports;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;

/**
 * The columns of the ledger kinds (orders, invoices, payments, credit notes): the field
 * names of the matching JSON bodies, their labels in both languages
 * ({@code integration.ledger.column.<field>}; the document number is labelled per kind)
 * and the names finance departments use in their ERP exports.
 */
final class LedgerColumns {

	private static final Map<String, List<String>> EXTRA_NAMES = Map.of("customerCode",
			List.of("code", "客户代码", "Customer no."), "externalId", List.of("外部ID", "External ID", "ERP编号"), "amount",
			List.of("金额(元)", "价税合计"), "currency", List.of("币别", "货币"));

	private LedgerColumns() {
	}

	static List<ImportColumn> of(MessageSource messages, String kind, List<String> fields, Set<String> required) {
		return fields.stream().map(field -> column(messages, kind, field, required.contains(field))).toList();
	}

	/**
	 * The field a refusal of the receivable module concerns, for refusals that name none.
	 */
	static @Nullable String column(@Nullable String field, String messageCode) {
		if (field != null) {
			return field.startsWith("allocations[") ? "allocations" : field;
		}
		return switch (messageCode) {
			case "customer.not-found" -> "customerCode";
			case "receivable.external-id.conflict" -> "externalId";
			case "receivable.order.number.exists", "receivable.invoice.number.exists",
					"receivable.credit-note.number.exists" ->
				"number";
			case "receivable.fx.missing" -> "currency";
			case "receivable.allocation.exceeds-payment", "receivable.allocation.exceeds-open" -> "allocations";
			default -> null;
		};
	}

	private static ImportColumn column(MessageSource messages, String kind, String field, boolean required) {
		String key = field.equals("number") ? kind + ".number" : field;
		String labelCode = "integration.ledger.column." + key;
		Set<String> aliases = new HashSet<>();
		for (var language : EnumLabels.LANGUAGES) {
			aliases.add(messages.getMessage(labelCode, null, field, language));
		}
		aliases.addAll(EXTRA_NAMES.getOrDefault(field, List.of()));
		return new ImportColumn(field, required, labelCode, "integration.ledger.hint." + key, aliases);
	}

}
