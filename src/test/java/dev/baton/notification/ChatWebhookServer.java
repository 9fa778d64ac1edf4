package dev.baton.notification;

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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real local chat webhook: records what each hook URL is sent, and can answer 500 a number of times first.
 */
final class ChatWebhookServer implements AutoCloseable {

	private final HttpServer server;
	private final ExecutorService executor = Executors.newCachedThreadPool();
	private final Map<String, List<String>> accepted = new ConcurrentHashMap<>();
	private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
	private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();

	private ChatWebhookServer(HttpServer server) {
		this.server = server;
	}

	static ChatWebhookServer start() {
		try {
			var server = new ChatWebhookServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
			server.server.createContext("/", server::handle);
			server.server.setExecutor(server.executor);
			server.server.start();
			return server;
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A new hook URL of its own, so one test never sees another's messages. */
	String newHook() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/" + UUID.randomUUID();
	}

	/** The hook answers 500 to its next {@code times} calls. */
	void failNext(String hook, int times) {
		failuresLeft.computeIfAbsent(path(hook), p -> new AtomicInteger()).set(times);
	}

	/** The bodies the hook accepted (answered 200). */
	List<String> accepted(String hook) {
		return List.copyOf(accepted.getOrDefault(path(hook), List.of()));
	}

	/** Every call the hook received, failed or not. */
	int calls(String hook) {
		var count = calls.get(path(hook));
		return count == null ? 0 : count.get();
	}

	private void handle(HttpExchange exchange) throws IOException {
		var path = exchange.getRequestURI().getPath();
		var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		calls.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
		var failures = failuresLeft.get(path);
		boolean fail = failures != null && failures.getAndUpdate(n -> n > 0 ? n - 1 : n) > 0;
		if (!fail) {
			accepted.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(body);
		}
		var answer = (fail ? "boom" : "ok").getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(fail ? 500 : 200, answer.length);
		exchange.getResponseBody().write(answer);
		exchange.close();
	}

	private static String path(String hook) {
		return java.net.URI.create(hook).getPath();
	}

	@Override
	public void close() {
		server.stop(0);
		executor.shutdownNow();
	}
}
