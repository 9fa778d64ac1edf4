package dev.baton.platform.database;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded PostgreSQL server Baton starts when no external database is configured.
 *
 * @param enabled whether to start the embedded server when no external database URL is set
 * @param dataDirectory where the server keeps its data; empty means a throw-away temporary
 *        directory (tests)
 * @param port the TCP port on 127.0.0.1; 0 picks a free one
 * @param startupTimeout how long to wait for the server to accept connections
 */
@ConfigurationProperties("baton.database.embedded")
record EmbeddedDatabaseProperties(
		@DefaultValue("true") boolean enabled,
		Path dataDirectory,
		@DefaultValue("0") int port,
		@DefaultValue("60s") Duration startupTimeout) {
}
