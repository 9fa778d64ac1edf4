package dev.baton.platform.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * The web UI's sessions live in PostgreSQL (Spring Session JDBC, tables in
 * {@code V7__sessions.sql}), so that any instance can serve any browser.
 * <p>
 * Every instance deletes expired sessions once a minute. The delete skips rows another
 * transaction holds, so instances running it at the same moment neither wait for each other nor
 * deadlock, and a session that a request is just touching is left for the next run.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

	static final String DELETE_EXPIRED_SESSIONS = """
			DELETE FROM %TABLE_NAME%
			WHERE PRIMARY_ID IN (SELECT PRIMARY_ID FROM %TABLE_NAME% WHERE EXPIRY_TIME < ? FOR UPDATE SKIP LOCKED)
			""";

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> expiredSessionCleanup() {
		return repository -> repository.setDeleteSessionsByExpiryTimeQuery(DELETE_EXPIRED_SESSIONS);
	}
}
