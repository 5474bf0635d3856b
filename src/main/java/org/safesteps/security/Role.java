package org.safesteps.security;

/**
 * What a token may do. Learners are children's apps (Firebase anonymous sign-in); the rest are
 * staff from the institutional issuer, named in its roles claim.
 */
public enum Role {

	LEARNER, TEACHER, MINISTRY_ANALYST, CONTENT_MANAGER, CAMPAIGN_MANAGER, CAMPAIGN_APPROVER, ADMIN;

	public String authority() {
		return "ROLE_" + name();
	}

}
