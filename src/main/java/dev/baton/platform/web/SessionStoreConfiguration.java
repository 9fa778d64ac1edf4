package dev.baton.platform.web;

import java.io.IOException;
import java.util.Map;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The web UI's sessions live in PostgreSQL (Spring Session JDBC, tables in
 * {@code V7__sessions.sql}), so that any instance can serve any browser.
 * <p>
 * Every instance deletes expired sessions once a minute. The delete skips rows another
 * transaction holds, so instances running it at the same moment neither wait for each other nor
 * deadlock, and a session that a request is just touching is left for the next run.
 * <p>
 * At the end of every request Spring Session saves the session and then looks it up again by
 * id (to decide whether to set the cookie): a second read of a row it has just written. The
 * repository here answers that one look-up from the session it just saved, so a page costs two
 * session statements (read, save) instead of three.
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

	@Bean
	static BeanPostProcessor sessionSavedLookup() {
		return new BeanPostProcessor() {

			@Override
			@SuppressWarnings({ "unchecked", "rawtypes" })
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return bean instanceof JdbcIndexedSessionRepository repository ? new SavedLookup(repository) : bean;
			}
		};
	}

	/** Forgets the session saved on this thread, around the session filter, so it never serves another request. */
	@Bean
	FilterRegistrationBean<OncePerRequestFilter> sessionSavedLookupReset() {
		var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				try {
					chain.doFilter(request, response);
				}
				finally {
					SavedLookup.SAVED.remove();
				}
			}
		});
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 10);
		return registration;
	}

	/** Delegates to the JDBC repository; a look-up of the session this thread has just saved answers that session. */
	static final class SavedLookup<S extends Session> implements FindByIndexNameSessionRepository<S> {

		static final ThreadLocal<Session> SAVED = new ThreadLocal<>();

		private final FindByIndexNameSessionRepository<S> delegate;

		SavedLookup(FindByIndexNameSessionRepository<S> delegate) {
			this.delegate = delegate;
		}

		@Override
		public S createSession() {
			SAVED.remove();
			return delegate.createSession();
		}

		@Override
		public void save(S session) {
			delegate.save(session);
			SAVED.set(session);
		}

		@Override
		@SuppressWarnings("unchecked")
		public S findById(String id) {
			var saved = SAVED.get();
			SAVED.remove();
			if (saved != null && saved.getId().equals(id) && !saved.isExpired()) {
				return (S) saved;
			}
			return delegate.findById(id);
		}

		@Override
		public void deleteById(String id) {
			SAVED.remove();
			delegate.deleteById(id);
		}

		@Override
		public Map<String, S> findByIndexNameAndIndexValue(String indexName, String indexValue) {
			return delegate.findByIndexNameAndIndexValue(indexName, indexValue);
		}
	}
}
