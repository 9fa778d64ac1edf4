package dev.baton.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server run from the binaries published on Maven Central, owned by this process.
 * <p>
 * With a data directory, the data survives restarts and the directory is locked for as long as
 * the server runs, so that a second Baton started on the same directory fails with a clear
 * message instead of corrupting it.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

	static final String LOCK_FILE = "baton.lock";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	private final EmbeddedPostgres postgres;
	private final FileChannel lockChannel;
	private final FileLock lock;
	private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

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
				.setLocaleConfig("locale", "C")
				.setLocaleConfig("lc-messages", "C");
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
				builder.setDataDirectory(root.resolve("postgres")).setCleanDataDirectory(false);
				log.info("Starting embedded PostgreSQL with data in {}", root.resolve("postgres"));
			} else {
				builder.setCleanDataDirectory(true);
				log.info("Starting embedded PostgreSQL with a temporary data directory");
			}
			var postgres = builder.start();
			log.info("Embedded PostgreSQL accepts connections at {}", jdbcUrl(postgres.getPort()));
			return new EmbeddedPostgresServer(postgres, channel, lock);
		} catch (IOException e) {
			closeQuietly(channel);
			throw new UncheckedIOException("Could not start the embedded PostgreSQL server: " + e.getMessage(), e);
		} catch (RuntimeException e) {
			closeQuietly(channel);
			throw e;
		}
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

	@Override
	public void close() throws IOException {
		if (!closed.compareAndSet(false, true)) {
			return;
		}
		try {
			log.info("Stopping embedded PostgreSQL");
			postgres.close();
		} finally {
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
