package org.credence.limit.web;

import org.credence.limit.CreditApplications;

import org.springframework.stereotype.Component;

/**
 * The count beside 我的审批 in the navigation and on the workbench
 * ({@code ${@applicationInboxCount.waiting()}}): applications whose current step the user
 * may decide.
 */
@Component("applicationInboxCount")
public class ApplicationInboxCount {

	private final CreditApplications applications;

	ApplicationInboxCount(CreditApplications applications) {
		this.applications = applications;
	}

	public long waiting() {
		return this.applications.countAssignedToMe();
	}

}
