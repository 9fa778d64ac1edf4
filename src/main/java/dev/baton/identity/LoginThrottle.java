package dev.baton.identity;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Locks an account for a while after too many wrong passwords in a row, on every instance at
 * once because the count lives in the database.
 */
@Component
class LoginThrottle {

	private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

	private final UserAccounts accounts;
	private final Clock clock;
	private final IdentityProperties properties;

	LoginThrottle(UserAccounts accounts, Clock clock, IdentityProperties properties) {
		this.accounts = accounts;
		this.clock = clock;
		this.properties = properties;
	}

	@EventListener
	void onFailure(AuthenticationFailureBadCredentialsEvent event) {
		var username = String.valueOf(event.getAuthentication().getPrincipal());
		var now = clock.instant();
		accounts.recordFailedLogin(username, now, properties.login().maxFailures(),
				now.plus(properties.login().lockout()));
		log.info("Wrong password for {}", username);
	}

	@EventListener
	void onSuccess(AuthenticationSuccessEvent event) {
		accounts.recordSuccessfulLogin(event.getAuthentication().getName());
	}
}
