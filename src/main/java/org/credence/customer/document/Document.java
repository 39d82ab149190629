package org.credence.customer.document;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * A document of the credit file.
 *
 * @param fileName the name of the file as uploaded (may be Chinese)
 * @param contentType the media type of its format, as recognised from its content
 * @param size its length in bytes
 * @param sha256 the SHA-256 checksum of its content, 64 lower-case hex digits
 */
public record Document(long id, String customerCode, DocumentType type, String title, String fileName,
		String contentType, long size, String sha256, String uploadedBy, Instant uploadedAt) {

	/** The size in KB (1,024 bytes), to one decimal. */
	public BigDecimal kilobytes() {
		return BigDecimal.valueOf(this.size).divide(BigDecimal.valueOf(1024), 1, RoundingMode.HALF_UP);
	}

}
