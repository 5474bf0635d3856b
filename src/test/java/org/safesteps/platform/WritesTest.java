package org.safesteps.platform;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class WritesTest {

	/** What a client that hangs up half-way does to a request's chain of writes. */
	@Test
	void writesGoOnWhenTheRequestIsCancelled() {
		AtomicBoolean first = new AtomicBoolean();
		AtomicBoolean second = new AtomicBoolean();
		Mono<Void> writes = Mono.fromRunnable(() -> first.set(true))
			.then(Mono.delay(Duration.ofMillis(200)))
			.then(Mono.fromRunnable(() -> second.set(true)));

		Disposable request = Writes.toCompletion(writes).subscribe();
		await().atMost(Duration.ofSeconds(5)).untilTrue(first);
		request.dispose();

		await().atMost(Duration.ofSeconds(5)).untilTrue(second);
	}

	/** Without it, the same cancellation stops the writes half-way: what the test above guards against. */
	@Test
	void aPlainChainStopsHalfWay() throws InterruptedException {
		AtomicBoolean first = new AtomicBoolean();
		AtomicBoolean second = new AtomicBoolean();
		Mono<Void> writes = Mono.fromRunnable(() -> first.set(true))
			.then(Mono.delay(Duration.ofMillis(200)))
			.then(Mono.fromRunnable(() -> second.set(true)));

		Disposable request = writes.subscribe();
		await().atMost(Duration.ofSeconds(5)).untilTrue(first);
		request.dispose();

		Thread.sleep(600);
		assertThat(second).isFalse();
	}

}
