package org.credence.customer.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipFile;

import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * The file formats a document may have, each recognised by its file name extension and by
 * its content (the magic bytes at its start; for Office files, the parts inside the
 * container), so a program or a text file renamed {@code .pdf} is refused.
 */
public enum FileFormat {

	PDF("application/pdf", "pdf"), PNG("image/png", "png"), JPEG("image/jpeg", "jpg", "jpeg"),
	XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
	DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
	XLS("application/vnd.ms-excel", "xls"), DOC("application/msword", "doc");

	private static final byte[] PDF_MAGIC = { '%', 'P', 'D', 'F', '-' };

	private static final byte[] PNG_MAGIC = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };

	private static final byte[] JPEG_MAGIC = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };

	private static final byte[] ZIP_MAGIC = { 'P', 'K', 0x03, 0x04 };

	private static final byte[] OLE2_MAGIC = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1,
			0x1A, (byte) 0xE1 };

	private final String contentType;

	private final List<String> extensions;

	FileFormat(String contentType, String... extensions) {
		this.contentType = contentType;
		this.extensions = List.of(extensions);
	}

	public String contentType() {
		return this.contentType;
	}

	/** The extensions of every accepted format, for messages: pdf, png, jpg, …. */
	public static String allowedExtensions() {
		return String.join(", ", Arrays.stream(values()).flatMap(f -> f.extensions.stream()).toList());
	}

	/** The format a file name's extension claims, if it is an accepted one. */
	public static Optional<FileFormat> byFileName(String fileName) {
		int dot = fileName.lastIndexOf('.');
		if (dot < 0) {
			return Optional.empty();
		}
		String extension = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
		return Arrays.stream(values()).filter(f -> f.extensions.contains(extension)).findFirst();
	}

	/** The format a file's content has, if it is an accepted one. */
	public static Optional<FileFormat> byContent(Path file) throws IOException {
		byte[] head = new byte[8];
		int read;
		try (InputStream in = Files.newInputStream(file)) {
			read = in.readNBytes(head, 0, head.length);
		}
		if (startsWith(head, read, PDF_MAGIC)) {
			return Optional.of(PDF);
		}
		if (startsWith(head, read, PNG_MAGIC)) {
			return Optional.of(PNG);
		}
		if (startsWith(head, read, JPEG_MAGIC)) {
			return Optional.of(JPEG);
		}
		if (startsWith(head, read, ZIP_MAGIC)) {
			return officeOpenXml(file);
		}
		if (startsWith(head, read, OLE2_MAGIC)) {
			return compoundDocument(file);
		}
		return Optional.empty();
	}

	private static Optional<FileFormat> officeOpenXml(Path file) {
		try (ZipFile zip = new ZipFile(file.toFile())) {
			if (zip.getEntry("[Content_Types].xml") == null) {
				return Optional.empty();
			}
			if (zip.getEntry("xl/workbook.xml") != null) {
				return Optional.of(XLSX);
			}
			if (zip.getEntry("word/document.xml") != null) {
				return Optional.of(DOCX);
			}
			return Optional.empty();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	private static Optional<FileFormat> compoundDocument(Path file) {
		try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
			DirectoryNode root = fs.getRoot();
			Set<String> entries = root.getEntryNames();
			if (entries.contains("WordDocument")) {
				return Optional.of(DOC);
			}
			if (entries.contains("Workbook") || entries.contains("Book")) {
				return Optional.of(XLS);
			}
			return Optional.empty();
		}
		catch (IOException | RuntimeException ex) {
			// not a readable compound document: treat as unknown content
			return Optional.empty();
		}
	}

	private static boolean startsWith(byte[] head, int read, byte[] magic) {
		if (read < magic.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if (head[i] != magic[i]) {
				return false;
			}
		}
		return true;
	}

}
