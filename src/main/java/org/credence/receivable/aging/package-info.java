/**
 * The ledger as it stood on a day, the aging buckets and the payment behaviour derived
 * from it; the rules are plain Java.
 */
@NullMarked
package org.credence.receivable.aging;

import org.jspecify.annotations.NullMarked;
