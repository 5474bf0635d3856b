package org.safesteps.support;

import java.time.Duration;

import org.springframework.test.web.reactive.server.WebTestClient;

/** A client for the management server (full health, metrics), which listens on a port of its own. */
public final class ManagementPort {

	private ManagementPort() {
	}

	public static WebTestClient client(int port) {
		return WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + port)
			.responseTimeout(Duration.ofSeconds(20))
			.build();
	}

}
