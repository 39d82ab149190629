package org.credence.assessment.model;

import org.credence.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ModelJsonTests {

	@Test
	void aModelReadsBackAsItWasWritten() {
		for (ModelDefinition model : BuiltInModels.all()) {
			ModelDefinition active = model.withStatus("ACTIVE", "system",
					java.time.Instant.parse("2026-01-05T01:02:03Z"));
			String json = ModelJson.write(active);

			assertThat(json).doesNotContain("\"active\"").doesNotContain("\"draft\"").contains("\"pd\" : 0.0003");
			assertThat(ModelJson.read(json)).isEqualTo(active);
		}
	}

	@Test
	void refusesUnknownFieldsAndBrokenText() {
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> ModelJson.read("{\"weihgt\": 1}"))
			.satisfies(ex -> assertThat(ex.problems().get(0).field()).isEqualTo("json"));
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> ModelJson.read("{"));
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> ModelJson.read("null"));
	}

}
