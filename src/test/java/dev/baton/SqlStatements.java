package dev.baton;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

/**
 * Counts the SQL statements that HTTP requests run, for the tests that hold an operation to a
 * statement budget. Only statements on the servlet container's request threads count: the
 * scheduler and the listeners that run after commit are not the request's cost.
 */
public class SqlStatements implements BeanPostProcessor {

	private final AtomicBoolean recording = new AtomicBoolean();
	private final List<String> statements = new ArrayList<>();

	/** Forgets what was counted and counts from now on. */
	public void start() {
		synchronized (statements) {
			statements.clear();
		}
		recording.set(true);
	}

	/** Stops counting and answers the statements run since {@link #start()}, in order. */
	public List<String> stop() {
		recording.set(false);
		synchronized (statements) {
			return List.copyOf(statements);
		}
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource && !beanName.startsWith("scopedTarget")) {
			return ProxyDataSourceBuilder.create(dataSource).name(beanName).listener(new Listener()).build();
		}
		return bean;
	}

	private final class Listener implements QueryExecutionListener {

		@Override
		public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
		}

		@Override
		public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
			if (!recording.get() || !Thread.currentThread().getName().startsWith("http-nio")) {
				return;
			}
			var sql = queries.isEmpty() ? "?" : queries.get(0).getQuery().strip().replaceAll("\\s+", " ");
			synchronized (statements) {
				statements.add(sql);
			}
		}
	}
}
