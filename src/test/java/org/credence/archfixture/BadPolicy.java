package org.credence.archfixture;

import org.springframework.stereotype.Component;

/** A policy that depends on Spring, on purpose. */
@Component
class BadPolicy {

}
