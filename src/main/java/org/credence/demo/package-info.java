/**
 * Demo: a deterministic, realistic portfolio loaded on the first start of the default
 * configuration, so a new user sees a credit department at work. Turned off with
 * {@code CREDENCE_DEMO=false}. It writes only through the other modules' APIs; nothing
 * uses it.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Demo portfolio")
package org.credence.demo;

import org.jspecify.annotations.NullMarked;
