package org.credence.exposure.check;

import java.util.List;

import org.credence.exposure.Reason;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code reasons} column of credit checks and credit holds: a check's reasons as JSON
 * ({@code jsonb}), written and read the same way by both tables.
 */
public final class ReasonsColumn {

	private static final TypeReference<List<Reason>> REASONS = new TypeReference<>() {
	};

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ReasonsColumn() {
	}

	/** The reasons as the column stores them (cast to {@code jsonb} in the statement). */
	public static String write(List<Reason> reasons) {
		return JSON.writeValueAsString(reasons);
	}

	public static List<Reason> read(String json) {
		return JSON.readValue(json, REASONS);
	}

}
