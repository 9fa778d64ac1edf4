package dev.baton.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Security settings.
 *
 * @param login how many wrong passwords in a row lock an account, and for how long
 * @param passwordMinLength the shortest password accepted for a new or changed password
 * @param tokenMaxLifetime the longest lifetime an API token may be given
 */
@ConfigurationProperties("baton.security")
record IdentityProperties(@DefaultValue Login login, @DefaultValue("12") int passwordMinLength,
		@DefaultValue("365d") Duration tokenMaxLifetime) {

	record Login(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration lockout) {
	}
}
