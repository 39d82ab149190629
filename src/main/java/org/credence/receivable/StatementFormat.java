package org.credence.receivable;

/** The files an account statement is rendered as. */
public enum StatementFormat {

	PDF("pdf", StatementFile.PDF), XLSX("xlsx", StatementFile.XLSX);

	private final String extension;

	private final String contentType;

	StatementFormat(String extension, String contentType) {
		this.extension = extension;
		this.contentType = contentType;
	}

	public String extension() {
		return this.extension;
	}

	public String contentType() {
		return this.contentType;
	}

}
