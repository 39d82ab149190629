package org.credence.identity.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The shape of API tokens: {@code cred_} and 43 characters of Base64url (32 random
 * bytes). Only the SHA-256 of a token is stored; a random 256-bit secret needs no slow
 * hash.
 */
public final class ApiTokens {

	public static final String PREFIX = "cred_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private ApiTokens() {
	}

	public static String generate() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	public static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	/** The first characters of a token, enough to recognise it in a list. */
	public static String displayPrefix(String token) {
		return token.substring(0, Math.min(token.length(), PREFIX.length() + 6));
	}

}
