/**
 * Identity: users and their roles, what each role may do
 * ({@link org.credence.identity.Permission}), the data scope of the current user, API
 * tokens, the tamper-evident audit trail, and the protection of personal data (encryption
 * at rest and masking).
 * <p>
 * Offers {@link org.credence.identity.CurrentUser},
 * {@link org.credence.identity.AuditTrail}, {@link org.credence.identity.PersonalData}
 * and {@link org.credence.identity.Users}. Publishes no events yet. Uses only
 * {@code shared}.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Identity", allowedDependencies = "shared")
package org.credence.identity;

import org.jspecify.annotations.NullMarked;
