package org.safesteps.campaigns;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.LowLevelHttpRequest;
import com.google.api.client.http.LowLevelHttpResponse;

/**
 * The Firebase SDK's HTTP transport on the JDK's {@link HttpClient}. The SDK's default transport
 * rides on {@code HttpURLConnection}, which silently sends a POST again when a kept-alive
 * connection fails under it: FCM then delivers a message twice. This client never repeats a POST.
 * It can also send what is addressed to FCM to another host, the local stub.
 */
final class JdkHttpTransport extends HttpTransport {

	private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

	private final HttpClient client;

	private final String from;

	private final String to;

	/**
	 * @param from the start of the URLs to send elsewhere, or null
	 * @param to what replaces it
	 */
	JdkHttpTransport(String from, String to) {
		this.from = from;
		this.to = (to != null && to.endsWith("/")) ? to.substring(0, to.length() - 1) : to;
		this.client = HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(10))
			.version((to != null && to.startsWith("http:")) ? HttpClient.Version.HTTP_1_1 : HttpClient.Version.HTTP_2)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	@Override
	public boolean supportsMethod(String method) {
		return true;
	}

	@Override
	protected LowLevelHttpRequest buildRequest(String method, String url) {
		String target = (this.from != null && url.startsWith(this.from)) ? this.to + url.substring(this.from.length())
				: url;
		return new Request(method, URI.create(target));
	}

	private final class Request extends LowLevelHttpRequest {

		private final String method;

		private final HttpRequest.Builder builder;

		Request(String method, URI uri) {
			this.method = method;
			this.builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
		}

		@Override
		public void addHeader(String name, String value) {
			if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
				this.builder.header(name, value);
			}
		}

		@Override
		public void setTimeout(int connectTimeout, int readTimeout) {
			if (readTimeout > 0) {
				this.builder.timeout(Duration.ofMillis(readTimeout));
			}
		}

		@Override
		public LowLevelHttpResponse execute() throws IOException {
			HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
			if (getStreamingContent() != null) {
				ByteArrayOutputStream content = new ByteArrayOutputStream();
				getStreamingContent().writeTo(content);
				body = HttpRequest.BodyPublishers.ofByteArray(content.toByteArray());
				if (getContentType() != null) {
					this.builder.header("Content-Type", getContentType());
				}
				if (getContentEncoding() != null) {
					this.builder.header("Content-Encoding", getContentEncoding());
				}
			}
			try {
				return new Response(JdkHttpTransport.this.client.send(this.builder.method(this.method, body).build(),
						HttpResponse.BodyHandlers.ofByteArray()));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new InterruptedIOException("interrupted while waiting for FCM");
			}
		}

	}

	private static final class Response extends LowLevelHttpResponse {

		private final HttpResponse<byte[]> response;

		private final List<String[]> headers = new ArrayList<>();

		Response(HttpResponse<byte[]> response) {
			this.response = response;
			for (Map.Entry<String, List<String>> header : response.headers().map().entrySet()) {
				for (String value : header.getValue()) {
					this.headers.add(new String[] { header.getKey(), value });
				}
			}
		}

		@Override
		public InputStream getContent() {
			return new ByteArrayInputStream(this.response.body());
		}

		@Override
		public String getContentEncoding() {
			return this.response.headers().firstValue("content-encoding").orElse(null);
		}

		@Override
		public long getContentLength() {
			return this.response.body().length;
		}

		@Override
		public String getContentType() {
			return this.response.headers().firstValue("content-type").orElse(null);
		}

		@Override
		public String getStatusLine() {
			return "HTTP/1.1 " + this.response.statusCode();
		}

		@Override
		public int getStatusCode() {
			return this.response.statusCode();
		}

		@Override
		public String getReasonPhrase() {
			return null;
		}

		@Override
		public int getHeaderCount() {
			return this.headers.size();
		}

		@Override
		public String getHeaderName(int index) {
			return this.headers.get(index)[0];
		}

		@Override
		public String getHeaderValue(int index) {
			return this.headers.get(index)[1];
		}

	}

}
