package org.credence.customer;

/**
 * Where a customer stands with us: a PROSPECT not yet trading, ACTIVE, SUSPENDED (no new
 * credit until reinstated), or CLOSED (relationship ended, file kept).
 */
public enum CustomerStatus {

	PROSPECT, ACTIVE, SUSPENDED, CLOSED

}
