package org.safesteps.campaigns;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.firebase.FirebaseApp;
import com.google.firebase.FirebaseOptions;
import com.google.firebase.ThreadManager;
import com.google.firebase.messaging.BatchResponse;
import com.google.firebase.messaging.FirebaseMessaging;
import com.google.firebase.messaging.FirebaseMessagingException;
import com.google.firebase.messaging.Message;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The Firebase Admin SDK, set up on first use so that a deployment that sends no campaigns needs
 * no credentials. Credentials come from a service-account file or Application Default Credentials;
 * with an endpoint (the local stub), requests go there instead of FCM with a placeholder token.
 * Its calls block: callers run them on {@code boundedElastic}.
 */
@Component
class FcmClient implements DisposableBean {

	static final String FCM_HOST = "https://fcm.googleapis.com";

	private final CampaignsProperties.Fcm properties;

	private final ObjectProvider<FcmStub> stub;

	private FirebaseApp app;

	private FirebaseMessaging messaging;

	FcmClient(CampaignsProperties properties, ObjectProvider<FcmStub> stub) {
		this.properties = properties.fcm();
		this.stub = stub;
	}

	BatchResponse sendEach(List<Message> messages) throws FirebaseMessagingException {
		return messaging().sendEach(messages);
	}

	private synchronized FirebaseMessaging messaging() {
		if (this.messaging == null) {
			this.app = FirebaseApp.initializeApp(options(), "safesteps-" + UUID.randomUUID());
			this.messaging = FirebaseMessaging.getInstance(this.app);
		}
		return this.messaging;
	}

	private FirebaseOptions options() {
		FcmStub local = this.stub.getIfAvailable();
		String endpoint = (local != null) ? local.endpoint() : this.properties.endpoint();
		FirebaseOptions.Builder options = FirebaseOptions.builder()
			.setThreadManager(new FixedThreads(this.properties.threads()))
			.setConnectTimeout(10_000)
			.setReadTimeout(30_000);
		boolean project = this.properties.projectId() != null && !this.properties.projectId().isBlank();
		if (project) {
			options.setProjectId(this.properties.projectId());
		}
		if (endpoint != null && !endpoint.isBlank()) {
			if (!project) {
				options.setProjectId("safesteps-local");
			}
			return options.setCredentials(placeholderCredentials())
				.setHttpTransport(new JdkHttpTransport(FCM_HOST, endpoint))
				.build();
		}
		return options.setCredentials(credentials()).setHttpTransport(new JdkHttpTransport(null, null)).build();
	}

	private GoogleCredentials credentials() {
		try {
			if (this.properties.credentialsFile() != null && !this.properties.credentialsFile().isBlank()) {
				try (InputStream in = new FileInputStream(this.properties.credentialsFile())) {
					return GoogleCredentials.fromStream(in);
				}
			}
			return GoogleCredentials.getApplicationDefault();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No Firebase credentials: set safesteps.campaigns.fcm.credentials-file "
					+ "or GOOGLE_APPLICATION_CREDENTIALS", ex);
		}
	}

	/** Credentials for a stub, which checks none: nothing is fetched from Google. */
	static GoogleCredentials placeholderCredentials() {
		return GoogleCredentials.create(new AccessToken("local-stub", Date.from(Instant.parse("2100-01-01T00:00:00Z"))));
	}

	@Override
	public synchronized void destroy() {
		if (this.app != null) {
			this.app.delete();
		}
	}

	/** A bounded pool: {@code sendEach} starts one request per message, and FCM takes them in parallel. */
	static final class FixedThreads extends ThreadManager {

		private final int threads;

		FixedThreads(int threads) {
			this.threads = threads;
		}

		@Override
		protected ExecutorService getExecutor(FirebaseApp app) {
			return Executors.newFixedThreadPool(this.threads, getThreadFactory());
		}

		@Override
		protected void releaseExecutor(FirebaseApp app, ExecutorService executor) {
			executor.shutdownNow();
		}

		@Override
		protected ThreadFactory getThreadFactory() {
			AtomicInteger count = new AtomicInteger();
			return runnable -> {
				Thread thread = new Thread(runnable, "fcm-" + count.incrementAndGet());
				thread.setDaemon(true);
				return thread;
			};
		}

	}

}
