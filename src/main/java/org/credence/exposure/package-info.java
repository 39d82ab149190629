/**
 * Exposure (信用敞口): what each customer owes or is committed to against its credit line,
 * the order-path credit check with its reservations, and the credit-hold queue.
 * <p>
 * Sub-packages: {@code position} (one row per customer with every figure a check reads,
 * kept current from the other modules' events, and the reconciliation against a full
 * recomputation), {@code check} (the rules, the checks and their reservations),
 * {@code hold} (held orders, releases, rejections and special approvals) and {@code web}.
 * <p>
 * Offers {@link org.credence.exposure.Exposures} (exposure of a customer and its group,
 * rebuild and reconciliation), {@link org.credence.exposure.CreditChecks} (check, look
 * up, cancel), {@link org.credence.exposure.CreditHolds} (the hold queue) and
 * {@link org.credence.exposure.CheckRuleVersions} (the rules, versioned). Publishes
 * {@link org.credence.exposure.CreditHoldDecided}. Uses receivable (open items, orders,
 * unapplied cash), limit (credit lines, group limits, the approval matrix for special
 * approvals), customer (status, blacklist, group, owner), assessment (next review date),
 * identity and shared.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Exposure",
		allowedDependencies = { "shared", "identity", "customer", "receivable", "assessment", "limit" })
package org.credence.exposure;

import org.jspecify.annotations.NullMarked;
