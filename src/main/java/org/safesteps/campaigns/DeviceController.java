package org.safesteps.campaigns;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

import org.safesteps.platform.ApiProblem;
import org.safesteps.platform.RateLimit;
import org.safesteps.platform.RateLimiter;
import org.safesteps.platform.Writes;
import org.safesteps.privacy.Erasure;
import org.safesteps.security.Caller;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Apps register their device to receive campaigns; no response ever carries the token. */
@RestController
class DeviceController {

	private final Devices devices;

	private final Targets targets;

	private final RateLimiter limiter;

	private final Erasure erasure;

	DeviceController(Devices devices, Targets targets, RateLimiter limiter, Erasure erasure) {
		this.devices = devices;
		this.targets = targets;
		this.limiter = limiter;
		this.erasure = erasure;
	}

	@PostMapping(path = "/v1/devices", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<Device.View>> register(@Valid @RequestBody DeviceRegistration registration, Caller caller) {
		check(registration);
		this.limiter.consume(RateLimit.DEVICE_REGISTRATIONS, caller.learnerKey());
		return Writes.toCompletion(this.devices.register(caller.learnerKey(), registration)
			.flatMap(registered -> this.erasure.confirmNotErased(caller.learnerKey()).thenReturn(registered)))
			.map(registered -> ResponseEntity.status(registered.created() ? HttpStatus.CREATED : HttpStatus.OK)
				.header(HttpHeaders.LOCATION, "/v1/devices/" + registered.device().id())
				.body(Device.View.of(registered.device())));
	}

	@PutMapping(path = "/v1/devices/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<Device.View> refresh(@PathVariable String id, @Valid @RequestBody DeviceRegistration registration,
			Caller caller) {
		check(registration);
		this.limiter.consume(RateLimit.DEVICE_REGISTRATIONS, caller.learnerKey());
		return Writes.toCompletion(this.devices.refresh(caller.learnerKey(), id, registration)
			.flatMap(device -> this.erasure.confirmNotErased(caller.learnerKey()).thenReturn(device)))
			.map(Device.View::of);
	}

	@DeleteMapping("/v1/devices/{id}")
	Mono<ResponseEntity<Void>> unregister(@PathVariable String id, Caller caller) {
		return Writes.toCompletion(this.devices.unregister(caller.learnerKey(), id))
			.then(Mono.just(ResponseEntity.noContent().build()));
	}

	private void check(DeviceRegistration registration) {
		List<ApiProblem.FieldError> errors = new ArrayList<>();
		this.targets.check(registration, errors);
		if (!errors.isEmpty()) {
			throw ApiProblem.invalidFields(errors);
		}
	}

}
