package dev.baton;

import java.util.ArrayList;
import java.util.List;
import java.sql.ResultSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

/**
 * Counts the SQL statements that HTTP requests run, and the rows they read, for the tests that
 * hold an operation to a statement budget and catch reads that grow with the organisation. Only statements on the servlet container's request threads count: the
 * scheduler and the listeners that run after commit are not the request's cost.
 */
public class SqlStatements implements BeanPostProcessor {

	private final AtomicBoolean recording = new AtomicBoolean();
	private final List<String> statements = new ArrayList<>();
	private final AtomicLong rows = new AtomicLong();

	/** Forgets what was counted and counts from now on. */
	public void start() {
		synchronized (statements) {
			statements.clear();
		}
		rows.set(0);
		recording.set(true);
	}

	/** Stops counting and answers the statements run since {@link #start()}, in order. */
	public List<String> stop() {
		recording.set(false);
		synchronized (statements) {
			return List.copyOf(statements);
		}
	}

	/** The rows read from result sets since {@link #start()}. */
	public long rows() {
		return rows.get();
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource && !beanName.startsWith("scopedTarget")) {
			return ProxyDataSourceBuilder.create(dataSource).name(beanName).listener(new Listener())
					.proxyResultSet().methodListener(new RowCounter()).build();
		}
		return bean;
	}

	private boolean counting() {
		return recording.get() && Thread.currentThread().getName().startsWith("http-nio");
	}

	private final class RowCounter implements MethodExecutionListener {

		@Override
		public void beforeMethod(MethodExecutionContext context) {
		}

		@Override
		public void afterMethod(MethodExecutionContext context) {
			if (context.getTarget() instanceof ResultSet && context.getMethod().getName().equals("next")
					&& Boolean.TRUE.equals(context.getResult()) && counting()) {
				rows.incrementAndGet();
			}
		}
	}

	private final class Listener implements QueryExecutionListener {

		@Override
		public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
		}

		@Override
		public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
			if (!counting()) {
				return;
			}
			var sql = queries.isEmpty() ? "?" : queries.get(0).getQuery().strip().replaceAll("\\s+", " ");
			synchronized (statements) {
				statements.add(sql);
			}
		}
	}
}
