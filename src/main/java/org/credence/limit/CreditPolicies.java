package org.credence.limit;

import org.springframework.stereotype.Service;

/**
 * The credit policy's advice for a customer: the limit and terms its grade allows and
 * recommends, with the basis in words and numbers.
 * <p>
 * SKELETON: the signatures are the contract between the limit sub-packages; the policy
 * work replaces the bodies.
 */
@Service
public class CreditPolicies {

	/**
	 * The recommendation for a customer today under the active policy version.
	 * @throws java.util.NoSuchElementException when the customer does not exist or is
	 * outside the caller's data scope
	 */
	public Recommendation recommend(String customerCode) {
		throw new UnsupportedOperationException("not built yet");
	}

}
