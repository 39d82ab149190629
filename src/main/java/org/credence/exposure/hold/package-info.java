/**
 * The credit-hold queue: blocked checks waiting for a credit manager, and the releases,
 * rejections and special approvals decided on them.
 */
@NullMarked
package org.credence.exposure.hold;

import org.jspecify.annotations.NullMarked;
