/**
 * Credit lines: their versions in valid time (so the line as of any day can be shown),
 * temporary increases, suspension and reinstatement, group limits and collateral.
 */
@NullMarked
package org.credence.limit.line;

import org.jspecify.annotations.NullMarked;
