/**
 * The scoring engine: {@link org.credence.assessment.scoring.Scorecard} turns a model and
 * the facts known about a customer into a score, a grade and every factor's part in it.
 * Plain Java: no Spring, database or clock.
 */
@NullMarked
package org.credence.assessment.scoring;

import org.jspecify.annotations.NullMarked;
