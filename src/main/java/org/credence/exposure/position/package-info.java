/**
 * Positions: one row per customer with every figure a credit check reads (the receivable
 * side per due and delivery date, the credit line, the credit file's flags, what checks
 * reserve), kept current from the other modules' events, rebuilt on demand, and compared
 * with a full recomputation by the reconciliation job.
 */
@NullMarked
package org.credence.exposure.position;

import org.jspecify.annotations.NullMarked;
