/**
 * The assessment module's controllers: the public API under {@code /api/v1}, the pages of
 * the credit file's financials and assessments tabs, and the review queue.
 */
@NullMarked
package org.credence.assessment.web;

import org.jspecify.annotations.NullMarked;
