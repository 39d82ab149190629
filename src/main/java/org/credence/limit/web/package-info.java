/**
 * The limit module's controllers: the public API under {@code /api/v1} and the pages
 * under {@code /limits}.
 */
@NullMarked
package org.credence.limit.web;

import org.jspecify.annotations.NullMarked;
