package org.safesteps.platform;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;

import reactor.netty.channel.AbortedException;

/**
 * Failures that only mean the client closed its connection, or sent its request too slowly:
 * never an error of the service.
 */
final class ClientAborts {

	private ClientAborts() {
	}

	/** The request did not arrive within the read or request timeout. */
	static boolean isTimeout(Throwable ex) {
		for (Throwable current = ex; current != null && current.getCause() != current; current = current.getCause()) {
			if (current instanceof io.netty.handler.timeout.ReadTimeoutException
					|| current.getClass().getName().equals("reactor.netty.http.server.RequestTimeoutException")) {
				return true;
			}
		}
		return false;
	}

	static boolean isAbort(Throwable ex) {
		for (Throwable current = ex; current != null; current = current.getCause()) {
			if (current instanceof AbortedException || current instanceof ClosedChannelException
					|| current.getClass().getSimpleName().equals("PrematureCloseException")) {
				return true;
			}
			if (current instanceof IOException io && io.getMessage() != null
					&& (io.getMessage().contains("Connection reset") || io.getMessage().contains("Broken pipe"))) {
				return true;
			}
			if (current.getCause() == current) {
				break;
			}
		}
		return false;
	}

}
