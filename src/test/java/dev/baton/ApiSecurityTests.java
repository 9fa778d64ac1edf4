package dev.baton;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Who gets in, and who may do what: tokens, Basic, throttling, and the endpoint-by-role table.
 */
@BatonIntegrationTest
class ApiSecurityTests {

	private static final String REFUSED = "The credentials are not valid, or the account is locked or disabled";
	private static final String PASSWORD = "the right password";

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	/** A fresh account with {@link #PASSWORD}; its username starts with the prefix. */
	private JsonNode createUser(String prefix, String role) {
		var username = prefix + "." + UUID.randomUUID().toString().substring(0, 8);
		var created = Http.to(port).as("admin").post("/api/v1/users", Http.json(Map.of("username", username,
				"displayName", "User " + username, "email", username + "@baton.example", "roles", List.of(role),
				"password", PASSWORD)));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json();
	}

	@Test
	void refusesAnonymousApiCallsWithProblemDetail() {
		var response = Http.to(port).get("/api/v1/me");

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().path("type").asString()).isEqualTo("/problems/unauthenticated");
		assertThat(response.header("WWW-Authenticate")).contains("Bearer").contains("Basic");
	}

	@Test
	void acceptsHttpBasicForScripts() {
		var response = Http.to(port).as("sa").get("/api/v1/me");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().path("username").asString()).isEqualTo("sa");
		assertThat(response.json().path("roles").get(0).asString()).isEqualTo("SA");
	}

	@Test
	void refusesWrongBasicPasswordWithProblemDetail() {
		var response = Http.to(port).as("finance", "not-the-password").get("/api/v1/me");

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.json().path("detail").asString()).contains("not valid");
	}

	@Test
	void issuedTokenAuthenticatesUntilRevoked() {
		var csm = Http.to(port).as("csm");
		var issued = csm.post("/api/v1/me/tokens", "{\"name\": \"CRM sync\"}");
		assertThat(issued.status()).isEqualTo(201);
		var secret = issued.json().path("secret").asString();
		var id = issued.json().path("id").asString();
		assertThat(secret).startsWith("bat_");

		var me = Http.to(port).bearer(secret).get("/api/v1/me");
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().path("username").asString()).isEqualTo("csm");

		var listed = csm.get("/api/v1/me/tokens").json();
		assertThat(listed.toString()).contains(id).doesNotContain(secret);

		assertThat(csm.delete("/api/v1/me/tokens/" + id).status()).isEqualTo(204);
		var afterRevoke = Http.to(port).bearer(secret).get("/api/v1/me");
		assertThat(afterRevoke.status()).isEqualTo(401);
		assertThat(afterRevoke.json().path("detail").asString()).contains("revoked");
	}

	@Test
	void tokenExpiresAtItsExpiryTime() {
		var expiry = clock.instant().plus(Duration.ofDays(2)).toString();
		var issued = Http.to(port).as("finance").post("/api/v1/me/tokens",
				"{\"name\": \"short-lived\", \"expiresAt\": \"" + expiry + "\"}");
		var secret = issued.json().path("secret").asString();
		assertThat(Http.to(port).bearer(secret).get("/api/v1/me").status()).isEqualTo(200);

		clock.advance(Duration.ofDays(3));
		try {
			assertThat(Http.to(port).bearer(secret).get("/api/v1/me").status()).isEqualTo(401);
		} finally {
			clock.advance(Duration.ofDays(-3));
		}
	}

	@Test
	void unknownTokenIsRefusedWithoutTryingOtherCredentials() {
		var response = Http.to(port).bearer("bat_not-a-real-token").get("/api/v1/me");

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.json().path("type").asString()).isEqualTo("/problems/unauthenticated");
	}

	@Test
	void locksAccountAfterRepeatedWrongPasswordsAndUnlocksLater() {
		var admin = Http.to(port).as("admin");
		assertThat(admin.post("/api/v1/users", Http.json(Map.of("username", "throttled.user", "displayName", "Throttled",
				"email", "throttled@baton.example", "roles", new String[] { "AE" }, "password", "the right password")))
				.status()).isEqualTo(201);
		var wrong = Http.to(port).as("throttled.user", "wrong password!");
		for (int i = 0; i < 5; i++) {
			assertThat(wrong.get("/api/v1/me").status()).isEqualTo(401);
		}

		var locked = Http.to(port).as("throttled.user", "the right password").get("/api/v1/me");
		assertThat(locked.status()).isEqualTo(401);
		assertThat(locked.json().path("detail").asString()).isEqualTo(REFUSED);

		clock.advance(Duration.ofMinutes(16));
		try {
			assertThat(Http.to(port).as("throttled.user", "the right password").get("/api/v1/me").status())
					.isEqualTo(200);
		} finally {
			clock.advance(Duration.ofMinutes(-16));
		}
	}

	@Test
	void parallelWrongPasswordsGetNoMorePasswordChecksThanTheLimit() throws Exception {
		var username = createUser("parallel", "AE").path("username").asString();
		var wrong = Http.to(port).as(username, "wrong password!");

		var answers = ApiConventionsTests.runTogether(20, () -> wrong.get("/api/v1/me").status());

		assertThat(answers).containsOnly(401);
		// each wrong password is counted after its check while the account is not locked, and the
		// fifth sets the lock: the ones that finish after it change nothing
		assertThat(jdbc.sql("SELECT failed_login_count FROM user_account WHERE username = :u").param("u", username)
				.query(Integer.class).single()).isEqualTo(5);
		var right = Http.to(port).as(username, PASSWORD).get("/api/v1/me");
		assertThat(right.status()).isEqualTo(401);
		assertThat(right.json().path("detail").asString()).isEqualTo(REFUSED);
	}

	@Test
	void lockIsAuditedOnceAsTheSystemsDoing() {
		var user = createUser("audited.lock", "AE");
		for (int i = 0; i < 7; i++) {
			assertThat(Http.to(port).as(user.path("username").asString(), "wrong password!").get("/api/v1/me").status())
					.isEqualTo(401);
		}

		var trail = Http.to(port).as("admin")
				.get("/api/v1/audit?entityType=user&action=user.locked&entityId=" + user.path("id").asString())
				.json().path("items");
		assertThat(trail.size()).isEqualTo(1);
		assertThat(trail.get(0).path("actor").asString()).isEqualTo("system");
		assertThat(trail.get(0).path("details").path("attempts").asInt()).isEqualTo(5);
	}

	@Test
	void refusedLoginsLookAlikeWhateverTheReason() {
		var active = createUser("lookalike.active", "AE").path("username").asString();
		var locked = createUser("lookalike.locked", "AE").path("username").asString();
		for (int i = 0; i < 5; i++) {
			Http.to(port).as(locked, "wrong password!").get("/api/v1/me");
		}
		var disabledUser = createUser("lookalike.disabled", "AE");
		var disabled = disabledUser.path("username").asString();
		assertThat(Http.to(port).as("admin").header("If-Match", "\"0\"").put(
				"/api/v1/users/" + disabledUser.path("id").asString(), Http.json(Map.of("displayName", "Disabled",
						"email", disabled + "@baton.example", "roles", List.of("AE"), "enabled", false)))
				.status()).isEqualTo(200);

		var answers = List.of(
				Http.to(port).as("no.such.user." + UUID.randomUUID().toString().substring(0, 8), PASSWORD).get("/api/v1/me"),
				Http.to(port).as(active, "wrong password!").get("/api/v1/me"),
				Http.to(port).as(locked, PASSWORD).get("/api/v1/me"),
				Http.to(port).as(locked, "wrong password!").get("/api/v1/me"),
				Http.to(port).as(disabled, PASSWORD).get("/api/v1/me"),
				Http.to(port).as(disabled, "wrong password!").get("/api/v1/me"));

		assertThat(answers).extracting(Http.Response::status).containsOnly(401);
		assertThat(answers).extracting(r -> r.json().path("detail").asString()).containsOnly(REFUSED);
	}

	@Test
	void apiTokenCannotIssueTokens() {
		var secret = Http.to(port).as("deal-desk").post("/api/v1/me/tokens", "{\"name\": \"short-lived\"}")
				.json().path("secret").asString();
		var before = Http.to(port).as("deal-desk").get("/api/v1/me/tokens").json().size();

		var refused = Http.to(port).bearer(secret).post("/api/v1/me/tokens", "{\"name\": \"minted by a token\"}");

		ProblemDetailsTests.assertProblem(refused, 403, "forbidden");
		assertThat(refused.json().path("detail").asString()).contains("password");
		assertThat(Http.to(port).as("deal-desk").get("/api/v1/me/tokens").json().size()).isEqualTo(before);
		assertThat(Http.to(port).bearer(secret).get("/api/v1/me/tokens").status()).as("a token still reads").isEqualTo(200);
	}

	@Test
	void fourWrongPasswordsThenTheRightOneDoNotLock() {
		var admin = Http.to(port).as("admin");
		admin.post("/api/v1/users", Http.json(Map.of("username", "careful.user", "displayName", "Careful",
				"email", "careful@baton.example", "roles", new String[] { "AE" }, "password", "the right password")));
		for (int i = 0; i < 4; i++) {
			Http.to(port).as("careful.user", "wrong password!").get("/api/v1/me");
		}
		assertThat(Http.to(port).as("careful.user", "the right password").get("/api/v1/me").status()).isEqualTo(200);
		for (int i = 0; i < 4; i++) {
			Http.to(port).as("careful.user", "wrong password!").get("/api/v1/me");
		}
		// the success reset the count, so four more are still not five in a row
		assertThat(Http.to(port).as("careful.user", "the right password").get("/api/v1/me").status()).isEqualTo(200);
	}

	@ParameterizedTest(name = "{0} {1} as {2} -> {3}")
	@CsvSource({
			"GET, /api/v1/me, anonymous, 401",
			"GET, /api/v1/me, customer, 200",
			"GET, /api/v1/me, partner, 200",
			"GET, /api/v1/users, admin, 200",
			"GET, /api/v1/users, sa-manager, 403",
			"GET, /api/v1/users, ae, 403",
			"GET, /api/v1/users, anonymous, 401",
			"GET, /api/v1/audit, admin, 200",
			"GET, /api/v1/audit, finance, 403",
			"GET, /api/v1/audit, sa, 403",
			"GET, /api/v1/boards, ae, 200",
			"GET, /api/v1/boards, sa, 200",
			"GET, /api/v1/boards, sa-manager, 200",
			"GET, /api/v1/boards, asm, 200",
			"GET, /api/v1/boards, csm, 200",
			"GET, /api/v1/boards, deal-desk, 200",
			"GET, /api/v1/boards, finance, 200",
			"GET, /api/v1/boards, admin, 200",
			"GET, /api/v1/boards, partner, 403",
			"GET, /api/v1/boards, customer, 403",
			"GET, /api/v1/circles, sa, 200",
			"GET, /api/v1/circles, customer, 403",
			"GET, /api/v1/people, asm, 200",
			"GET, /api/v1/people, partner, 403",
			"GET, /api/v1/opportunities, ae, 200",
			"GET, /api/v1/opportunities, customer, 403",
			"GET, /api/v1/opportunities, partner, 403",
			"GET, /api/v1/accounts, deal-desk, 200",
			"GET, /api/v1/accounts, customer, 403",
			"POST, /api/v1/users, ae, 403",
			"POST, /api/v1/users, sa-manager, 403",
			"GET, /actuator/prometheus, admin, 200",
			"GET, /actuator/prometheus, sa, 403",
			"GET, /actuator/prometheus, anonymous, 401",
			"GET, /actuator/health/readiness, anonymous, 200",
			"GET, /actuator/health/liveness, anonymous, 200",
	})
	void rolesDecideAccess(String method, String path, String user, int expected) {
		var http = "anonymous".equals(user) ? Http.to(port) : Http.to(port).as(user);
		if (path.contains("prometheus")) {
			http = http.header("Accept", "text/plain");
		}
		var response = "GET".equals(method) ? http.get(path) : http.post(path, "{}");

		assertThat(response.status()).isEqualTo(expected);
		if (expected >= 400) {
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.body()).doesNotContain("<html");
		}
	}
}
