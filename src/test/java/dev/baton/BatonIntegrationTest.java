package dev.baton;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * A test against the whole application on a random port, with a real embedded PostgreSQL, the
 * demo organisation, a clock the test can move and a real SMTP server ({@link TestMailServer}).
 * All such tests share one context: a test that needs other settings costs a context of its own
 * (a database, a server and the demo data) and should rather set what it needs on its own data.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
@ContextConfiguration(initializers = TestMailServer.class)
public @interface BatonIntegrationTest {
}
