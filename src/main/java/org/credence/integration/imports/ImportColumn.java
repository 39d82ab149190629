package org.credence.integration.imports;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A column an importer understands: the field name of the matching JSON body, which is
 * also the column's name in the template, and the other names a header may use for it
 * (the labels the UI shows, in Chinese and English). Matching ignores case and
 * surrounding blanks.
 *
 * @param field the field name, for instance {@code registeredCapital}
 * @param required whether a file without this column is refused
 * @param labelCode the message code of the column's label
 * @param hintCode the message code of a short note on the values the column takes
 * @param aliases other accepted header names
 */
public record ImportColumn(String field, boolean required, String labelCode, String hintCode, Set<String> aliases) {

	public ImportColumn {
		aliases = Set.copyOf(aliases);
	}

	/** Whether a header cell names this column. */
	public boolean matches(String header) {
		String name = normalise(header);
		return normalise(this.field).equals(name) || this.aliases.stream().anyMatch(a -> normalise(a).equals(name));
	}

	/** The names a header may use, field name first. */
	public List<String> names() {
		Set<String> names = new LinkedHashSet<>();
		names.add(this.field);
		names.addAll(this.aliases);
		return List.copyOf(names);
	}

	/**
	 * A header cell as it is compared: trimmed (also of ideographic spaces), without a
	 * trailing required-marker {@code *}, lower case.
	 */
	static String normalise(String header) {
		String name = header.replace('\u3000', ' ').replace("\uFEFF", "").strip();
		if (name.endsWith("*") || name.endsWith("＊")) {
			name = name.substring(0, name.length() - 1).strip();
		}
		return name.toLowerCase(Locale.ROOT);
	}

}
