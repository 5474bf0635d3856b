package org.safesteps.privacy;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param tombstoneTtl how long after an erasure a write for the same learner is undone and
 * refused: longer than any request can be in flight
 */
@ConfigurationProperties("safesteps.erasure")
record ErasureProperties(@DefaultValue("10m") Duration tombstoneTtl) {
}
