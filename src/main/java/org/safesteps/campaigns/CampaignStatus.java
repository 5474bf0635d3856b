package org.safesteps.campaigns;

/** Where a campaign is in its life: written, approved by a second person, sent. */
enum CampaignStatus {

	DRAFT, PENDING_APPROVAL, REJECTED, SCHEDULED, SENDING, SENT, CANCELLED;

	boolean isCancellable() {
		return this != SENT && this != CANCELLED;
	}

	boolean isEditable() {
		return this == DRAFT || this == REJECTED;
	}

}
