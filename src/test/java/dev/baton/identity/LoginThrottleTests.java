package dev.baton.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.baton.BatonIntegrationTest;
import dev.baton.Http;

/**
 * The login throttle under load: a right password is never refused because other checks of the
 * same account are queued, and wrong passwords, in a row or at once, still lock.
 */
@BatonIntegrationTest
class LoginThrottleTests {

	private static final String PASSWORD = "the right password";
	private static final String REFUSED = "The credentials are not valid, or the account is locked or disabled";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private String createUser(String prefix) {
		var username = prefix + "." + UUID.randomUUID().toString().substring(0, 8);
		var created = Http.to(port).as("admin").post("/api/v1/users", Http.json(Map.of("username", username,
				"displayName", "User " + username, "email", username + "@baton.example", "roles", List.of("AE"),
				"password", PASSWORD)));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return username;
	}

	@Test
	void aHundredConcurrentRightPasswordsOfTwoUsersAllGetIn() throws Exception {
		var first = createUser("burst.one");
		var second = createUser("burst.two");

		var answers = together(100, i -> Http.to(port).as(i % 2 == 0 ? first : second, PASSWORD).get("/api/v1/me"));

		assertThat(answers).extracting(Http.Response::status).containsOnly(200);
		assertThat(failures(first)).isZero();
		assertThat(failures(second)).isZero();
		assertThat(locks(first) + locks(second)).isZero();
	}

	@Test
	void wrongPasswordsInARowStillLockAndTheRightOneIsThenRefused() {
		var username = createUser("row");
		for (int i = 0; i < 5; i++) {
			assertThat(Http.to(port).as(username, "wrong password!").get("/api/v1/me").status()).isEqualTo(401);
		}

		var right = Http.to(port).as(username, PASSWORD).get("/api/v1/me");

		assertThat(right.status()).isEqualTo(401);
		assertThat(right.json().path("detail").asString()).isEqualTo(REFUSED);
		assertThat(failures(username)).isEqualTo(5);
		assertThat(locks(username)).isEqualTo(1);
	}

	@Test
	void wrongPasswordsAtOnceLockAfterFiveAndCountNoFurther() throws Exception {
		var username = createUser("mixed");

		var answers = together(40, i -> Http.to(port).as(username, "wrong password!").get("/api/v1/me"));

		assertThat(answers).extracting(Http.Response::status).containsOnly(401);
		// failures are counted after their check and only while the account is not locked
		assertThat(failures(username)).isEqualTo(5);
		assertThat(locks(username)).isEqualTo(1);
		assertThat(Http.to(port).as(username, PASSWORD).get("/api/v1/me").status()).isEqualTo(401);
	}

	private int failures(String username) {
		return jdbc.sql("SELECT failed_login_count FROM user_account WHERE username = :u").param("u", username)
				.query(Integer.class).single();
	}

	private int locks(String username) {
		return jdbc.sql("""
				SELECT count(*) FROM audit_entry a JOIN user_account u ON a.entity_id = u.id::text
				WHERE a.action = 'user.locked' AND u.username = :u
				""").param("u", username).query(Integer.class).single();
	}

	private interface Call {
		Http.Response send(int index) throws Exception;
	}

	private static List<Http.Response> together(int count, Call call) throws Exception {
		var pool = Executors.newFixedThreadPool(count);
		try {
			var start = new CountDownLatch(1);
			var futures = new ArrayList<Future<Http.Response>>();
			for (int i = 0; i < count; i++) {
				var index = i;
				futures.add(pool.submit(() -> {
					start.await();
					return call.send(index);
				}));
			}
			start.countDown();
			var answers = new ArrayList<Http.Response>();
			for (var future : futures) {
				answers.add(future.get());
			}
			return answers;
		} finally {
			pool.shutdownNow();
		}
	}
}
