package org.credence.assessment.statement;

/** The period a statement covers: a financial year, or a quarter (季报). */
public enum PeriodType {

	ANNUAL, QUARTERLY

}
