package dev.baton;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Several Baton instances on one database serve a browser without sticky sessions: the session,
 * its login and its CSRF token live in PostgreSQL.
 */
@BatonIntegrationTest
class SharedSessionTests {

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Test
	void sessionStartedOnOneInstanceIsGoodOnAnother() throws java.sql.SQLException {
		// the test context wraps the pool to count statements (SqlStatements)
		var url = dataSource.unwrap(HikariDataSource.class).getJdbcUrl();
		try (var other = new SpringApplicationBuilder(BatonApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
				"--baton.scheduler.enabled=false")) {
			var otherPort = Integer.parseInt(other.getEnvironment().getProperty("local.server.port"));
			var browser = Http.browser(port);
			WebLoginTests.login(browser, "asm", Http.DEMO_PASSWORD);

			var elsewhere = browser.onPort(otherPort);
			var home = elsewhere.get("/");

			assertThat(home.status()).isEqualTo(200);
			assertThat(home.body()).contains("Marcus Bell");
			var logout = elsewhere.postForm("/logout", Map.of("_csrf", WebLoginTests.csrf(home.body())));
			assertThat(logout.header("Location")).endsWith("/login?logout");
			assertThat(browser.get("/").status()).as("logged out on the first instance too").isEqualTo(302);
		}
	}
}
