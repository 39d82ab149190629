package org.credence.customer.document;

import org.springframework.core.io.Resource;

/** A document with its stored content, to download. */
public record DocumentContent(Document document, Resource content) {
}
