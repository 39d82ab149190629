/**
 * Credence: application-wide configuration (clock, database, locale, error responses,
 * OpenAPI). Each business module is a package directly below this one.
 */
@NullMarked
package org.credence;

import org.jspecify.annotations.NullMarked;
