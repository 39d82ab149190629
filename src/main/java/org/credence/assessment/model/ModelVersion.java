package org.credence.assessment.model;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One stored version of a model, as the model list shows it. */
public record ModelVersion(String code, int version, String status, String nameZh, String nameEn, Instant createdAt,
		String createdBy, Instant updatedAt, @Nullable Instant activatedAt, @Nullable String activatedBy,
		@Nullable Instant retiredAt) {

	public boolean isActive() {
		return ModelDefinition.ACTIVE.equals(this.status);
	}

	public boolean isDraft() {
		return ModelDefinition.DRAFT.equals(this.status);
	}

}
