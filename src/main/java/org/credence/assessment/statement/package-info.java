/**
 * Financial statements (财务报表) of a customer by period, and the ratios derived from them.
 * A statement is entered in 元, 千元 or 万元 and kept in 元; a balance sheet that does not
 * balance is refused unless the analyst confirms it with a reason. Ratios are derived
 * when read, never stored, by {@link org.credence.assessment.statement.RatioCalculator}.
 * <p>
 * A named interface: scoring reads the latest statement, and integration imports
 * statements through {@link org.credence.assessment.statement.FinancialStatements}.
 */
@NullMarked
@org.springframework.modulith.NamedInterface("statement")
package org.credence.assessment.statement;

import org.jspecify.annotations.NullMarked;
