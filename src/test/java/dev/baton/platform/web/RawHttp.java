package dev.baton.platform.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Sends bytes as they are over a socket, for requests that a well-behaved client library refuses
 * to send (a raw NUL escape in the path, a header of 20 KB), and reads the answer.
 */
final class RawHttp {

	private RawHttp() {
	}

	static Answer send(int port, String requestHead, byte[] body) {
		try (var socket = new Socket("localhost", port)) {
			socket.setSoTimeout(20_000);
			var out = socket.getOutputStream();
			out.write(requestHead.getBytes(StandardCharsets.ISO_8859_1));
			if (body != null) {
				out.write(body);
			}
			out.flush();
			var bytes = new ByteArrayOutputStream();
			socket.getInputStream().transferTo(bytes);
			return Answer.parse(bytes.toString(StandardCharsets.UTF_8));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A request line and headers, closing the connection after the answer. */
	static String head(String method, String target, Map<String, String> headers, int contentLength) {
		var head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\nHost: localhost\r\n");
		headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
		if (contentLength >= 0) {
			head.append("Content-Length: ").append(contentLength).append("\r\n");
		}
		return head.append("Connection: close\r\n\r\n").toString();
	}

	record Answer(int status, Map<String, String> headers, String body) {

		static Answer parse(String raw) {
			var split = raw.indexOf("\r\n\r\n");
			var head = split < 0 ? raw : raw.substring(0, split);
			var body = split < 0 ? "" : raw.substring(split + 4);
			var lines = head.split("\r\n");
			var status = Integer.parseInt(lines[0].split(" ")[1]);
			var headers = new LinkedHashMap<String, String>();
			for (int i = 1; i < lines.length; i++) {
				var colon = lines[i].indexOf(':');
				if (colon > 0) {
					headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
				}
			}
			if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
				body = dechunk(body);
			}
			return new Answer(status, headers, body);
		}

		private static String dechunk(String chunked) {
			var out = new StringBuilder();
			var at = 0;
			while (at < chunked.length()) {
				var end = chunked.indexOf("\r\n", at);
				if (end < 0) {
					break;
				}
				var size = Integer.parseInt(chunked.substring(at, end).split(";")[0].trim(), 16);
				if (size == 0) {
					break;
				}
				out.append(chunked, end + 2, Math.min(chunked.length(), end + 2 + size));
				at = end + 2 + size + 2;
			}
			return out.toString();
		}

		String header(String name) {
			return headers.get(name.toLowerCase(Locale.ROOT));
		}
	}
}
