package org.credence.customer.timeline;

/** What a timeline entry tells. */
public enum TimelineKind {

	FILE_OPENED, COMMUNICATION, EXTERNAL_REPORT, FEEDBACK, DOCUMENT, CONSENT_GIVEN, CONSENT_WITHDRAWN, BLACKLISTED,
	REMOVED_FROM_BLACKLIST, CHANGE

}
