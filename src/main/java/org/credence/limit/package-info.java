/**
 * Limit (授信): the credit policy per grade and the limit and terms it recommends, credit
 * lines with their collateral and history, and credit applications travelling through the
 * approval levels their amount and risk require.
 * <p>
 * Sub-packages: {@code policy} (versioned credit policy, recommendation formulas),
 * {@code line} (credit lines, temporary increases, group limits, collateral, history as
 * of any date), {@code application} (applications, the approval matrix, routes,
 * decisions, the approver's inbox and reminders) and {@code web}.
 * <p>
 * Offers {@link org.credence.limit.CreditPolicies} (recommendations),
 * {@link org.credence.limit.CreditLines} (the line of a customer today or as of a past
 * date) and {@link org.credence.limit.CreditApplications}. Publishes
 * {@link org.credence.limit.CreditLineChanged} and
 * {@link org.credence.limit.CreditApplicationApproved}. Uses customer (the credit file
 * and its data scope), assessment (the grade picks the policy; the statement behind it
 * gives the figures and their currency), receivable (average monthly sales for the
 * recommendation), identity and shared.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Limit",
		allowedDependencies = { "shared", "identity", "customer", "assessment", "assessment::statement", "receivable" })
package org.credence.limit;

import org.jspecify.annotations.NullMarked;
