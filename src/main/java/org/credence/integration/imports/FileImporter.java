package org.credence.integration.imports;

/**
 * How a kind whose files are not tables (bank statements in MT940 or camt.053) is
 * imported: the importer reads the whole file itself and reports like a table import, in
 * the same {@link ImportResult}, so that {@code POST /api/v1/imports/{kind}} answers
 * alike for every kind. {@link FileImports} dispatches to it by {@link #kind()}. Such an
 * importer is a Spring bean; it has no template.
 */
public interface FileImporter {

	/** The kind as the URL names it, for instance {@code bank-statements}. */
	String kind();

	/**
	 * Refuses unless the current user may import this kind.
	 * @throws org.springframework.security.access.AccessDeniedException when not
	 */
	void authorise();

	/**
	 * Imports a file: all of it or, when a part cannot be read and the mode allows it,
	 * the rest. Nothing is half written.
	 * @throws org.credence.shared.InvalidInputException (on the field {@code file}) when
	 * the file cannot be read at all
	 */
	ImportResult importFile(byte[] content, ImportMode mode);

}
