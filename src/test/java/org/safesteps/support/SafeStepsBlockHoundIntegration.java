package org.safesteps.support;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Known, harmless blocking inside libraries, on their own threads: {@code UUID.randomUUID()}
 * reads the OS entropy pool, which the MongoDB driver does when it opens a server session, and
 * the driver guards its connection state with short internal locks. Everything else that
 * blocks on an event loop fails the test that caused it.
 */
public class SafeStepsBlockHoundIntegration implements BlockHoundIntegration {

	@Override
	public void applyTo(BlockHound.Builder builder) {
		builder.allowBlockingCallsInside("java.util.UUID", "randomUUID");
		// Caffeine spins (Thread.onSpinWait, a CPU hint, not a wait) while its write buffer drains
		builder.allowBlockingCallsInside("com.github.benmanes.caffeine.cache.BoundedLocalCache", "afterWrite");
		// Jackson locks its deserializer cache while it builds a type's deserializer, once per type
		builder.allowBlockingCallsInside("tools.jackson.databind.deser.DeserializerCache", "_createAndCacheValueDeserializer");
		for (String method : new String[] { "withLock", "checkedWithLock", "withInterruptibleLock",
				"checkedWithInterruptibleLock", "lockInterruptibly" }) {
			builder.allowBlockingCallsInside("com.mongodb.internal.Locks", method);
		}
	}

}
