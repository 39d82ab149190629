package org.credence.integration.bank;

import java.util.List;

import org.credence.shared.InvalidInputException;

/**
 * Reads a bank statement file, MT940 or camt.053, told apart by its content.
 */
public final class BankStatementFiles {

	private BankStatementFiles() {
	}

	/**
	 * The statements in a file.
	 * @throws InvalidInputException (on the field {@code file}) when the file is neither
	 * MT940 nor camt.053, declares a DTD, or cannot be read
	 */
	public static List<BankStatement> read(byte[] content) {
		if (content.length == 0) {
			throw new InvalidInputException("file", "integration.import.file.empty");
		}
		String text = StatementText.decode(content);
		try {
			if (CamtReader.looksLikeXml(text)) {
				return CamtReader.read(text);
			}
			if (Mt940Reader.looksLikeMt940(text)) {
				return Mt940Reader.read(text);
			}
		}
		catch (InvalidInputException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			// a library's own refusal of a malformed file is bad input, not a server
			// error
			throw new InvalidInputException("file", "integration.bank.file.unreadable");
		}
		throw new InvalidInputException("file", "integration.bank.file.unknown-format");
	}

}
