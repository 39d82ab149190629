package org.credence.customer.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

import org.credence.shared.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Document content on disk, under {@code <data-dir>/documents/<customer id>/<uuid>}. A
 * file is written to a temporary name beside its final place, checked, and moved there
 * atomically; when the transaction that stores its row rolls back, the file is removed
 * again, so the disk never holds a document the database does not know.
 */
@Component
class DocumentStore {

	/** 10 MB: large enough for scanned certificates and audited statements. */
	static final long MAX_SIZE = 10L * 1024 * 1024;

	private static final Logger log = LoggerFactory.getLogger(DocumentStore.class);

	private final Path root;

	DocumentStore(@Value("${credence.data-dir:./data}") Path dataDir) {
		this.root = dataDir.resolve("documents");
	}

	/**
	 * Writes and checks a file, and removes it again if the current transaction rolls
	 * back.
	 * @throws InvalidInputException ({@code file}) when it is empty, too large, or its
	 * content is not the format its name claims
	 */
	StoredFile store(long customerId, FileFormat claimed, InputStreamSource source) {
		Path directory = directory(customerId);
		Path temporary = null;
		try {
			Files.createDirectories(directory);
			temporary = Files.createTempFile(directory, ".upload-", ".tmp");
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			long size;
			try (InputStream in = source.getInputStream();
					OutputStream out = new DigestOutputStream(Files.newOutputStream(temporary), digest)) {
				size = copyAtMost(in, out, MAX_SIZE + 1);
			}
			if (size == 0) {
				throw new InvalidInputException("file", "customer.document.file.empty");
			}
			if (size > MAX_SIZE) {
				throw new InvalidInputException("file", "customer.document.file.too-large", MAX_SIZE / (1024 * 1024));
			}
			FileFormat actual = FileFormat.byContent(temporary).orElse(null);
			if (actual != claimed) {
				throw new InvalidInputException("file", "customer.document.file.content-mismatch", claimed.name());
			}
			String key = UUID.randomUUID().toString();
			Path target = directory.resolve(key);
			move(temporary, target);
			temporary = null;
			removeOnRollback(target);
			return new StoredFile(key, size, HexFormat.of().formatHex(digest.digest()), actual);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not store a document of customer " + customerId, ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			if (temporary != null) {
				deleteQuietly(temporary);
			}
		}
	}

	/** Where a stored file lives. */
	Path path(long customerId, String key) {
		return directory(customerId).resolve(key);
	}

	private Path directory(long customerId) {
		return this.root.resolve(Long.toString(customerId));
	}

	private static long copyAtMost(InputStream in, OutputStream out, long limit) throws IOException {
		byte[] buffer = new byte[64 * 1024];
		long total = 0;
		int read;
		while (total < limit && (read = in.read(buffer, 0, (int) Math.min(buffer.length, limit - total))) >= 0) {
			out.write(buffer, 0, read);
			total += read;
		}
		return total;
	}

	private static void move(Path from, Path to) throws IOException {
		try {
			Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException ex) {
			// same directory, so this is rare (some network file systems); a plain rename
			// still never shows a half-written file under the final name
			Files.move(from, to);
		}
	}

	private static void removeOnRollback(Path file) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				if (status == STATUS_ROLLED_BACK) {
					deleteQuietly(file);
				}
			}
		});
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			log.warn("Could not remove document file {}: {}", file, ex.getMessage());
		}
	}

	/** A file as stored: its key (the file name on disk), size, checksum and format. */
	record StoredFile(String key, long size, String sha256, FileFormat format) {
	}

}
