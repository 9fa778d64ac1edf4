package dev.baton.platform.database;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Starts the embedded PostgreSQL server and points the connection pool at it, unless an external
 * database is configured ({@code BATON_DATABASE_URL} or {@code spring.datasource.url}).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDatabaseCondition.class)
class EmbeddedDatabaseConfiguration {

	/** The server {@link EmbeddedDatabaseEarlyStart} began starting with the context, or one started now. */
	@Bean(destroyMethod = "close")
	EmbeddedPostgresServer embeddedPostgresServer(EmbeddedDatabaseProperties properties,
			ObjectProvider<EmbeddedDatabaseEarlyStart.Start> early) {
		var started = early.getIfAvailable();
		return started != null ? started.take() : EmbeddedPostgresServer.start(properties);
	}

	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedPostgresServer server) {
		return DataSourceBuilder.create()
				.type(HikariDataSource.class)
				.driverClassName("org.postgresql.Driver")
				.url(server.jdbcUrl())
				.username(server.username())
				.password("")
				.build();
	}
}
