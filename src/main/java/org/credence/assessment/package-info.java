/**
 * Assessment: financial statements and the ratios derived from them, versioned scoring
 * models with their rating scales, and assessments: a score, a grade, a probability of
 * default, a risk class and a review date for a customer, with the contribution of every
 * factor so the decision explains itself. Managers maintain the models; overrides need a
 * second person.
 * <p>
 * Offers {@link org.credence.assessment.Assessments}. Publishes
 * {@link org.credence.assessment.AssessmentCompleted} and
 * {@link org.credence.assessment.ScoringModelActivated}. Uses customer (the credit file,
 * and to record the current rating), receivable (payment behaviour), identity and shared.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Assessment",
		allowedDependencies = { "shared", "identity", "customer", "customer::report", "receivable" })
package org.credence.assessment;

import org.jspecify.annotations.NullMarked;
