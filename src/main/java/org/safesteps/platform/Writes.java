package org.safesteps.platform;

import reactor.core.publisher.Mono;

/**
 * Writes that go together run to the end once begun. A client that hangs up, or a request that
 * times out, cancels the request's chain; without this, a chain of writes stopped half-way could
 * leave a marker without its response, or an attempt without its activity record.
 */
public final class Writes {

	private Writes() {
	}

	/** The writes, run to completion even when the subscriber cancels. */
	public static <T> Mono<T> toCompletion(Mono<T> writes) {
		return Mono.deferContextual(context -> Mono.fromFuture(writes.contextWrite(context).toFuture(), true));
	}

}
