package dev.baton.platform.database;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;

/**
 * A Baton stand-in run as its own process by {@link DatabaseFaultTests}: it starts the embedded
 * server on a directory, writes a row, says {@value #READY} and waits to be killed, leaving its
 * PostgreSQL running as a {@code kill -9} of Baton would.
 */
final class AbandonedServer {

	static final String READY = "abandoned server ready";

	private AbandonedServer() {
	}

	public static void main(String[] args) throws Exception {
		var server = EmbeddedPostgresServer.start(
				new EmbeddedDatabaseProperties(true, Path.of(args[0]), 0, Duration.ofSeconds(60)));
		try (var connection = DriverManager.getConnection(server.jdbcUrl(), "postgres", "")) {
			connection.createStatement().execute("CREATE TABLE survivor (value TEXT); INSERT INTO survivor VALUES ('kept')");
		}
		System.out.println(READY);
		System.out.flush();
		Thread.sleep(Duration.ofMinutes(5).toMillis());
	}
}
