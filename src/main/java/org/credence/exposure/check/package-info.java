/**
 * Credit checks: the rules (pure, evaluated on a locked position), the checks with what
 * they reserve, and the job that lets unused reservations lapse.
 */
@NullMarked
package org.credence.exposure.check;

import org.jspecify.annotations.NullMarked;
