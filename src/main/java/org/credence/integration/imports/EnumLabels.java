package org.credence.integration.imports;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;

/**
 * Enumerated values in import files as people type them: the code ({@code ACTIVE}), its
 * label in either language ({@code 正常}, {@code Active}), or "code — label" as the
 * templates' instructions list them. Labels are the messages
 * {@code <prefix><group>.<CODE>}.
 */
final class EnumLabels {

	static final List<Locale> LANGUAGES = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

	private static final Pattern CODE_AND_LABEL = Pattern.compile("([A-Za-z_]+)\\s*(?:—|-|–|:|：|\\s)\\s*.+");

	private final MessageSource messages;

	private final String prefix;

	EnumLabels(MessageSource messages, String prefix) {
		this.messages = messages;
		this.prefix = prefix;
	}

	<E extends Enum<E>> Optional<E> parse(Class<E> type, String group, String text) {
		Optional<E> whole = match(type, group, text);
		if (whole.isPresent()) {
			return whole;
		}
		Matcher codeAndLabel = CODE_AND_LABEL.matcher(text);
		return codeAndLabel.matches() ? match(type, group, codeAndLabel.group(1)) : Optional.empty();
	}

	/**
	 * Each value as "CODE — label" in the reader's language, for the template's
	 * instructions.
	 */
	<E extends Enum<E>> List<String> labels(E[] constants, String group, Locale locale) {
		return Arrays.stream(constants)
			.map(constant -> constant.name() + " — "
					+ this.messages.getMessage(code(group, constant), null, constant.name(), locale))
			.toList();
	}

	static String codes(Enum<?>[] constants) {
		return Arrays.stream(constants).map(Enum::name).collect(Collectors.joining(", "));
	}

	private <E extends Enum<E>> Optional<E> match(Class<E> type, String group, String text) {
		String value = text.strip();
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equalsIgnoreCase(value)) {
				return Optional.of(constant);
			}
			for (Locale language : LANGUAGES) {
				String label = this.messages.getMessage(code(group, constant), null, constant.name(), language);
				if (label.equalsIgnoreCase(value)) {
					return Optional.of(constant);
				}
			}
		}
		return Optional.empty();
	}

	private String code(String group, Enum<?> constant) {
		return this.prefix + group + "." + constant.name();
	}

}
