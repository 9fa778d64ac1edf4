package dev.baton.webhooks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real local HTTP server standing in for the systems that receive Baton's webhooks: each path is
 * an endpoint that records every request (headers and body) and answers as told: 200, another
 * status, or not at all until released (a hung endpoint).
 */
public final class WebhookReceiver implements AutoCloseable {

	public record Received(String id, String timestamp, String signature, String body, int answered) {
	}

	private final HttpServer server;
	private final ExecutorService executor = Executors.newCachedThreadPool();
	private final Map<String, List<Received>> received = new ConcurrentHashMap<>();
	private final Map<String, Integer> answers = new ConcurrentHashMap<>();
	private final Map<String, CountDownLatch> hung = new ConcurrentHashMap<>();
	private final Map<String, java.util.concurrent.atomic.AtomicInteger> failing = new ConcurrentHashMap<>();

	private WebhookReceiver(HttpServer server) {
		this.server = server;
	}

	public static WebhookReceiver start() {
		try {
			var receiver = new WebhookReceiver(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
			receiver.server.createContext("/", receiver::handle);
			receiver.server.setExecutor(receiver.executor);
			receiver.server.start();
			return receiver;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A new endpoint URL of its own, answering 200 until told otherwise. */
	public String newEndpoint() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/" + UUID.randomUUID();
	}

	public void answer(String url, int status) {
		answers.put(path(url), status);
	}

	/** The endpoint answers the next {@code requests} requests with 503, then as before. */
	public void failNext(String url, int requests) {
		failing.put(path(url), new java.util.concurrent.atomic.AtomicInteger(requests));
	}

	/** The endpoint takes every request and answers nothing until {@link #release}. */
	void hang(String url) {
		hung.put(path(url), new CountDownLatch(1));
	}

	void release(String url) {
		var latch = hung.remove(path(url));
		if (latch != null) {
			latch.countDown();
		}
	}

	public List<Received> received(String url) {
		return List.copyOf(received.getOrDefault(path(url), List.of()));
	}

	private void handle(HttpExchange exchange) throws IOException {
		var path = exchange.getRequestURI().getPath();
		var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		var headers = exchange.getRequestHeaders();
		var failures = failing.get(path);
		var status = failures != null && failures.getAndDecrement() > 0 ? 503 : answers.getOrDefault(path, 200);
		received.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(new Received(headers.getFirst("webhook-id"),
				headers.getFirst("webhook-timestamp"), headers.getFirst("webhook-signature"), body, status));
		var latch = hung.get(path);
		if (latch != null) {
			try {
				latch.await(60, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		exchange.sendResponseHeaders(status, -1);
		exchange.close();
	}

	private static String path(String url) {
		return java.net.URI.create(url).getPath();
	}

	@Override
	public void close() {
		hung.values().forEach(CountDownLatch::countDown);
		server.stop(0);
		executor.shutdownNow();
	}
}
