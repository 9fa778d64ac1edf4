package dev.baton.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Demo data settings.
 *
 * @param enabled load the demo organisation into an empty database; unset means "only with the
 *        embedded database", so an external (production) database never gets it silently
 * @param password the password of every demo login
 * @param sampleRequests file sample SA requests after loading the organisation, so the board has
 *        work on it (the tests turn this off: they file their own)
 */
@ConfigurationProperties("baton.demo")
record DemoProperties(Boolean enabled, @DefaultValue("demo-password") String password,
		@DefaultValue("true") boolean sampleRequests) {
}
