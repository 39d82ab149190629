/**
 * The company currency and the stored daily FX rates into it.
 */
@NullMarked
package org.credence.receivable.fx;

import org.jspecify.annotations.NullMarked;
