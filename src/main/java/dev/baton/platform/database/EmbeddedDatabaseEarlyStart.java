package dev.baton.platform.database;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.StringUtils;

/**
 * Starts the embedded PostgreSQL server on a thread of its own as soon as the application context
 * exists, so that the server's start (several seconds the first time: {@code initdb}) overlaps
 * the context's own start instead of following it. {@link EmbeddedDatabaseConfiguration} takes
 * the started server when the connection pool needs it. Registered in {@code spring.factories};
 * does nothing when an external database is configured or the embedded one is off, the same
 * cases as {@link NoExternalDatabaseCondition}.
 */
class EmbeddedDatabaseEarlyStart implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	static final String BEAN_NAME = "embeddedPostgresEarlyStart";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		var environment = context.getEnvironment();
		if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))
				|| !environment.getProperty("baton.database.embedded.enabled", Boolean.class, true)
				|| !(context.getBeanFactory() instanceof DefaultListableBeanFactory beans)) {
			return;
		}
		var properties = Binder.get(environment).bindOrCreate("baton.database.embedded",
				Bindable.of(EmbeddedDatabaseProperties.class));
		var start = new Start(CompletableFuture.supplyAsync(() -> EmbeddedPostgresServer.start(properties),
				runnable -> {
					var thread = new Thread(runnable, "embedded-postgres-start");
					thread.setDaemon(true);
					thread.start();
				}));
		beans.registerSingleton(BEAN_NAME, start);
		beans.registerDisposableBean(BEAN_NAME, start);
	}

	/** The server being started; stopped with the context unless the connection pool took it. */
	static final class Start implements DisposableBean {

		private final CompletableFuture<EmbeddedPostgresServer> server;
		private volatile boolean taken;

		Start(CompletableFuture<EmbeddedPostgresServer> server) {
			this.server = server;
		}

		/** Waits for the server; a failure to start is thrown as it was thrown on the starting thread. */
		EmbeddedPostgresServer take() {
			try {
				var started = server.join();
				taken = true;
				return started;
			}
			catch (CompletionException e) {
				if (e.getCause() instanceof RuntimeException cause) {
					throw cause;
				}
				if (e.getCause() instanceof Error error) {
					throw error;
				}
				throw e;
			}
		}

		/** A context that failed before the pool took the server, or never needed it, stops it here. */
		@Override
		public void destroy() throws Exception {
			if (!taken && !server.isCompletedExceptionally()) {
				server.join().close();
			}
		}
	}
}
