package dev.baton;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who gets in, and who may do what: tokens, Basic, throttling, and the endpoint-by-role table.
 */
@BatonIntegrationTest
class ApiSecurityTests {

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

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
		assertThat(locked.json().path("detail").asString()).contains("locked");

		clock.advance(Duration.ofMinutes(16));
		try {
			assertThat(Http.to(port).as("throttled.user", "the right password").get("/api/v1/me").status())
					.isEqualTo(200);
		} finally {
			clock.advance(Duration.ofMinutes(-16));
		}
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
