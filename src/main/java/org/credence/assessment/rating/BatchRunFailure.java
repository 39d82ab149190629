package org.credence.assessment.rating;

import java.time.Instant;

/** One customer a batch run could not assess, and why. */
public record BatchRunFailure(String customerCode, String message, Instant failedAt) {
}
