package org.safesteps.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * The service as a separate JVM in the local profile, on the embedded MongoDB with its data in a
 * folder of the test's: started, killed with SIGKILL or stopped with SIGTERM, and started again on
 * the same data. Tokens are signed with the dev key the service creates in that folder.
 */
public final class ServiceProcess implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final Path folder;

	private final List<String> extraArguments;

	private final int port;

	private final int managementPort;

	private final Path log;

	private Process process;


	public ServiceProcess(Path folder, String... extraArguments) {
		this.folder = folder;
		this.extraArguments = List.of(extraArguments);
		this.port = freePort();
		this.managementPort = freePort();
		this.log = folder.resolve("service.log");
	}

	/** Starts the JVM and waits until the service is healthy. */
	public ServiceProcess start() {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx384m", "-cp", System.getProperty("java.class.path"), "org.safesteps.SafeStepsApplication",
				"--spring.profiles.active=local", "--server.port=" + this.port,
				"--management.server.port=" + this.managementPort,
				"--safesteps.embedded-mongo.data-file=" + this.folder.resolve("data/safesteps.mv.db"),
				"--safesteps.security.dev-issuer.key-directory=" + this.folder.resolve("data/dev-issuer")));
		command.addAll(this.extraArguments);
		try {
			Files.createDirectories(this.folder);
			this.process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()))
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Instant deadline = Instant.now().plusSeconds(120);
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("The service exited: " + output());
			}
			try {
				HttpResponse<Void> health = HTTP.send(HttpRequest.newBuilder(managementUri("/actuator/health")).build(),
						HttpResponse.BodyHandlers.discarding());
				if (health.statusCode() == 200) {
					return this;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			sleep(100);
		}
		throw new IllegalStateException("The service did not become healthy: " + output());
	}

	/** SIGKILL: the process dies at once, as in a crash. */
	public void kill() {
		this.process.destroyForcibly();
		waitForExit();
	}

	/** SIGTERM: the service shuts down gracefully; returns its exit code. */
	public int terminate() {
		this.process.destroy();
		return waitForExit();
	}

	public boolean isAlive() {
		return this.process != null && this.process.isAlive();
	}

	public URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	public URI managementUri(String path) {
		return URI.create("http://127.0.0.1:" + this.managementPort + path);
	}

	public int port() {
		return this.port;
	}

	/** Everything the service wrote to its console, over all its starts. */
	public String output() {
		try {
			return Files.exists(this.log) ? Files.readString(this.log, StandardCharsets.UTF_8) : "";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A learner token of the local profile for this uid, signed with the service's dev key. */
	public String learnerToken(String uid) {
		Instant now = Instant.now();
		return sign(new JWTClaimsSet.Builder().issuer("https://securetoken.google.com/safesteps-local")
			.audience("safesteps-local")
			.subject(uid)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(Duration.ofMinutes(30))))
			.build());
	}

	/** A staff token of the local profile with one role. */
	public String staffToken(String role, String... countries) {
		Instant now = Instant.now();
		return sign(new JWTClaimsSet.Builder().issuer("https://staff.safesteps.local")
			.audience("safesteps-api")
			.subject("staff-" + role.toLowerCase())
			.claim("roles", List.of(role))
			.claim("countries", List.of(countries))
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(Duration.ofMinutes(30))))
			.build());
	}

	private String sign(JWTClaimsSet claims) {
		try {
			String pem = Files.readString(this.folder.resolve("data/dev-issuer/private-key.pem"))
				.replaceAll("-----[A-Z ]+-----", "")
				.replaceAll("\\s", "");
			RSAPrivateKey key = (RSAPrivateKey) KeyFactory.getInstance("RSA")
				.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).build(), claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot sign with the dev key", ex);
		}
	}

	private int waitForExit() {
		try {
			if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
				this.process.waitFor(10, TimeUnit.SECONDS);
			}
			return this.process.exitValue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		if (isAlive()) {
			kill();
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
