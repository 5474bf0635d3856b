package org.safesteps.campaigns;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

import org.safesteps.platform.ApiProblem;
import org.safesteps.platform.Page;
import org.safesteps.platform.PageRequest;
import org.safesteps.platform.QueryParameters;
import org.safesteps.security.Caller;
import org.safesteps.security.Role;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Campaign managers write campaigns, approvers approve them, and delivery reports how they went. */
@RestController
class CampaignController {

	private final CampaignWorkflow workflow;

	private final Campaigns campaigns;

	private final Deliveries deliveries;

	CampaignController(CampaignWorkflow workflow, Campaigns campaigns, Deliveries deliveries) {
		this.workflow = workflow;
		this.campaigns = campaigns;
		this.deliveries = deliveries;
	}

	@PostMapping(path = "/v1/campaigns", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<CampaignViews.CampaignView>> create(@Valid @RequestBody CampaignDraft draft, Caller caller) {
		return this.workflow.create(caller, draft)
			.map(campaign -> ResponseEntity.status(HttpStatus.CREATED)
				.header(HttpHeaders.LOCATION, "/v1/campaigns/" + campaign.id())
				.body(CampaignViews.CampaignView.of(campaign)));
	}

	@GetMapping(path = "/v1/campaigns", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<Page<CampaignViews.CampaignView>> list(@RequestParam Optional<String> status,
			@RequestParam Optional<String> page, @RequestParam Optional<String> size, Caller caller) {
		List<ApiProblem.FieldError> errors = new ArrayList<>();
		PageRequest paging = PageRequest.parse(page, size, errors);
		Optional<CampaignStatus> wanted = status.flatMap(value -> {
			try {
				return Optional.of(CampaignStatus.valueOf(value));
			}
			catch (IllegalArgumentException ex) {
				errors.add(new ApiProblem.FieldError("status", "must be one of " + List.of(CampaignStatus.values())));
				return Optional.empty();
			}
		});
		QueryParameters.rejectIfAny(errors);
		return this.campaigns.list(caller.has(Role.ADMIN) ? null : caller.countries(), wanted, paging)
			.map(found -> new Page<>(found.items()
				.stream()
				.filter(campaign -> campaign.draft().target().countries().stream().allMatch(caller::mayRead))
				.map(CampaignViews.CampaignView::of)
				.toList(), found.page(), found.size(), found.totalItems(), found.totalPages()));
	}

	@GetMapping(path = "/v1/campaigns/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<CampaignViews.CampaignView> one(@PathVariable String id, Caller caller) {
		return this.workflow.visible(caller, id).map(CampaignViews.CampaignView::of);
	}

	@PutMapping(path = "/v1/campaigns/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<CampaignViews.CampaignView> update(@PathVariable String id, @Valid @RequestBody CampaignDraft draft,
			Caller caller) {
		return this.workflow.update(caller, id, draft).map(CampaignViews.CampaignView::of);
	}

	@PostMapping(path = "/v1/campaigns/{id}/submit", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<CampaignViews.CampaignView> submit(@PathVariable String id, Caller caller) {
		return this.workflow.submit(caller, id).map(CampaignViews.CampaignView::of);
	}

	@PostMapping(path = "/v1/campaigns/{id}/approve", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<CampaignViews.CampaignView> approve(@PathVariable String id, Caller caller) {
		return this.workflow.approve(caller, id).map(CampaignViews.CampaignView::of);
	}

	@PostMapping(path = "/v1/campaigns/{id}/reject", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<CampaignViews.CampaignView> reject(@PathVariable String id,
			@Valid @RequestBody CampaignViews.Reason reason, Caller caller) {
		if (reason.reason() == null || reason.reason().isBlank()) {
			throw ApiProblem.invalidField("reason", "is required");
		}
		return this.workflow.reject(caller, id, reason.reason()).map(CampaignViews.CampaignView::of);
	}

	@PostMapping(path = "/v1/campaigns/{id}/cancel", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<CampaignViews.CampaignView> cancel(@PathVariable String id,
			@Valid @RequestBody(required = false) CampaignViews.Reason reason, Caller caller) {
		return this.workflow.cancel(caller, id, (reason != null) ? reason.reason() : null)
			.map(CampaignViews.CampaignView::of);
	}

	@GetMapping(path = "/v1/campaigns/{id}/stats", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<CampaignViews.CampaignStats> stats(@PathVariable String id, Caller caller) {
		return this.workflow.visible(caller, id)
			.flatMap(campaign -> this.deliveries.tally(id).map(tally -> CampaignViews.CampaignStats.of(campaign, tally)));
	}

}
