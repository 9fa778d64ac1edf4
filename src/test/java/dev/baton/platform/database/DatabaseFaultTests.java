package dev.baton.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;

import dev.baton.BatonApplication;
import dev.baton.Http;

/**
 * What Baton does when its database is missing, lost, or already in use.
 */
class DatabaseFaultTests {

	@TempDir
	Path dataDirectory;

	@Test
	void keepsEmbeddedDataAcrossRestartsAndRefusesASecondServerOnTheSameDirectory() throws Exception {
		var properties = new EmbeddedDatabaseProperties(true, dataDirectory, 0, Duration.ofSeconds(60));
		try (var first = EmbeddedPostgresServer.start(properties)) {
			try (var connection = DriverManager.getConnection(first.jdbcUrl(), "postgres", "")) {
				connection.createStatement().execute("CREATE TABLE kept (value TEXT); INSERT INTO kept VALUES ('still here')");
			}

			assertThatThrownBy(() -> EmbeddedPostgresServer.start(properties))
					.isInstanceOf(EmbeddedPostgresServer.DataDirectoryInUseException.class)
					.satisfies(e -> assertThat(new DatabaseStartupFailureAnalyzer.DataDirectoryInUse().analyze(e).getDescription())
							.contains("already used by another running Baton"));
		}

		try (var second = EmbeddedPostgresServer.start(properties);
				var connection = DriverManager.getConnection(second.jdbcUrl(), "postgres", "")) {
			var rows = connection.createStatement().executeQuery("SELECT value FROM kept");
			assertThat(rows.next()).isTrue();
			assertThat(rows.getString(1)).isEqualTo("still here");
		}
	}

	@Test
	void startFailsWithAClearMessageWhenTheExternalDatabaseIsDown() throws Exception {
		var closedPort = freePort();
		var application = new SpringApplicationBuilder(BatonApplication.class);

		assertThatThrownBy(() -> application.run(
				"--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + closedPort + "/baton",
				"--spring.datasource.username=baton", "--server.port=0",
				"--spring.datasource.hikari.connection-timeout=2000").close()).satisfies(failure -> {
			var analysis = new DatabaseStartupFailureAnalyzer().analyze(failure);
			assertThat(analysis).as("failure analysis").isNotNull();
			assertThat(analysis.getDescription()).contains("could not connect to its PostgreSQL database");
			assertThat(analysis.getAction()).contains("BATON_DATABASE_URL");
		});
	}

	@Test
	void readinessGoesDownWhenTheDatabaseIsLostAndRecoversWhenItReturns() throws Exception {
		var databasePort = freePort();
		try (var context = new SpringApplicationBuilder(BatonApplication.class).run(
				"--server.port=0", "--baton.demo.enabled=true",
				"--baton.database.embedded.data-directory=" + dataDirectory,
				"--baton.database.embedded.port=" + databasePort,
				"--spring.datasource.hikari.connection-timeout=1000")) {
			var port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
			var http = Http.to(port);
			assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200);
			var server = context.getBean(EmbeddedPostgresServer.class);

			server.close();

			var readiness = http.get("/actuator/health/readiness");
			assertThat(readiness.status()).isEqualTo(503);
			var request = http.as("admin").get("/api/v1/boards");
			assertThat(request.status()).isEqualTo(503);
			assertThat(request.json().path("type").asString()).isEqualTo("/problems/service-unavailable");
			assertThat(http.get("/actuator/health/liveness").status()).isEqualTo(200);

			try (var restarted = EmbeddedPostgresServer.start(
					new EmbeddedDatabaseProperties(true, dataDirectory, databasePort, Duration.ofSeconds(60)))) {
				var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
				while (http.get("/actuator/health/readiness").status() != 200 && System.nanoTime() < deadline) {
					Thread.sleep(250);
				}
				assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200);
				assertThat(http.as("admin").get("/api/v1/boards").status()).isEqualTo(200);
			}
		}
	}

	private static int freePort() throws Exception {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
