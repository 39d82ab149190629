package org.credence.customer.document;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.InputStreamSource;

/**
 * A file to add to a credit file: a multipart upload, or bytes in memory
 * ({@link #of(DocumentType, String, String, byte[])}).
 *
 * @param title what the document is, for people; the file name when absent
 * @param fileName the original file name; its extension must match the content
 * @param content the bytes, read once
 */
public record DocumentUpload(@Nullable DocumentType type, @Nullable String title, @Nullable String fileName,
		InputStreamSource content) {

	public static DocumentUpload of(DocumentType type, String title, String fileName, byte[] content) {
		return new DocumentUpload(type, title, fileName, new ByteArrayResource(content));
	}

}
