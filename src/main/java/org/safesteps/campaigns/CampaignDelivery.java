package org.safesteps.campaigns;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import com.google.firebase.messaging.BatchResponse;
import com.google.firebase.messaging.FirebaseMessagingException;
import com.google.firebase.messaging.MessagingErrorCode;
import com.google.firebase.messaging.SendResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.safesteps.campaigns.Deliveries.Chunk;
import org.safesteps.campaigns.Deliveries.Outcome;
import org.safesteps.localization.ResolvedLocale;
import org.safesteps.platform.Leases;
import org.safesteps.platform.Writes;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends campaigns, on every instance at once. A due campaign is planned by one instance: its
 * devices are picked, each is given the moment it is due (its own clock time for a local-time
 * schedule, the end of quiet hours when that falls in them) and cut into chunks. Instances then
 * claim chunks under a lease, write each device's record, send with {@code sendEach}, retry what
 * FCM asks to, and settle the records. Every round marks sent the campaigns with no chunk left.
 * Stopping finishes the chunks in hand first.
 */
@Component
class CampaignDelivery implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(CampaignDelivery.class);

	/** How long stopping waits for the chunks in hand; what is left then goes to another instance after its lease. */
	private static final Duration STOP_WAIT = Duration.ofSeconds(20);

	private final Campaigns campaigns;

	private final Deliveries deliveries;

	private final Devices devices;

	private final DeliveryTimes times;

	private final CampaignMessages messages;

	private final FcmClient fcm;

	private final CampaignsProperties properties;

	private final Clock clock;

	private final String owner;

	private final AtomicInteger busy = new AtomicInteger();

	private volatile boolean stopping;

	private volatile boolean lastRoundFailed;

	private volatile Scheduler scheduler;

	private volatile Disposable running;

	CampaignDelivery(Campaigns campaigns, Deliveries deliveries, Devices devices, DeliveryTimes times,
			CampaignMessages messages, FcmClient fcm, CampaignsProperties properties, Clock clock, Leases leases) {
		this.campaigns = campaigns;
		this.deliveries = deliveries;
		this.devices = devices;
		this.times = times;
		this.messages = messages;
		this.fcm = fcm;
		this.properties = properties;
		this.clock = clock;
		this.owner = leases.owner();
	}

	@Override
	public void start() {
		this.stopping = false;
		this.scheduler = Schedulers.newSingle("campaign-delivery", true);
		this.running = Flux.interval(this.properties.delivery().pollInterval(), this.scheduler)
			.onBackpressureDrop()
			.concatMap(tick -> round(), 1)
			.subscribe(null, ex -> log.error("Campaign delivery stopped", ex));
	}

	/** Plans what is due and sends what is claimable; never fails. */
	Mono<Void> round() {
		return Mono.defer(() -> this.deliveries.ensureIndexes()
			.then(planDue())
			.then(this.campaigns.sending().concatMap(campaign -> finishIfDone(campaign.id())).then())
			.then(Flux.range(0, this.properties.delivery().concurrency())
				.flatMap(worker -> drain(), this.properties.delivery().concurrency())
				.then()))
			.doOnSuccess(done -> {
				if (this.lastRoundFailed) {
					log.info("Campaign delivery works again");
				}
				this.lastRoundFailed = false;
			})
			.onErrorResume(ex -> {
				if (!this.lastRoundFailed) {
					log.warn("Campaign delivery failed; it will be retried", ex);
				}
				this.lastRoundFailed = true;
				return Mono.empty();
			});
	}

	private Mono<Void> planDue() {
		return this.campaigns.dueToPlan()
			.concatMap(due -> this.campaigns.claimPlanning(due, this.owner, leaseEnd()).flatMap(this::plan))
			.then();
	}

	/** Picks the campaign's devices, gives each its due moment, and cuts them into chunks. */
	private Mono<Void> plan(Campaign campaign) {
		CampaignDraft draft = campaign.draft();
		return this.devices.activeIn(draft.target().countries())
			.filter(device -> matches(draft.target(), device))
			.collectList()
			.flatMap(targeted -> {
				targeted.sort(Comparator.comparing(Device::id));
				Map<Instant, List<String>> byDue = new TreeMap<>();
				long deferred = 0;
				for (Device device : targeted) {
					Instant due = DeliveryTimes.due(draft.schedule(), device.zone());
					Optional<Instant> quietEnd = draft.isUrgent() ? Optional.empty()
							: this.times.quietUntil(due, device.zone());
					if (quietEnd.isPresent()) {
						due = quietEnd.get();
						deferred++;
					}
					byDue.computeIfAbsent(due, key -> new ArrayList<>()).add(device.id());
				}
				long deferredCount = deferred;
				log.info("Campaign {} planned: {} devices, {} deferred for quiet hours", campaign.id(), targeted.size(),
						deferredCount);
				return this.deliveries.addChunks(chunks(campaign.id(), "", byDue))
					.then(this.campaigns.planned(campaign.id(), targeted.size(), deferredCount))
					.then(finishIfDone(campaign.id()));
			});
	}

	private List<Chunk> chunks(String campaign, String prefix, Map<Instant, List<String>> byDue) {
		int size = this.properties.delivery().chunkSize();
		List<Chunk> chunks = new ArrayList<>();
		byDue.forEach((due, ids) -> {
			for (int from = 0; from < ids.size(); from += size) {
				String id = campaign + prefix + "-" + due.getEpochSecond() + "-" + (from / size);
				chunks.add(new Chunk(id, campaign, due, List.copyOf(ids.subList(from, Math.min(ids.size(), from + size))),
						Chunk.WAITING));
			}
		});
		return chunks;
	}

	static boolean matches(CampaignDraft.Target target, Device device) {
		// the lists are immutable copies, which refuse contains(null): a device may have no region or age band
		return (target.regions().isEmpty() || (device.region() != null && target.regions().contains(device.region())))
				&& (target.audiences().isEmpty() || target.audiences().contains(device.audience()))
				&& (target.ageBands().isEmpty()
						|| (device.ageBand() != null && target.ageBands().contains(device.ageBand())))
				&& (target.locales().isEmpty() || target.locales().stream()
					.anyMatch(locale -> ResolvedLocale.truncations(device.locale()).contains(locale)));
	}

	/** Claims and sends chunks until none is left or the instance stops. */
	private Mono<Void> drain() {
		if (this.stopping) {
			return Mono.empty();
		}
		return this.deliveries.claim(this.owner, this.clock.instant(), leaseEnd())
			.flatMap(claimed -> {
				Chunk chunk = claimed.chunk();
				if (this.stopping) {
					return this.deliveries.release(chunk, this.owner).thenReturn(false);
				}
				this.busy.incrementAndGet();
				// a chunk begun runs to its end: stopping, or another chunk failing, must not cut it off
				return Writes.toCompletion(send(chunk, claimed.fresh())).onErrorResume(ex -> {
					log.warn("Campaign chunk {} failed; another instance takes it over when its lease ends", chunk.id(),
							ex);
					return Mono.empty();
				}).doFinally(signal -> this.busy.decrementAndGet()).thenReturn(true);
			})
			.filter(sent -> sent)
			.flatMap(sent -> drain());
	}

	/** Sends a chunk; one taken over from a dead instance first looks for what that one had recorded. */
	private Mono<Void> send(Chunk chunk, boolean fresh) {
		log.debug("Chunk {} of {} devices claimed by {}", chunk.id(), chunk.devices().size(), this.owner);
		return this.campaigns.find(chunk.campaign()).flatMap(campaign -> {
			if (campaign.status() == CampaignStatus.CANCELLED) {
				return this.deliveries.done(chunk, this.owner, Map.of(), 0);
			}
			Mono<Map<String, Outcome>> before = fresh ? Mono.just(Map.of())
					: this.deliveries.recorded(campaign.id(), chunk.devices());
			return before.flatMap(recorded -> {
				Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
				List<String> interrupted = new ArrayList<>();
				recorded.forEach((device, outcome) -> {
					if (outcome == Outcome.SENT) {
						interrupted.add(device);
					}
					else {
						counts.merge(outcome, 1, Integer::sum);
					}
				});
				if (!interrupted.isEmpty()) {
					log.warn("Campaign {}: {} messages were being sent by an instance that stopped; they are not sent again",
							campaign.id(), interrupted.size());
					counts.merge(Outcome.UNCONFIRMED, interrupted.size(), Integer::sum);
				}
				Set<String> remaining = new LinkedHashSet<>(chunk.devices());
				remaining.removeAll(recorded.keySet());
				return this.deliveries.settle(campaign.id(), Map.of(Outcome.UNCONFIRMED, interrupted), this.clock.instant())
					.then(this.devices.byIds(remaining).collectMap(Device::id))
					.flatMap(found -> dispatch(campaign, chunk, List.copyOf(remaining), found, counts));
			});
		});
	}

	private Mono<Void> dispatch(Campaign campaign, Chunk chunk, List<String> remaining, Map<String, Device> found,
			Map<Outcome, Integer> counts) {
		Instant now = this.clock.instant();
		CampaignDraft draft = campaign.draft();
		List<String> gone = new ArrayList<>();
		List<String> capped = new ArrayList<>();
		List<Device> due = new ArrayList<>();
		Map<Instant, List<String>> deferred = new TreeMap<>();
		for (String id : remaining) {
			Device device = found.get(id);
			if (device == null || !device.active()) {
				gone.add(id);
				continue;
			}
			Optional<Instant> quietEnd = draft.isUrgent() ? Optional.empty() : this.times.quietUntil(now, device.zone());
			if (quietEnd.isPresent()) {
				deferred.computeIfAbsent(quietEnd.get(), key -> new ArrayList<>()).add(id);
			}
			else if (device.isChild() && capReached(device, now)) {
				capped.add(id);
			}
			else {
				due.add(device);
			}
		}
		int deferredCount = deferred.values().stream().mapToInt(List::size).sum();
		return this.deliveries.record(campaign.id(), gone, Outcome.UNREGISTERED, now)
			.doOnNext(taken -> counts.merge(Outcome.UNREGISTERED, gone.size() - taken.size(), Integer::sum))
			.then(this.deliveries.record(campaign.id(), capped, Outcome.SKIPPED_BY_CAP, now))
			.doOnNext(taken -> counts.merge(Outcome.SKIPPED_BY_CAP, capped.size() - taken.size(), Integer::sum))
			.then(this.deliveries.record(campaign.id(), due.stream().map(Device::id).toList(), Outcome.SENT, now))
			.flatMap(taken -> {
				List<Device> mine = due.stream().filter(device -> !taken.contains(device.id())).toList();
				return sendWithRetries(campaign, chunk, mine);
			})
			.flatMap(results -> {
				Instant settled = this.clock.instant();
				results.forEach((outcome, ids) -> counts.merge(outcome, ids.size(), Integer::sum));
				List<String> sentToChildren = results.getOrDefault(Outcome.SENT, List.of())
					.stream()
					.filter(id -> found.get(id).isChild())
					.toList();
				Map<Outcome, List<String>> failures = new EnumMap<>(results);
				failures.remove(Outcome.SENT);
				return this.deliveries.settle(campaign.id(), failures, settled)
					.then(this.devices.deactivate(results.getOrDefault(Outcome.INVALID_TOKEN, List.of())
						.stream()
						.map(found::get)
						.toList()))
					.then(this.devices.noteSent(sentToChildren, settled));
			})
			.then(this.deliveries.addChunks(chunks(campaign.id(), "~" + chunk.id().substring(campaign.id().length()), deferred)))
			.then(Mono.defer(() -> this.deliveries.done(chunk, this.owner, counts, deferredCount)))
			.doOnSuccess(done -> log.debug("Chunk {} done by {}: {}", chunk.id(), this.owner, counts));
	}

	private boolean capReached(Device device, Instant now) {
		Instant since = now.minus(this.properties.frequencyWindow());
		return device.recentSends().stream().filter(sent -> sent.isAfter(since)).count() >= this.properties.frequencyCap();
	}

	/** Sends, then sends again what FCM asks to retry, with backoff, up to the attempt limit. */
	private Mono<Map<Outcome, List<String>>> sendWithRetries(Campaign campaign, Chunk chunk, List<Device> due) {
		Map<Outcome, List<String>> results = new EnumMap<>(Outcome.class);
		return attempt(campaign, chunk, due, 1, results).thenReturn(results);
	}

	private Mono<Void> attempt(Campaign campaign, Chunk chunk, List<Device> due, int attempt,
			Map<Outcome, List<String>> results) {
		if (due.isEmpty()) {
			return Mono.empty();
		}
		List<com.google.firebase.messaging.Message> batch = due.stream()
			.map(device -> this.messages.build(campaign, device,
					this.messages.text(campaign.draft().message(), device.locale()).orElseThrow()))
			.toList();
		return Mono.fromCallable(() -> this.fcm.sendEach(batch))
			.subscribeOn(Schedulers.boundedElastic())
			.map(response -> classify(campaign, due, response, results))
			// the whole call failed (no credentials, say) before any message went out: all again
			.onErrorResume(FirebaseMessagingException.class, ex -> Mono.just(new Again(due, retryAfter(ex))))
			.onErrorResume(ex -> !(ex instanceof FirebaseMessagingException), ex -> {
				log.warn("Campaign {}: FCM could not be called ({}); it is tried again", campaign.id(),
						ex.getClass().getSimpleName());
				return Mono.just(new Again(due, Duration.ZERO));
			})
			.flatMap(again -> {
				if (again.devices().isEmpty()) {
					return Mono.empty();
				}
				if (attempt >= this.properties.delivery().maxAttempts()) {
					results.computeIfAbsent(Outcome.FAILED, key -> new ArrayList<>())
						.addAll(again.devices().stream().map(Device::id).toList());
					return Mono.empty();
				}
				return Mono.delay(backoff(attempt, again.retryAfter()))
					.then(this.deliveries.renew(chunk, this.owner, leaseEnd()))
					.flatMap(held -> held ? attempt(campaign, chunk, again.devices(), attempt + 1, results)
							: Mono.error(new IllegalStateException("lost the lease on chunk " + chunk.id())));
			});
	}

	private Again classify(Campaign campaign, List<Device> due, BatchResponse response,
			Map<Outcome, List<String>> results) {
		List<Device> again = new ArrayList<>();
		Duration retryAfter = Duration.ZERO;
		List<SendResponse> responses = response.getResponses();
		for (int i = 0; i < responses.size(); i++) {
			SendResponse sent = responses.get(i);
			Device device = due.get(i);
			if (sent.isSuccessful()) {
				results.computeIfAbsent(Outcome.SENT, key -> new ArrayList<>()).add(device.id());
				continue;
			}
			FirebaseMessagingException error = sent.getException();
			switch (classify(error)) {
				case INVALID -> results.computeIfAbsent(Outcome.INVALID_TOKEN, key -> new ArrayList<>()).add(device.id());
				case YES -> {
					log.debug("Campaign {}: FCM asks to retry ({}, {})", campaign.id(), error.getMessagingErrorCode(),
							error.getErrorCode());
					again.add(device);
					Duration asked = retryAfter(error);
					retryAfter = asked.compareTo(retryAfter) > 0 ? asked : retryAfter;
				}
				case NO -> {
					log.debug("Campaign {}: FCM did not take a message ({}, {})", campaign.id(),
							error.getMessagingErrorCode(), error.getErrorCode());
					results.computeIfAbsent(Outcome.FAILED, key -> new ArrayList<>()).add(device.id());
				}
			}
		}
		return new Again(again, retryAfter);
	}

	/**
	 * Dead tokens, errors worth another try, and the rest. Only an answer from FCM that it did not
	 * take the message (quota, unavailable, internal) is retried: a request that got no answer at
	 * all may have been delivered, and sending it again could reach a child twice.
	 */
	static Retry classify(FirebaseMessagingException error) {
		MessagingErrorCode code = error.getMessagingErrorCode();
		if (code == MessagingErrorCode.UNREGISTERED || code == MessagingErrorCode.SENDER_ID_MISMATCH) {
			return Retry.INVALID;
		}
		if (code == MessagingErrorCode.INVALID_ARGUMENT) {
			String message = String.valueOf(error.getMessage());
			return message.contains("registration token") ? Retry.INVALID : Retry.NO;
		}
		if (error.getHttpResponse() == null) {
			return Retry.NO;
		}
		if (code == MessagingErrorCode.QUOTA_EXCEEDED || code == MessagingErrorCode.UNAVAILABLE
				|| code == MessagingErrorCode.INTERNAL) {
			return Retry.YES;
		}
		int status = error.getHttpResponse().getStatusCode();
		return (code == null && (status == 429 || status == 500 || status == 503)) ? Retry.YES : Retry.NO;
	}

	/** FCM's {@code Retry-After}, in seconds, when it sent one. */
	static Duration retryAfter(FirebaseMessagingException error) {
		if (error.getHttpResponse() == null) {
			return Duration.ZERO;
		}
		for (Map.Entry<String, Object> header : error.getHttpResponse().getHeaders().entrySet()) {
			if ("retry-after".equalsIgnoreCase(header.getKey())) {
				Object value = header.getValue();
				String text = (value instanceof List<?> list && !list.isEmpty()) ? String.valueOf(list.get(0))
						: String.valueOf(value);
				try {
					return Duration.ofSeconds(Long.parseLong(text.trim()));
				}
				catch (NumberFormatException ex) {
					return Duration.ZERO;
				}
			}
		}
		return Duration.ZERO;
	}

	/** Exponential with jitter (half to all of the step), never shorter than FCM asked, never beyond the cap. */
	Duration backoff(int attempt, Duration retryAfter) {
		CampaignsProperties.Delivery delivery = this.properties.delivery();
		long step = delivery.backoffBase().toMillis() << Math.min(attempt - 1, 20);
		long jittered = step / 2 + ThreadLocalRandom.current().nextLong(step / 2 + 1);
		long wait = Math.max(jittered, retryAfter.toMillis());
		// well inside the chunk's lease, which is renewed after each wait
		long longest = Math.min(delivery.backoffMax().toMillis(), delivery.leaseTtl().toMillis() / 3);
		return Duration.ofMillis(Math.min(wait, longest));
	}

	private Mono<Void> finishIfDone(String campaign) {
		return this.deliveries.tally(campaign)
			.filter(tally -> tally.chunksOpen() == 0)
			.flatMap(tally -> this.campaigns.find(campaign))
			.filter(current -> current.materialized() && current.status() == CampaignStatus.SENDING)
			.flatMap(current -> this.campaigns.sent(campaign)
				.doOnSuccess(done -> log.info("Campaign {} sent", campaign)));
	}

	private Instant leaseEnd() {
		return this.clock.instant().plus(this.properties.delivery().leaseTtl());
	}

	@Override
	public void stop() {
		this.stopping = true;
		long deadline = System.nanoTime() + STOP_WAIT.toNanos();
		while (this.busy.get() > 0 && System.nanoTime() < deadline) {
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		Disposable current = this.running;
		if (current != null) {
			current.dispose();
		}
		this.running = null;
		if (this.scheduler != null) {
			this.scheduler.dispose();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running != null;
	}

	enum Retry {

		INVALID, YES, NO

	}

	private record Again(List<Device> devices, Duration retryAfter) {
	}

}
