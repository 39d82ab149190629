package org.credence.customer;

import java.util.List;
import java.util.Locale;

/**
 * Facts other modules show in the 客户360 header (the credit line, exposure, available
 * credit) without the customer module depending on them: each module that has something
 * to say implements this as a bean; the header shows every bean's facts in bean order.
 * Implementations answer quickly and only what the signed-in user may see; one that fails
 * is left out of the header, the page still shows.
 */
public interface CustomerHeaderFacts {

	/**
	 * The facts about a customer the caller may already see, in the reader's language.
	 */
	List<HeaderFact> factsFor(String customerCode, Locale locale);

}
