/**
 * Documents of the credit file: business licence, bank credit certificate, audited
 * statements, contracts and others. Only PDF, images and Office files are accepted, each
 * checked by its name and by its content; every file carries its SHA-256 checksum.
 */
@NullMarked
@org.springframework.modulith.NamedInterface("document")
package org.credence.customer.document;

import org.jspecify.annotations.NullMarked;
