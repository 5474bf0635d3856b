package org.safesteps.platform;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import reactor.netty.DisposableServer;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * On shutdown: readiness turns DOWN and the service goes on serving for a short while (the
 * lame-duck period), so that every connection accepted before SIGTERM, even one still waiting in
 * the kernel's queue, is taken and answered; then it stops accepting (new connections are
 * refused) and lets the connections it has send their requests and get their answers, up to a
 * limit; only then does Spring Boot's graceful shutdown close the server. Without this, a
 * connection accepted just before SIGTERM whose request had not been read yet was reset.
 */
@Component
class ConnectionDrain implements SmartLifecycle, NettyServerCustomizer {

	private final List<DisposableServer> servers = new CopyOnWriteArrayList<>();

	private final AtomicInteger connections = new AtomicInteger();

	private final Duration drainTimeout;

	private final Duration lameDuck;

	private volatile boolean running;

	ConnectionDrain(RequestLimitsProperties limits) {
		this.drainTimeout = limits.shutdownDrainTimeout();
		this.lameDuck = limits.shutdownLameDuck();
	}

	@Override
	public reactor.netty.http.server.HttpServer apply(reactor.netty.http.server.HttpServer server) {
		return server.doOnBound(this.servers::add).doOnConnection(connection -> {
			this.connections.incrementAndGet();
			connection.onDispose(this.connections::decrementAndGet);
		});
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		sleep(this.lameDuck);
		this.servers.forEach(server -> server.channel().close().syncUninterruptibly());
		long deadline = System.nanoTime() + this.drainTimeout.toNanos();
		while (this.connections.get() > 0 && System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
			sleep(Duration.ofMillis(20));
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Before the web server's graceful shutdown, which stops in a lower phase. */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}

}
