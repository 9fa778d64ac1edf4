package dev.baton.platform;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.baton.BatonApplication;
import dev.baton.Http;

/**
 * Baton run as a process of its own, for crash tests: the test's classpath, a data directory kept
 * across starts, its own HTTP port and a fixed port for its embedded PostgreSQL, so the test reads
 * the database directly. {@link #kill()} is {@code kill -9} (SIGKILL on Linux): Baton gets no
 * chance to stop anything, and its PostgreSQL is left running, as after a real crash; the next
 * start on the directory stops that server first. Output goes to a log file, shown when a start fails.
 */
public final class ProcessHarness implements AutoCloseable {

	private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

	private final Path dataDirectory;
	private final int databasePort;
	private Process process;
	private int port;
	private Path log;

	private ProcessHarness(Path dataDirectory) throws IOException {
		this.dataDirectory = dataDirectory;
		this.databasePort = freePort();
	}

	/**
	 * Starts Baton on the directory with the settings given ({@code --name=value}), and waits until
	 * it is ready; {@link #restart()} starts it again on the same directory and database port.
	 */
	public static ProcessHarness start(Path dataDirectory, List<String> settings) throws Exception {
		var harness = new ProcessHarness(dataDirectory);
		harness.launch(settings);
		return harness;
	}

	/** Starts Baton again on the same data directory and database port, with these settings (not the first ones). */
	public void restart(List<String> settings) throws Exception {
		if (process != null && process.isAlive()) {
			throw new IllegalStateException("Baton is still running");
		}
		launch(settings);
	}

	private void launch(List<String> settings) throws Exception {
		port = freePort();
		log = Files.createTempFile("baton-process", ".log");
		var command = new ArrayList<String>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx768m");
		command.add("-XX:TieredStopAtLevel=1");
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(BatonApplication.class.getName());
		command.add("--server.port=" + port);
		command.add("--baton.database.embedded.data-directory=" + dataDirectory);
		command.add("--baton.database.embedded.port=" + databasePort);
		command.add("--logging.level.io.zonky=warn");
		command.addAll(settings);
		process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		var deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("Baton stopped while starting:\n" + tail());
			}
			try {
				if (Http.to(port).get("/actuator/health/readiness").status() == 200) {
					return;
				}
			}
			catch (RuntimeException notYet) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException("Baton was not ready within " + START_TIMEOUT + ":\n" + tail());
	}

	/** The HTTP port of the running Baton. */
	public int port() {
		return port;
	}

	/** A connection to Baton's database (its embedded PostgreSQL), while that runs. */
	public Connection database() throws SQLException {
		return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + databasePort + "/postgres", "postgres", "");
	}

	/** {@code kill -9}: Baton ends at once, in the middle of whatever it does. */
	public void kill() throws InterruptedException {
		process.destroyForcibly().waitFor();
	}

	/** The last lines Baton wrote, for a failure's message. */
	public String tail() {
		try {
			var lines = Files.readAllLines(log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
		}
		catch (IOException e) {
			return "(no log: " + e + ")";
		}
	}

	/** Stops Baton, and a PostgreSQL a killed Baton left running. */
	@Override
	public void close() throws Exception {
		if (process != null && process.isAlive()) {
			process.destroy();
			if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor();
			}
		}
		var pidFile = dataDirectory.resolve("postgres").resolve("postmaster.pid");
		if (Files.isRegularFile(pidFile)) {
			var pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
			ProcessHandle.of(pid).filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false))
					.ifPresent(postgres -> {
						postgres.destroy();
						postgres.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
					});
		}
	}

	private static int freePort() throws IOException {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
