/**
 * The import API ({@code /api/v1/imports}) and the import pages ({@code /imports}).
 */
@NullMarked
package org.credence.integration.web;

import org.jspecify.annotations.NullMarked;
