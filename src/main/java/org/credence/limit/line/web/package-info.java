/**
 * The credit line's API ({@code /api/v1/customers/{code}/credit-line}, collateral, group
 * limits) and its tab on the 客户360 page.
 */
@NullMarked
package org.credence.limit.line.web;

import org.jspecify.annotations.NullMarked;
