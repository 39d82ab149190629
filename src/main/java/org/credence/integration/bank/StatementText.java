package org.credence.integration.bank;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a statement file. MT940 files are plain text in whatever code page the bank's
 * system used: UTF-8 where valid, else the 8-bit code page whose decoding gives the most
 * letters. DOS Latin-2 (CP852, Hungarian and Polish banks' exports) and Windows-1252 are
 * told apart that way: CP852's accented letters sit at 0x80–0xA9 where Windows-1252 has
 * punctuation or nothing.
 */
final class StatementText {

	private static final Charset CP852 = Charset.forName("IBM852");

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private StatementText() {
	}

	static String decode(byte[] content) {
		int start = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
				&& (content[2] & 0xFF) == 0xBF ? 3 : 0;
		ByteBuffer bytes = ByteBuffer.wrap(content, start, content.length - start);
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(bytes)
				.toString();
		}
		catch (CharacterCodingException ex) {
			bytes.rewind();
			String latin2 = CP852.decode(bytes.duplicate()).toString();
			String western = WINDOWS_1252.decode(bytes.duplicate()).toString();
			return letters(latin2) >= letters(western) ? latin2 : western;
		}
	}

	private static long letters(String text) {
		return text.chars().filter(c -> c > 0x7F && Character.isLetter(c)).count();
	}

}
