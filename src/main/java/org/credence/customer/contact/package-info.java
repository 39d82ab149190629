/**
 * Contact persons of a customer: who to call about credit and payments, with their
 * consent to be contacted. Names, phones and e-mails are personal data, stored encrypted
 * and shown masked to readers without the right to see them.
 */
@NullMarked
@org.springframework.modulith.NamedInterface("contact")
package org.credence.customer.contact;

import org.jspecify.annotations.NullMarked;
