package org.credence.identity.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.credence.identity.AuditEntry;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * What an audit entry changed, field by field, for people to read
 * ({@code ${@auditChanges.of(entry)}} in templates): a created entity lists its fields, a
 * changed one only the fields whose value differs, a deleted one what it held. The stored
 * JSON stays as it was hashed.
 */
@Component("auditChanges")
public class AuditChanges {

	private final JsonMapper json = JsonMapper.builder().build();

	public List<Change> of(AuditEntry entry) {
		JsonNode before = parse(entry.before());
		JsonNode after = parse(entry.after());
		Set<String> fields = new LinkedHashSet<>();
		before.propertyNames().forEach(fields::add);
		after.propertyNames().forEach(fields::add);
		List<Change> changes = new ArrayList<>();
		for (String field : fields) {
			String was = text(before.get(field));
			String is = text(after.get(field));
			if (!Objects.equals(was, is)) {
				changes.add(new Change(field, was, is));
			}
		}
		return changes;
	}

	private JsonNode parse(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return this.json.createObjectNode();
		}
		JsonNode node = this.json.readTree(text);
		return node.isObject() ? node : this.json.createObjectNode().set("value", node);
	}

	private static @Nullable String text(@Nullable JsonNode node) {
		if (node == null || node.isNull()) {
			return null;
		}
		if (node.isArray()) {
			List<String> items = new ArrayList<>();
			node.forEach(item -> items.add(item.isValueNode() ? item.asString() : item.toString()));
			return String.join(", ", items);
		}
		return node.isValueNode() ? node.asString() : node.toString();
	}

	/** One field's value before and after; either may be absent. */
	public record Change(String field, @Nullable String before, @Nullable String after) {
	}

}
