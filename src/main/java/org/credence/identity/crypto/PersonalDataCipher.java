package org.credence.identity.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * AES-256-GCM for personal data at rest. Stored form: {@code v1:} and the Base64 of a
 * random 12-byte nonce followed by the ciphertext and its 128-bit tag; the version prefix
 * leaves room for key rotation.
 * <p>
 * The key is {@code credence.security.personal-data-key} (Base64 of 32 bytes, from the
 * environment in production). Without it, a key is generated once into the data
 * directory, outside the database, so a demo run works on a fresh machine.
 */
@Component
public class PersonalDataCipher {

	private static final Logger log = LoggerFactory.getLogger(PersonalDataCipher.class);

	private static final String PREFIX = "v1:";

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKeySpec key;

	private final SecureRandom random = new SecureRandom();

	PersonalDataCipher(@Value("${credence.security.personal-data-key:}") String configuredKey,
			@Value("${credence.data-dir:./data}") Path dataDir) {
		byte[] bytes = StringUtils.hasText(configuredKey) ? Base64.getDecoder().decode(configuredKey.strip())
				: keyFromFile(dataDir.resolve("keys").resolve("personal-data.key"));
		if (bytes.length != 32) {
			throw new IllegalStateException("The personal-data key must be 32 bytes (Base64), not " + bytes.length);
		}
		this.key = new SecretKeySpec(bytes, "AES");
	}

	public String encrypt(String plain) {
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			this.random.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, nonce));
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			return PREFIX + Base64.getEncoder()
				.encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not encrypt personal data", ex);
		}
	}

	public String decrypt(String stored) {
		if (!stored.startsWith(PREFIX)) {
			throw new IllegalArgumentException("Not personal data encrypted by Credence");
		}
		try {
			byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
			return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not decrypt personal data: wrong key or altered ciphertext", ex);
		}
	}

	private static byte[] keyFromFile(Path file) {
		try {
			if (Files.exists(file)) {
				return Base64.getDecoder().decode(Files.readString(file).strip());
			}
			Files.createDirectories(file.getParent());
			byte[] fresh = new byte[32];
			new SecureRandom().nextBytes(fresh);
			Files.writeString(file, Base64.getEncoder().encodeToString(fresh));
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// not a POSIX file system (Windows): the directory's permissions apply
			}
			log.warn(
					"No personal-data key configured: generated one in {}. Set CREDENCE_PERSONAL_DATA_KEY in production.",
					file);
			return fresh;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read or create the personal-data key " + file, ex);
		}
	}

}
