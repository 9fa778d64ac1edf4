package dev.baton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Idempotent POSTs, optimistic concurrency and the audit trail, through HTTP.
 */
@BatonIntegrationTest
class ApiConventionsTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private Http admin() {
		return Http.to(port).as("admin");
	}

	private static String newUser(String username) {
		return Http.json(Map.of("username", username, "displayName", "User " + username, "email",
				username + "@baton.example", "roles", List.of("SA"), "password", "a long enough password"));
	}

	private long usersNamed(String username) {
		return jdbc.sql("SELECT count(*) FROM user_account WHERE username = :u").param("u", username).query(Long.class).single();
	}

	@Test
	void sameIdempotencyKeyAndBodyReplaysTheFirstAnswer() {
		var http = admin().header("Idempotency-Key", "create-replay-1");
		var first = http.post("/api/v1/users", newUser("replay.one"));
		var second = http.post("/api/v1/users", newUser("replay.one"));

		assertThat(first.status()).isEqualTo(201);
		assertThat(second.status()).isEqualTo(201);
		assertThat(second.body()).isEqualTo(first.body());
		assertThat(second.header("Location")).isEqualTo(first.header("Location"));
		assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(usersNamed("replay.one")).isEqualTo(1);
	}

	@Test
	void sameIdempotencyKeyWithAnotherBodyIs422() {
		var http = admin().header("Idempotency-Key", "create-reuse-1");
		assertThat(http.post("/api/v1/users", newUser("reuse.one")).status()).isEqualTo(201);

		var reused = http.post("/api/v1/users", newUser("reuse.two"));

		ProblemDetailsTests.assertProblem(reused, 422, "idempotency-key-reused");
		assertThat(usersNamed("reuse.two")).isZero();
	}

	@Test
	void idempotencyKeysBelongToTheirCaller() {
		var key = "shared-key-between-callers";
		assertThat(admin().header("Idempotency-Key", key).post("/api/v1/me/tokens", "{\"name\": \"a\"}").status()).isEqualTo(201);

		var other = Http.to(port).as("sa").header("Idempotency-Key", key).post("/api/v1/me/tokens", "{\"name\": \"b\"}");

		assertThat(other.status()).isEqualTo(201);
		assertThat(other.header("Idempotent-Replayed")).isNull();
	}

	@Test
	void issuedTokenSecretIsNotKeptForReplay() {
		var key = "issue-token-" + UUID.randomUUID();
		var issued = Http.to(port).as("finance").header("Idempotency-Key", key).post("/api/v1/me/tokens",
				"{\"name\": \"idempotent issue\"}");
		assertThat(issued.status()).isEqualTo(201);
		var secret = issued.json().path("secret").asString();

		assertThat(jdbc.sql("SELECT count(*) FROM idempotency_key WHERE position(convert_to(:secret, 'UTF8') IN body) > 0")
				.param("secret", secret).query(Long.class).single()).as("stored answers holding the secret").isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM idempotency_key WHERE key = :key").param("key", key)
				.query(Long.class).single()).as("kept keys").isZero();
		assertThat(Http.to(port).bearer(secret).get("/api/v1/me").status()).as("the token was issued all the same")
				.isEqualTo(200);
	}

	@Test
	void refusedRequestDoesNotUseUpTheKey() {
		var http = admin().header("Idempotency-Key", "retry-after-fix");
		var refused = http.post("/api/v1/users", "{\"username\": \"fixed.later\"}");
		assertThat(refused.status()).isEqualTo(400);

		var fixed = http.post("/api/v1/users", newUser("fixed.later"));

		assertThat(fixed.status()).isEqualTo(201);
	}

	@Test
	void concurrentRequestsWithOneKeyCreateOnce() throws Exception {
		var http = admin().header("Idempotency-Key", "concurrent-create-1");
		var answers = runTogether(8, () -> http.post("/api/v1/users", newUser("concurrent.one")));

		assertThat(answers).extracting(Http.Response::status).containsOnly(201);
		assertThat(answers).extracting(Http.Response::body).containsOnly(answers.get(0).body());
		assertThat(usersNamed("concurrent.one")).isEqualTo(1);
	}

	@Test
	void updateNeedsIfMatch() {
		var created = admin().post("/api/v1/users", newUser("needs.ifmatch"));
		var id = created.json().path("id").asString();

		var response = admin().put("/api/v1/users/" + id, update("Renamed"));

		ProblemDetailsTests.assertProblem(response, 428, "precondition-required");
	}

	@Test
	void updateWithCurrentVersionSucceedsAndBumpsTheEtag() {
		var created = admin().post("/api/v1/users", newUser("versioned.user"));
		var id = created.json().path("id").asString();
		assertThat(created.header("ETag")).isEqualTo("\"0\"");

		var updated = admin().header("If-Match", "\"0\"").put("/api/v1/users/" + id, update("Renamed once"));

		assertThat(updated.status()).isEqualTo(200);
		assertThat(updated.header("ETag")).isEqualTo("\"1\"");
		assertThat(updated.json().path("displayName").asString()).isEqualTo("Renamed once");
	}

	@Test
	void updateWithStaleVersionIs409() {
		var id = admin().post("/api/v1/users", newUser("stale.user")).json().path("id").asString();
		assertThat(admin().header("If-Match", "\"0\"").put("/api/v1/users/" + id, update("First")).status()).isEqualTo(200);

		var stale = admin().header("If-Match", "\"0\"").put("/api/v1/users/" + id, update("Second"));

		ProblemDetailsTests.assertProblem(stale, 409, "stale-version");
		assertThat(admin().get("/api/v1/users/" + id).json().path("displayName").asString()).isEqualTo("First");
	}

	@Test
	void concurrentUpdatesOfOneVersionLetExactlyOneWin() throws Exception {
		var id = admin().post("/api/v1/users", newUser("race.user")).json().path("id").asString();
		var http = admin().header("If-Match", "\"0\"");

		var answers = runTogether(6, () -> http.put("/api/v1/users/" + id, update("Racer " + Thread.currentThread().getId())));

		assertThat(answers).extracting(Http.Response::status).containsOnly(200, 409);
		assertThat(answers).filteredOn(r -> r.status() == 200).hasSize(1);
		assertThat(admin().get("/api/v1/users/" + id).header("ETag")).isEqualTo("\"1\"");
	}

	@Test
	void writesAreAuditedWithWhoWhenWhatAndWhy() {
		var created = admin().header("Audit-Reason", "New SA joins Circle Cascade").post("/api/v1/users", newUser("audited.user"));
		var id = created.json().path("id").asString();

		var trail = admin().get("/api/v1/audit?entityType=user&entityId=" + id).json();

		var entry = trail.path("items").get(0);
		assertThat(entry.path("action").asString()).isEqualTo("user.created");
		assertThat(entry.path("actor").asString()).isEqualTo("admin");
		assertThat(entry.path("reason").asString()).isEqualTo("New SA joins Circle Cascade");
		assertThat(entry.path("occurredAt").asString()).isNotBlank();
		assertThat(entry.path("requestId").asString()).isEqualTo(created.header("X-Request-Id"));
		assertThat(entry.path("details").path("username").asString()).isEqualTo("audited.user");
	}

	@Test
	void auditTrailPagesByCursor() {
		var first = admin().get("/api/v1/audit?limit=3").json();
		var cursor = first.path("nextCursor").asString();
		var second = admin().get("/api/v1/audit?limit=3&cursor=" + cursor).json();

		assertThat(first.path("items").size()).isEqualTo(3);
		assertThat(second.path("items").get(0).path("id").asLong())
				.isLessThan(first.path("items").get(2).path("id").asLong());
	}

	@Test
	void auditTrailCannotBeRewritten() {
		assertThatThrownBy(() -> jdbc.sql("UPDATE audit_entry SET actor = 'someone else'").update())
				.rootCause().hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_entry").update())
				.rootCause().hasMessageContaining("append-only");
	}

	private static String update(String displayName) {
		return Http.json(Map.of("displayName", displayName, "email", "x" + Math.abs(displayName.hashCode()) + "@baton.example",
				"roles", List.of("SA"), "enabled", true));
	}

	static <T> List<T> runTogether(int threads, Callable<T> task) throws Exception {
		var pool = Executors.newFixedThreadPool(threads);
		try {
			var start = new CountDownLatch(1);
			var futures = new ArrayList<java.util.concurrent.Future<T>>();
			for (int i = 0; i < threads; i++) {
				futures.add(pool.submit(() -> {
					start.await();
					return task.call();
				}));
			}
			start.countDown();
			var results = new ArrayList<T>();
			for (var future : futures) {
				results.add(future.get());
			}
			return results;
		} finally {
			pool.shutdownNow();
		}
	}
}
