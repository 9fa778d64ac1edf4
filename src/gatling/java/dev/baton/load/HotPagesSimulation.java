package dev.baton.load;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * The load benchmark of issue 11 (see docs/benchmarks.md): the board page, the request page and
 * the request list API, one after the other, each at a constant arrival rate
 * ({@code -Drate}, default 500 requests/s) for {@code -Dduration} seconds (default 60), against a
 * running Baton at {@code -Dbaton.url} (default http://127.0.0.1:18480) seeded by {@link LoadSeed}.
 * The web pages use a pool of sessions signed in once before the run (a password login costs a
 * deliberately slow hash, which is not what is measured); the API uses an API token of the SA.
 */
public class HotPagesSimulation extends Simulation {

	private static final String BASE = System.getProperty("baton.url", "http://127.0.0.1:18480");
	private static final int RATE = Integer.getInteger("rate", 500);
	private static final int DURATION = Integer.getInteger("duration", 60);
	private static final int WARM_UP = Integer.getInteger("warmup", 10);
	private static final int SESSIONS = Integer.getInteger("sessions", 16);
	private static final String PASSWORD = System.getProperty("password", "demo-password");
	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

	private final List<String> sessions = new ArrayList<>();
	private final List<String> requestIds = new ArrayList<>();
	private final String token;

	public HotPagesSimulation() {
		try {
			for (int i = 0; i < SESSIONS; i++) {
				sessions.add(signIn("sa"));
			}
			token = issueToken("sa");
			// requests of every state on the board, to open their pages
			var basic = "Basic " + Base64.getEncoder().encodeToString(("sa:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
			for (var status : List.of("NEW", "SA_TRIAGED", "SA_DOING", "DONE", "DECLINED")) {
				var body = send(HttpClient.newHttpClient(), HttpRequest.newBuilder(URI.create(BASE
						+ "/api/v1/sa-requests?board=commercial-amer&size=200&status=" + status))
						.header("Authorization", basic).GET().build()).body();
				var ids = ID.matcher(body).results().map(m -> m.group(1)).distinct().toList();
				requestIds.addAll(ids);
			}
			if (requestIds.isEmpty()) {
				throw new IllegalStateException("No requests on commercial-amer: seed the database first (LoadSeed)");
			}
		}
		catch (Exception e) {
			throw new IllegalStateException("Could not prepare the run against " + BASE + ": " + e.getMessage(), e);
		}

		// as a browser asks: compressed answers (Baton gzips pages and JSON for clients that accept it)
		HttpProtocolBuilder protocol = http.baseUrl(BASE).disableFollowRedirect().disableCaching()
				.acceptHeader("text/html,application/json").acceptEncodingHeader("gzip, deflate").shareConnections();

		var board = scenario("board page").feed(cycle(() -> Map.of("session", next(sessions))))
				.exec(http("GET /board?board=commercial-amer").get("/board?board=commercial-amer")
						.header("Cookie", "SESSION=#{session}").check(status().is(200)));
		var request = scenario("request page")
				.feed(cycle(() -> Map.of("session", next(sessions), "request", next(requestIds))))
				.exec(http("GET /requests/{id}").get("/requests/#{request}").header("Cookie", "SESSION=#{session}")
						.check(status().is(200)));
		var list = scenario("request list API")
				.exec(http("GET /api/v1/sa-requests?board=commercial-amer&status=NEW")
						.get("/api/v1/sa-requests?board=commercial-amer&status=NEW")
						.header("Authorization", "Bearer " + token).check(status().is(200)));

		PopulationBuilder boards = board.injectOpen(constantUsersPerSec(Math.max(1, RATE / 5)).during(WARM_UP),
				constantUsersPerSec(RATE).during(DURATION));
		PopulationBuilder requests = request.injectOpen(constantUsersPerSec(Math.max(1, RATE / 5)).during(WARM_UP),
				constantUsersPerSec(RATE).during(DURATION));
		PopulationBuilder lists = list.injectOpen(constantUsersPerSec(Math.max(1, RATE / 5)).during(WARM_UP),
				constantUsersPerSec(RATE).during(DURATION));
		// -Dpages=board,request,list (the default) chooses which run, one after the other
		var chosen = List.of(System.getProperty("pages", "board,request,list").split(","));
		var runs = new ArrayList<PopulationBuilder>();
		var checks = new ArrayList<io.gatling.javaapi.core.Assertion>();
		checks.add(global().failedRequests().count().is(0L));
		if (chosen.contains("board")) {
			runs.add(boards);
			checks.add(details("GET /board?board=commercial-amer").responseTime().percentile(99.0).lt(50));
		}
		if (chosen.contains("request")) {
			runs.add(requests);
			checks.add(details("GET /requests/{id}").responseTime().percentile(99.0).lt(50));
		}
		if (chosen.contains("list")) {
			runs.add(lists);
			checks.add(details("GET /api/v1/sa-requests?board=commercial-amer&status=NEW").responseTime()
					.percentile(99.0).lt(50));
		}
		if (runs.isEmpty()) {
			throw new IllegalArgumentException("-Dpages names none of board, request, list: " + chosen);
		}
		var sequence = runs.get(0);
		for (var next : runs.subList(1, runs.size())) {
			sequence = sequence.andThen(next);
		}
		setUp(sequence).protocols(protocol).assertions(checks);
	}

	private final AtomicLong counter = new AtomicLong();

	private String next(List<String> values) {
		return values.get((int) (counter.getAndIncrement() % values.size()));
	}

	private static Iterator<Map<String, Object>> cycle(Supplier<Map<String, Object>> next) {
		return Stream.generate(next).iterator();
	}

	/** Signs in through the login form, as a browser does, and answers the session cookie's value. */
	private static String signIn(String username) throws Exception {
		var cookies = new CookieManager();
		var client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
		var page = send(client, HttpRequest.newBuilder(URI.create(BASE + "/login")).GET().build());
		var csrf = CSRF.matcher(page.body());
		if (!csrf.find()) {
			throw new IllegalStateException("no CSRF token on the login page");
		}
		var form = "username=" + enc(username) + "&password=" + enc(PASSWORD) + "&_csrf=" + enc(csrf.group(1));
		var login = send(client, HttpRequest.newBuilder(URI.create(BASE + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form)).build());
		if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error")) {
			throw new IllegalStateException("login as " + username + " failed: " + login.statusCode());
		}
		// a browser opens a page after signing in, which stores the session's CSRF token; without it the
		// run's first concurrent requests of a session would all try to store one
		send(client, HttpRequest.newBuilder(URI.create(BASE + "/board?board=commercial-amer")).GET().build());
		return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("SESSION")).findFirst()
				.orElseThrow(() -> new IllegalStateException("no SESSION cookie after login")).getValue();
	}

	private static String issueToken(String username) throws Exception {
		var basic = "Basic " + Base64.getEncoder().encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
		var response = send(HttpClient.newHttpClient(), HttpRequest.newBuilder(URI.create(BASE + "/api/v1/me/tokens"))
				.header("Authorization", basic).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"load benchmark " + System.nanoTime() + "\"}"))
				.build());
		var secret = Pattern.compile("\"secret\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
		if (response.statusCode() != 201 || !secret.find()) {
			throw new IllegalStateException("could not issue an API token: " + response.statusCode() + " " + response.body());
		}
		return secret.group(1);
	}

	private static HttpResponse<String> send(HttpClient client, HttpRequest request) throws Exception {
		return client.send(HttpRequest.newBuilder(request, (n, v) -> true).timeout(Duration.ofSeconds(30)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
