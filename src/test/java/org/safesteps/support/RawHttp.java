package org.safesteps.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests no HTTP client library will send: bytes that are not
 * ASCII in headers, paths with {@code ..} or {@code %00}, unknown methods, over-long lines.
 */
public final class RawHttp {

	/** The status of a response that never came: the server closed the connection without answering. */
	public static final int CLOSED = -1;

	private RawHttp() {
	}

	/** Sends the request head (and body) as given, with {@code Connection: close}, and reads the whole answer. */
	public static Response send(int port, String requestLine, Map<String, byte[]> headers, byte[] body) {
		ByteArrayOutputStream request = new ByteArrayOutputStream();
		write(request, (requestLine + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n").getBytes(StandardCharsets.ISO_8859_1));
		headers.forEach((name, value) -> {
			write(request, (name + ": ").getBytes(StandardCharsets.ISO_8859_1));
			write(request, value);
			write(request, "\r\n".getBytes(StandardCharsets.ISO_8859_1));
		});
		if (body != null) {
			write(request, ("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
		}
		write(request, "\r\n".getBytes(StandardCharsets.ISO_8859_1));
		if (body != null) {
			write(request, body);
		}
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(15_000);
			socket.getOutputStream().write(request.toByteArray());
			ByteArrayOutputStream answer = new ByteArrayOutputStream();
			try {
				socket.getInputStream().transferTo(answer);
			}
			catch (IOException ex) {
				// the server closed the connection after (or instead of) answering: keep what arrived
				if (answer.size() == 0) {
					return new Response(CLOSED, Map.of(), ex.getClass().getSimpleName() + ": " + ex.getMessage());
				}
			}
			return parse(answer.toByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static Response get(int port, String path, Map<String, byte[]> headers) {
		return send(port, "GET " + path + " HTTP/1.1", headers, null);
	}

	public static byte[] utf8(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

	private static Response parse(byte[] raw) {
		String text = new String(raw, StandardCharsets.ISO_8859_1);
		int end = text.indexOf("\r\n\r\n");
		if (end < 0) {
			return new Response(0, Map.of(), "");
		}
		String[] lines = text.substring(0, end).split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			headers.put(lines[i].substring(0, colon).toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
		}
		String body = new String(raw, end + 4, raw.length - end - 4, StandardCharsets.UTF_8);
		return new Response(status, headers, body);
	}

	private static void write(ByteArrayOutputStream out, byte[] bytes) {
		out.write(bytes, 0, bytes.length);
	}

	/** @param headers by lower-case name */
	public record Response(int status, Map<String, String> headers, String body) {

		public String header(String name) {
			return this.headers.get(name.toLowerCase(Locale.ROOT));
		}

	}

}
