package org.credence.receivable;

/** A write-off proposal waits for a second person, who approves or rejects it. */
public enum WriteOffStatus {

	PROPOSED, APPROVED, REJECTED

}
