package org.safesteps.campaigns;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Devices not seen for 270 days go: FCM deems their tokens stale by then. Every instance may run
 * it: it is idempotent.
 */
@Component
class DeviceRetention {

	private static final Logger log = LoggerFactory.getLogger(DeviceRetention.class);

	private final Devices devices;

	DeviceRetention(Devices devices) {
		this.devices = devices;
	}

	@Scheduled(fixedDelayString = "${safesteps.campaigns.retention-interval:1h}")
	Mono<Void> scheduled() {
		return this.devices.removeStale().doOnNext(removed -> {
			if (removed > 0) {
				log.info("Device retention removed {} devices not seen for the retention period", removed);
			}
		}).onErrorResume(ex -> {
			log.warn("Device retention could not run ({}); it will run again", ex.getClass().getSimpleName());
			return Mono.empty();
		}).then();
	}

}
