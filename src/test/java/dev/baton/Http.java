package dev.baton;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for tests that talk to Baton like any client would, over a real socket.
 */
public final class Http {

	public static final String DEMO_PASSWORD = "demo-password";
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String base;
	private final HttpClient client;
	private final Map<String, String> headers = new LinkedHashMap<>();

	private Http(String base, HttpClient client) {
		this.base = base;
		this.client = client;
	}

	/** A client without a session. */
	public static Http to(int port) {
		return new Http("http://localhost:" + port, HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build());
	}

	/** A client that keeps cookies, as a browser does. */
	public static Http browser(int port) {
		return new Http("http://localhost:" + port, HttpClient.newBuilder().cookieHandler(new CookieManager())
				.followRedirects(HttpClient.Redirect.NEVER).build());
	}

	/** The same client (with the same cookies, for a browser) talking to another port: another instance. */
	public Http onPort(int port) {
		var copy = new Http("http://localhost:" + port, client);
		copy.headers.putAll(headers);
		return copy;
	}

	/** A copy of this client that sends HTTP Basic credentials. */
	public Http as(String username) {
		return as(username, DEMO_PASSWORD);
	}

	public Http as(String username, String password) {
		return header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
	}

	public Http bearer(String token) {
		return header("Authorization", "Bearer " + token);
	}

	public Http header(String name, String value) {
		var copy = new Http(base, client);
		copy.headers.putAll(headers);
		copy.headers.put(name, value);
		return copy;
	}

	public Response get(String path) {
		return send(request(path).GET());
	}

	public Response delete(String path) {
		return send(request(path).DELETE());
	}

	public Response post(String path, String json) {
		return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	public Response put(String path, String json) {
		return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
	}

	public Response postForm(String path, Map<String, String> form) {
		var body = form.entrySet().stream()
				.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
		return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	public Response send(String method, String path, String contentType, byte[] body) {
		return send(request(path).header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	/** Sends the body chunked, without announcing its length. */
	public Response sendChunked(String method, String path, String contentType, byte[] body) {
		return send(request(path).header("Content-Type", contentType).method(method,
				HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))));
	}

	private HttpRequest.Builder request(String path) {
		var builder = HttpRequest.newBuilder(URI.create(base + path));
		headers.forEach(builder::header);
		if (!headers.containsKey("Accept")) {
			builder.header("Accept", "application/json, application/problem+json, text/html");
		}
		return builder;
	}

	private Response send(HttpRequest.Builder builder) {
		try {
			var response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers(), response.body());
		} catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** An answer, with its body parsed as JSON on demand. */
	public record Response(int status, java.net.http.HttpHeaders headers, String body) {

		public JsonNode json() {
			return JSON.readTree(body);
		}

		public String header(String name) {
			return headers.firstValue(name).orElse(null);
		}

		public String contentType() {
			return header("Content-Type");
		}
	}

	public static String json(Object value) {
		return JSON.writeValueAsString(value);
	}
}
