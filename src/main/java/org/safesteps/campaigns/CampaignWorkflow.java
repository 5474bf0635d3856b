package org.safesteps.campaigns;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.safesteps.content.ContentCatalog;
import org.safesteps.content.ServedCountries;
import org.safesteps.platform.ApiProblem;
import org.safesteps.platform.ProblemType;
import org.safesteps.security.Caller;
import org.safesteps.security.Role;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Who may do what to a campaign: its author writes and submits it; a campaign approver who is
 * not the author approves or rejects it (four eyes); only an admin marks it urgent; anyone of
 * them may cancel it until it is sent. Everyone acts only on campaigns whose countries are all
 * in their token.
 */
@Component
class CampaignWorkflow {

	private static final Duration NOW_SLACK = Duration.ofMinutes(10);

	private final Campaigns campaigns;

	private final Targets targets;

	private final CampaignMessages messages;

	private final ContentCatalog catalog;

	private final ServedCountries countries;

	CampaignWorkflow(Campaigns campaigns, Targets targets, CampaignMessages messages, ContentCatalog catalog,
			ServedCountries countries) {
		this.campaigns = campaigns;
		this.targets = targets;
		this.messages = messages;
		this.catalog = catalog;
		this.countries = countries;
	}

	Mono<Campaign> create(Caller caller, CampaignDraft draft) {
		check(caller, draft);
		return this.campaigns.create(caller.staffId(), draft);
	}

	Mono<Campaign> update(Caller caller, String id, CampaignDraft draft) {
		check(caller, draft);
		return ownedBy(caller, id).flatMap(campaign -> this.campaigns.replaceDraft(id, draft,
				entry("updated", caller, null)));
	}

	Mono<Campaign> submit(Caller caller, String id) {
		return ownedBy(caller, id).flatMap(campaign -> {
			checkSchedule(campaign.draft().schedule(), new ArrayList<>(), true);
			return this.campaigns.transition(id, List.of(CampaignStatus.DRAFT), CampaignStatus.PENDING_APPROVAL,
					entry("submitted", caller, null), new Update());
		});
	}

	Mono<Campaign> approve(Caller caller, String id) {
		return visible(caller, id).flatMap(campaign -> {
			if (campaign.author().equals(caller.staffId())) {
				return Mono.error(new ApiProblem(ProblemType.FOUR_EYES, Map.of("campaign", id), Map.of()));
			}
			// approved too late for its time: the author changes the time (after a rejection)
			checkSchedule(campaign.draft().schedule(), new ArrayList<>(), true);
			Instant now = this.campaigns.now();
			Instant first = DeliveryTimes.firstDue(campaign.draft().schedule());
			Instant startAt = first.isBefore(now) ? now : first;
			return this.campaigns.transition(id, List.of(CampaignStatus.PENDING_APPROVAL), CampaignStatus.SCHEDULED,
					entry("approved", caller, null), Update.update("startAt", java.util.Date.from(startAt)));
		});
	}

	Mono<Campaign> reject(Caller caller, String id, String reason) {
		return visible(caller, id).flatMap(campaign -> {
			if (campaign.author().equals(caller.staffId())) {
				return Mono.error(new ApiProblem(ProblemType.FOUR_EYES, Map.of("campaign", id), Map.of()));
			}
			return this.campaigns.transition(id, List.of(CampaignStatus.PENDING_APPROVAL), CampaignStatus.REJECTED,
					entry("rejected", caller, reason), new Update());
		});
	}

	Mono<Campaign> cancel(Caller caller, String id, String reason) {
		return visible(caller, id).flatMap(campaign -> this.campaigns.transition(id,
				EnumSet.complementOf(EnumSet.of(CampaignStatus.SENT, CampaignStatus.CANCELLED)),
				CampaignStatus.CANCELLED, entry("cancelled", caller, reason), new Update()));
	}

