package org.safesteps.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxBodyBytes the largest JSON request body accepted; larger bodies get 413
 */
@ConfigurationProperties("safesteps.http")
record RequestLimitsProperties(@DefaultValue("65536") int maxBodyBytes) {
}
