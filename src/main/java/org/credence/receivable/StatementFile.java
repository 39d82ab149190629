package org.credence.receivable;

/**
 * A rendered account statement, ready to download.
 *
 * @param fileName a file name with extension, e.g.
 * {@code 对账单-C001-2026-03-01-2026-03-31.pdf}
 * @param contentType the MIME type
 */
public record StatementFile(String fileName, String contentType, byte[] content) {

	public static final String PDF = "application/pdf";

	public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

}
