package org.safesteps.classroom;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.stereotype.Component;

/**
 * What keeps a listening teacher up to date: an answer taken by this instance nudges its
 * session's listeners at once; answers taken by other instances are seen by re-reading the
 * session every {@code safesteps.classroom.refresh-interval} while someone listens. No change
 * stream is held open (the embedded server busy-polls them), and with no listener nothing runs.
 */
@Component
class LiveResults {

	private final Map<String, Sinks.Many<Boolean>> nudges = new ConcurrentHashMap<>();

	/** Something in the session changed here. */
	void changed(String sessionId) {
		Sinks.Many<Boolean> sink = this.nudges.get(sessionId);
		if (sink != null) {
			// best effort: a nudge lost to a concurrent one is caught by the next refresh
			sink.tryEmitNext(Boolean.TRUE);
		}
	}

	/** {@code read} now, on every nudge and every {@code refresh}, for as long as the subscriber listens. */
	<T> Flux<T> follow(String sessionId, Duration refresh, Supplier<Mono<T>> read) {
		return Flux.defer(() -> {
			Sinks.Many<Boolean> sink = this.nudges.computeIfAbsent(sessionId,
					id -> Sinks.many().multicast().directBestEffort());
			return Flux.merge(Flux.just(Boolean.TRUE), sink.asFlux(), Flux.interval(refresh).map(tick -> Boolean.TRUE))
				.onBackpressureLatest()
				.concatMap(tick -> read.get(), 1)
				.doFinally(signal -> {
					if (sink.currentSubscriberCount() == 0) {
						this.nudges.remove(sessionId, sink);
					}
				});
		});
	}

}
