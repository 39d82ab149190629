/**
 * The exposure module's REST API ({@code /api/v1/customers/{code}/exposure},
 * {@code /api/v1/credit-checks}, {@code /api/v1/credit-holds},
 * {@code /api/v1/credit-check-rules}) and its pages: the customer's exposure tab, the
 * credit-hold queue and the credit check rules.
 */
@NullMarked
package org.credence.exposure.web;

import org.jspecify.annotations.NullMarked;
