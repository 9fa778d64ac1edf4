package dev.baton;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import dev.baton.platform.events.FailingOnceListener;

/**
 * Puts a {@link MutableClock} in place of the system clock, records the events published, counts
 * the SQL statements of HTTP requests, and listens to a test event with a listener that fails once.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

	@Bean
	@Primary
	MutableClock testClock() {
		return new MutableClock();
	}

	@Bean
	static SqlStatements sqlStatements() {
		return new SqlStatements();
	}

	@Bean
	RecordedEvents recordedEvents() {
		return new RecordedEvents();
	}

	@Bean
	FailingOnceListener failingOnceListener() {
		return new FailingOnceListener();
	}
}
