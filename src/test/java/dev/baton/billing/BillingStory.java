package dev.baton.billing;

import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.baton.MutableClock;
import dev.baton.pipeline.Pipeline;

/**
 * What billing's stories share in the shared context: the server's port, the clock they move (set
 * back to now after each), the database, the pipeline, the billing run and a {@link BillingFixture}.
 */
abstract class BillingStory {

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Pipeline pipeline;

	@Autowired
	BillingRun run;

	BillingFixture billing;

	@BeforeEach
	void fixture() {
		billing = new BillingFixture(port, clock, jdbc, pipeline);
	}

	@AfterEach
	void backToNow() {
		clock.set(Instant.now());
	}
}
