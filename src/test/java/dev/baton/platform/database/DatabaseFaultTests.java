package dev.baton.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.support.SpringFactoriesLoader;

import dev.baton.BatonApplication;
import dev.baton.Http;

/**
 * What Baton does when its database is missing, lost, or already in use.
 */
@ExtendWith(OutputCaptureExtension.class)
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
	void persistentDataIsWrittenToDiskSafely() throws Exception {
		var properties = new EmbeddedDatabaseProperties(true, dataDirectory, 0, Duration.ofSeconds(60));
		try (var server = EmbeddedPostgresServer.start(properties);
				var connection = DriverManager.getConnection(server.jdbcUrl(), "postgres", "")) {
			for (var setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
				var value = connection.createStatement().executeQuery("SHOW " + setting);
				assertThat(value.next()).isTrue();
				assertThat(value.getString(1)).as(setting).isEqualTo("on");
			}
		}
	}

	@Test
	void refusesADirectoryLockedByAnotherProcess() throws Exception {
		var holder = Files.writeString(Files.createTempDirectory("lock-holder").resolve("HoldLock.java"), """
				import java.nio.channels.FileChannel;
				import java.nio.file.Path;
				import java.nio.file.StandardOpenOption;

				public class HoldLock {
					public static void main(String[] args) throws Exception {
						var channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
						System.out.println(channel.tryLock() != null ? "LOCKED" : "BUSY");
						System.out.flush();
						Thread.sleep(120_000);
					}
				}
				""");
		Files.createDirectories(dataDirectory);
		var child = childJava(List.of(holder.toString(), dataDirectory.resolve(EmbeddedPostgresServer.LOCK_FILE).toString()));
		try {
			assertThat(awaitLine(child, "LOCKED", "BUSY")).isEqualTo("LOCKED");

			assertThatThrownBy(() -> EmbeddedPostgresServer.start(
					new EmbeddedDatabaseProperties(true, dataDirectory, 0, Duration.ofSeconds(60))))
					.isInstanceOf(EmbeddedPostgresServer.DataDirectoryInUseException.class);
		} finally {
			child.process().destroyForcibly().waitFor();
		}
	}

	@Test
	void stopsTheServerOfABatonThatWasKilledAndStartsAgain() throws Exception {
		var child = childJava(List.of("-cp", System.getProperty("java.class.path"), AbandonedServer.class.getName(),
				dataDirectory.toString()));
		Long orphan = null;
		try {
			assertThat(awaitLine(child, AbandonedServer.READY)).isEqualTo(AbandonedServer.READY);
			child.process().destroyForcibly().waitFor();
			orphan = postmasterPid(dataDirectory);
			assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).as("the killed Baton's PostgreSQL")
					.contains(true);

			// without stopping the orphan first this would wait out the whole start-up timeout and fail
			try (var server = EmbeddedPostgresServer.start(
					new EmbeddedDatabaseProperties(true, dataDirectory, 0, Duration.ofSeconds(20)));
					var connection = DriverManager.getConnection(server.jdbcUrl(), "postgres", "")) {
				var rows = connection.createStatement().executeQuery("SELECT value FROM survivor");
				assertThat(rows.next()).isTrue();
				assertThat(rows.getString(1)).isEqualTo("kept");
				assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
			}
		} finally {
			child.process().destroyForcibly();
			if (orphan != null) {
				ProcessHandle.of(orphan).ifPresent(ProcessHandle::destroy);
			}
		}
	}

	@Test
	void failureAnalyzersAreRegistered() {
		// Boot's own analyzers need a bean factory to be made; skip those
		var analyzers = SpringFactoriesLoader.forDefaultResourceLocation(getClass().getClassLoader())
				.load(FailureAnalyzer.class, null, (type, name, failure) -> {
				});

		assertThat(analyzers).hasAtLeastOneElementOfType(DatabaseStartupFailureAnalyzer.class)
				.hasAtLeastOneElementOfType(DatabaseStartupFailureAnalyzer.DataDirectoryInUse.class);
	}

	@Test
	void startFailsWithAClearMessageWhenTheExternalDatabaseIsDown(CapturedOutput output) throws Exception {
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
		// what a person starting Baton sees: the analysis, registered in META-INF/spring.factories
		assertThat(output).contains("APPLICATION FAILED TO START")
				.contains("Baton could not connect to its PostgreSQL database").contains("BATON_DATABASE_URL");
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

	private record Child(Process process, Path output) {
	}

	/** Starts {@code java} with the arguments, its output going to a file. */
	private static Child childJava(List<String> arguments) throws Exception {
		var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		var command = new ArrayList<String>();
		command.add(java);
		command.addAll(arguments);
		var output = Files.createTempFile("child-java", ".log");
		var process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
		return new Child(process, output);
	}

	/** Waits up to a minute for the child to print one of the lines, and answers which. */
	private static String awaitLine(Child child, String... lines) throws Exception {
		var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			var printed = Files.readAllLines(child.output());
			for (var line : lines) {
				if (printed.stream().anyMatch(p -> p.strip().equals(line))) {
					return line;
				}
			}
			if (!child.process().isAlive()) {
				break;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("The child process did not print " + List.of(lines) + ":\n"
				+ Files.readString(child.output()));
	}

	private static long postmasterPid(Path dataDirectory) throws Exception {
		return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postgres").resolve("postmaster.pid")).get(0).strip());
	}

	private static int freePort() throws Exception {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
