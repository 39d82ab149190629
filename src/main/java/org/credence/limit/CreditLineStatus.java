package org.credence.limit;

/** The state of a credit line. */
public enum CreditLineStatus {

	/** In force: orders may use it. */
	ACTIVE,
	/** Stopped by a credit manager, with a reason, until reinstated. */
	SUSPENDED,
	/** Past its valid-to date. */
	EXPIRED

}
