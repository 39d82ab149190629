/**
 * The assessment pages of the credit file, the review queue, and the assessment API.
 */
@NullMarked
package org.credence.assessment.web;

import org.jspecify.annotations.NullMarked;
