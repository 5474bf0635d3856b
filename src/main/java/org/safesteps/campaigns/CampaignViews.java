package org.safesteps.campaigns;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Size;

/** What the campaign API answers and takes besides drafts. */
final class CampaignViews {

	private CampaignViews() {
	}

	record CampaignView(String id, String name, String status, boolean urgent, String author,
			CampaignDraft.Target target, CampaignDraft.MessageTexts message, CampaignDraft.DeepLink deepLink,
			CampaignDraft.Schedule schedule, Instant createdAt, Instant updatedAt, Instant startAt,
			List<Campaign.AuditEntry> audit) {

		static CampaignView of(Campaign campaign) {
			CampaignDraft draft = campaign.draft();
			return new CampaignView(campaign.id(), draft.name(), campaign.status().name(), draft.isUrgent(),
					campaign.author(), draft.target(), draft.message(), draft.deepLink(), draft.schedule(),
					campaign.createdAt(), campaign.updatedAt(), campaign.startAt(), campaign.audit());
		}

	}

	/**
	 * How a campaign's delivery stands. {@code pending} devices are still due (deferred ones among
	 * them); {@code unregistered} went away before their turn; {@code unconfirmed} were being sent
	 * by an instance that died, and are not sent again.
	 */
	record CampaignStats(String campaign, String status, long targeted, long sent, long failed, long invalidTokens,
			long deferredForQuietHours, long skippedByCap, long unregistered, long unconfirmed, long pending) {

		static CampaignStats of(Campaign campaign, Deliveries.Tally tally) {
			long finished = tally.of(Deliveries.Outcome.SENT) + tally.of(Deliveries.Outcome.FAILED)
					+ tally.of(Deliveries.Outcome.INVALID_TOKEN) + tally.of(Deliveries.Outcome.SKIPPED_BY_CAP)
					+ tally.of(Deliveries.Outcome.UNREGISTERED) + tally.of(Deliveries.Outcome.UNCONFIRMED);
			boolean open = campaign.status() == CampaignStatus.SENDING || campaign.status() == CampaignStatus.SCHEDULED;
			return new CampaignStats(campaign.id(), campaign.status().name(), campaign.targeted(),
					tally.of(Deliveries.Outcome.SENT), tally.of(Deliveries.Outcome.FAILED),
					tally.of(Deliveries.Outcome.INVALID_TOKEN), campaign.deferredAtPlanning() + tally.deferred(),
					tally.of(Deliveries.Outcome.SKIPPED_BY_CAP), tally.of(Deliveries.Outcome.UNREGISTERED),
					tally.of(Deliveries.Outcome.UNCONFIRMED), open ? Math.max(0, campaign.targeted() - finished) : 0);
		}

	}

	/** Why a campaign is rejected or cancelled; kept in its audit trail. */
	record Reason(@Size(max = 500, message = "must be at most 500 characters") String reason) {
	}

}
