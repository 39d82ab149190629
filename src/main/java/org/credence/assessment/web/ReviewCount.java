package org.credence.assessment.web;

import org.credence.assessment.Assessments;
import org.credence.identity.CurrentUser;
import org.credence.identity.Permission;

import org.springframework.stereotype.Component;

/**
 * The count beside 复评队列 in the navigation ({@code ${@reviewCount.due()}}): customers in
 * the user's scope whose review waits.
 */
@Component("reviewCount")
class ReviewCount {

	private final Assessments assessments;

	private final CurrentUser currentUser;

	ReviewCount(Assessments assessments, CurrentUser currentUser) {
		this.assessments = assessments;
		this.currentUser = currentUser;
	}

	public long due() {
		if (!this.currentUser.has(Permission.CUSTOMER_READ_ALL)
				&& !this.currentUser.has(Permission.CUSTOMER_READ_OWN)) {
			return 0;
		}
		return this.assessments.countReviewsDue();
	}

}
