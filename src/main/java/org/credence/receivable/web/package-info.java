/**
 * The receivables API ({@code /api/v1}: orders, invoices, payments, credit notes, aging,
 * FX rates) and pages (the customer's Receivables tab, the portfolio aging).
 */
@NullMarked
package org.credence.receivable.web;

import org.jspecify.annotations.NullMarked;
