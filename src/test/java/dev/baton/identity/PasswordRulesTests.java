package dev.baton.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.baton.BatonIntegrationTest;
import dev.baton.Http;

/**
 * Passwords bcrypt can hash: at most 72 bytes in UTF-8, refused as a field error everywhere a
 * password is set, never a 500.
 */
@BatonIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class PasswordRulesTests {

	/** 37 characters, 74 bytes in UTF-8. */
	private static final String TOO_LONG = "é".repeat(37);

	@LocalServerPort
	int port;

	@Autowired
	UserDirectory users;

	@Autowired
	JdbcClient jdbc;

	private static String unique(String prefix) {
		return prefix + "." + UUID.randomUUID().toString().substring(0, 8);
	}

	private Http.Response create(String username, String password) {
		return Http.to(port).as("admin").post("/api/v1/users", Http.json(Map.of("username", username,
				"displayName", "User " + username, "email", username + "@baton.example", "roles", List.of("AE"),
				"password", password)));
	}

	@Test
	void refusesANewAccountsPasswordOver72Bytes() {
		var refused = create(unique("long.password"), TOO_LONG);

		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(refused.json().path("type").asString()).isEqualTo("/problems/validation-failed");
		assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("password");
		assertThat(refused.json().path("errors").get(0).path("message").asString()).contains("72 bytes");

		var exactly72Bytes = "é".repeat(36);
		var username = unique("limit.password");
		assertThat(create(username, exactly72Bytes).status()).isEqualTo(201);
		assertThat(Http.to(port).as(username, exactly72Bytes).get("/api/v1/me").status()).isEqualTo(200);
	}

	@Test
	void refusesAChangedPasswordOver72Bytes() {
		var username = unique("changing.password");
		assertThat(create(username, "a long enough password").status()).isEqualTo(201);

		var refused = Http.to(port).as(username, "a long enough password").put("/api/v1/me/password",
				Http.json(Map.of("currentPassword", "a long enough password", "newPassword", "x".repeat(73))));

		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("newPassword");
		assertThat(Http.to(port).as(username, "a long enough password").get("/api/v1/me").status()).isEqualTo(200);
	}

	@Test
	void bootstrapAdministratorWithAnOverlongPasswordIsExplainedNotThrown(CapturedOutput output) {
		var noAdministratorYet = new UserAccounts(jdbc) {

			@Override
			long countEnabledAdmins() {
				return 0;
			}
		};
		var username = unique("bootstrap.admin");
		var bootstrap = new AdminBootstrap(new AdminBootstrap.BootstrapProperties(username, username + "@baton.example",
				"x".repeat(80)), noAdministratorYet, users);

		assertThatCode(() -> bootstrap.run(null)).doesNotThrowAnyException();

		assertThat(output.getOut()).contains("Could not create the first administrator '" + username + "'")
				.contains("BATON_ADMIN_PASSWORD").contains("72 bytes");
		assertThat(users.findByUsername(username)).isEmpty();
	}
}
