package org.credence.assessment.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import org.credence.shared.InvalidInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A model as JSON: the export and import format and how a version is stored. Unknown
 * properties are refused, so a misspelt field is reported instead of silently ignored.
 */
final class ModelJson {

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(SerializationFeature.INDENT_OUTPUT)
		.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		// only the record components: isActive() and isDraft() are questions, not data
		.changeDefaultVisibility(visibility -> visibility.withIsGetterVisibility(Visibility.NONE))
		.build();

	private ModelJson() {
	}

	static String write(ModelDefinition model) {
		return JSON.writeValueAsString(model);
	}

	/**
	 * Reads a model.
	 * @throws InvalidInputException ({@code json}) when the text is not a model
	 */
	static ModelDefinition read(String json) {
		try {
			ModelDefinition model = JSON.readValue(json, ModelDefinition.class);
			if (model == null) {
				throw new InvalidInputException("json", "assessment.model.problem.json", "null");
			}
			return model;
		}
		catch (JacksonException | NullPointerException | IllegalArgumentException ex) {
			String reason = ex instanceof JacksonException jackson ? jackson.getOriginalMessage() : ex.getMessage();
			throw new InvalidInputException("json", "assessment.model.problem.json",
					reason == null ? ex.getClass().getSimpleName() : reason);
		}
	}

}
