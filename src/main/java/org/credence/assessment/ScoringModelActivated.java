package org.credence.assessment;

/**
 * A scoring model version became the active one for its code (the previous active
 * version, if any, is retired). Assessments may re-assess on demand with it.
 */
public record ScoringModelActivated(String modelCode, int modelVersion) {
}
