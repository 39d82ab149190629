/**
 * The timeline of a credit file: everything that happened to it, dated, newest first —
 * opened, communications, reports, feedback, documents, consents, blacklist entries and
 * changes.
 */
@NullMarked
package org.credence.customer.timeline;

import org.jspecify.annotations.NullMarked;
