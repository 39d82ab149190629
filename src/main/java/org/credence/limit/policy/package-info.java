/**
 * The credit policy (授信政策): per grade, optionally refined per risk class or industry, the
 * largest limit, the formula of the recommended limit, payment terms, the collateral
 * required and whether credit is allowed at all. Versioned like the scoring models: a
 * draft is edited, a credit manager activates it, older versions are kept. The built-in
 * policy is installed as version 1 on first start.
 */
@NullMarked
package org.credence.limit.policy;

import org.jspecify.annotations.NullMarked;
