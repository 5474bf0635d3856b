package org.safesteps.campaigns;

import reactor.core.publisher.Mono;

import org.safesteps.privacy.LearnerErasure;
import org.springframework.stereotype.Component;

/**
 * A learner's devices are the only learner-keyed data of campaigns. Delivery records name a
 * device id, which is random and, once the device is gone, leads to nobody.
 */
@Component
class DeviceErasure implements LearnerErasure {

	private final Devices devices;

	DeviceErasure(Devices devices) {
		this.devices = devices;
	}

	@Override
	public Mono<Void> eraseLearner(String learnerKey) {
		return this.devices.removeAllOf(learnerKey);
	}

}
