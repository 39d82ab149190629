package org.credence.receivable;

/**
 * The stored record after a write from another system, and whether this call created it
 * ({@code false}: the same external id was sent before with the same content).
 */
public record Recorded<T>(T record, boolean created) {

}
