package org.credence.integration.imports;

/**
 * Something the user should know about a row that was imported, for instance that the
 * customer resembles a blacklisted one; as a message code for the user's language.
 */
public record ImportWarning(String messageCode, Object... arguments) {
}
