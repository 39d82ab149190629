package org.credence.archfixture;

/** Breaks the money rule on purpose, so the architecture test can show the rule fails. */
class BadAmount {

	double amount;

	float rate(double base) {
		return (float) base;
	}

}
