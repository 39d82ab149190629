/**
 * Scoring models (评估模型) as versioned data: factors with their source, scoring function,
 * weight and missing-value policy, the rating scale with PD, risk class and review
 * interval per grade, the validator that keeps them usable, the built-in models, and
 * {@link org.credence.assessment.model.ScoringModels} that stores, activates, exports and
 * imports them.
 */
@NullMarked
package org.credence.assessment.model;

import org.jspecify.annotations.NullMarked;
