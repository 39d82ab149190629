package org.credence.integration.imports;

import java.util.Locale;
import java.util.Optional;

/** What happens to the good rows of a file that also has bad ones. */
public enum ImportMode {

	/** One bad row imports nothing: the file is corrected and sent again. */
	ALL,
	/** The good rows are imported, the bad ones reported. */
	PARTIAL;

	/** The mode for {@code all} or {@code partial}, in any case. */
	public static Optional<ImportMode> parse(String text) {
		for (ImportMode mode : values()) {
			if (mode.name().equalsIgnoreCase(text.strip())) {
				return Optional.of(mode);
			}
		}
		return Optional.empty();
	}

	/** How the API spells it. */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

}