	/** A campaign whose countries are all the caller's; another's is not found, as if it did not exist. */
	Mono<Campaign> visible(Caller caller, String id) {
		return this.campaigns.find(id)
			.filter(campaign -> campaign.draft().target().countries().stream().allMatch(caller::mayRead))
			.switchIfEmpty(Mono.error(() -> ApiProblem.notFound("campaign", id)));
	}

	private Mono<Campaign> ownedBy(Caller caller, String id) {
		return visible(caller, id).flatMap(campaign -> campaign.author().equals(caller.staffId())
				? Mono.just(campaign) : Mono.error(new ApiProblem(ProblemType.NOT_AUTHOR, Map.of("campaign", id), Map.of())));
	}

	private Campaign.AuditEntry entry(String action, Caller caller, String note) {
		return new Campaign.AuditEntry(action, caller.staffId(), this.campaigns.now(), note);
	}

	private void check(Caller caller, CampaignDraft draft) {
		if (draft.isUrgent() && !caller.has(Role.ADMIN)) {
			throw new ApiProblem(ProblemType.URGENT_ADMIN_ONLY, Map.of(), Map.of());
		}
		List<ApiProblem.FieldError> errors = new ArrayList<>();
		CampaignDraft.Target target = draft.target();
		for (int i = 0; i < target.countries().size(); i++) {
			this.targets.checkCountry(target.countries().get(i), "target.countries[" + i + "]", errors);
		}
		for (int i = 0; i < target.regions().size(); i++) {
			if (!this.targets.isRegionOf(target.regions().get(i), target.countries())) {
				errors.add(new ApiProblem.FieldError("target.regions[" + i + "]",
						"must be a province-level region of a target country"));
			}
		}
		for (int i = 0; i < target.locales().size(); i++) {
			Targets.checkLocale(target.locales().get(i), "target.locales[" + i + "]", errors);
		}
		this.messages.check(draft.message(), "message", errors);
		checkDeepLink(draft.deepLink(), errors);
		checkSchedule(draft.schedule(), errors, false);
		if (!errors.isEmpty()) {
			throw ApiProblem.invalidFields(errors);
		}
		target.countries().forEach(caller::requireMayRead);
	}

	private void checkDeepLink(CampaignDraft.DeepLink link, List<ApiProblem.FieldError> errors) {
		if (link == null || link.kind() == null || link.id() == null) {
			return;
		}
		boolean known = switch (link.kind()) {
			case "lesson" -> this.catalog.lessonIds().contains(link.id());
			case "poll" -> this.catalog.pollIds().contains(link.id());
			default -> this.countries.isServed(link.id());
		};
		if (!known) {
			errors.add(new ApiProblem.FieldError("deepLink.id", "must name a " + link.kind()
					+ ("help".equals(link.kind()) ? " country SafeSteps serves, such as TH" : " that exists")));
		}
	}

	/**
	 * Exactly one of {@code at} and {@code localTime}, not yet past, checked again on submitting;
	 * {@code at} may be a few minutes past, which means now.
	 */
	private void checkSchedule(CampaignDraft.Schedule schedule, List<ApiProblem.FieldError> errors, boolean throwNow) {
		if ((schedule.at() == null) == (schedule.localTime() == null)) {
			errors.add(new ApiProblem.FieldError("schedule", "must give either at or localTime"));
		}
		else if (schedule.localTime() != null) {
			try {
				LocalDateTime.parse(schedule.localTime());
				if (DeliveryTimes.lastDue(schedule).isBefore(this.campaigns.now())) {
					errors.add(new ApiProblem.FieldError("schedule.localTime", "must not be in the past"));
				}
			}
			catch (DateTimeParseException ex) {
				errors.add(new ApiProblem.FieldError("schedule.localTime", "must be a real date and time"));
			}
		}
		else if (schedule.at().isBefore(this.campaigns.now().minus(NOW_SLACK))) {
			errors.add(new ApiProblem.FieldError("schedule.at", "must not be in the past"));
		}
		if (throwNow && !errors.isEmpty()) {
			throw ApiProblem.invalidFields(errors);
		}
	}

}
