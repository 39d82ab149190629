/**
 * The communication log (回访记录) of a customer: calls, e-mails, visits and meetings, who
 * logged them, and when to follow up.
 */
@NullMarked
@org.springframework.modulith.NamedInterface("communication")
package org.credence.customer.communication;

import org.jspecify.annotations.NullMarked;
