/**
 * What others say about a customer's credit: reports of external credit agencies (中诚信,
 * Dun &amp; Bradstreet, 企查查 …) with their score, rating and lawsuits, and the payment
 * experience that peers and suppliers report.
 */
@NullMarked
@org.springframework.modulith.NamedInterface("report")
package org.credence.customer.report;

import org.jspecify.annotations.NullMarked;
