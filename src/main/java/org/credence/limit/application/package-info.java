/**
 * Credit applications: the approval matrix and the routes it gives, the application store
 * with its steps, decisions and attachments, and the reminders for steps that wait too
 * long. {@link org.credence.limit.CreditApplications} is the service over them.
 */
@NullMarked
package org.credence.limit.application;

import org.jspecify.annotations.NullMarked;
