/**
 * Making and keeping assessments: the facts gathered, the stored result, the reasons,
 * overrides, the review queue's copy of customers, and batch re-assessment with its
 * locks.
 */
@NullMarked
package org.credence.assessment.rating;

import org.jspecify.annotations.NullMarked;
