package dev.baton.identity;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Username and password login (the web form and HTTP Basic) against local accounts, throttled by
 * {@link LoginThrottle}: a wrong password is counted after its check, a right password lifts the
 * count unless the account got locked meanwhile.
 */
final class PasswordLogin extends DaoAuthenticationProvider {

	private final LoginThrottle throttle;

	PasswordLogin(LoginThrottle throttle, PasswordEncoder passwords) {
		super(throttle::load);
		this.throttle = throttle;
		setPasswordEncoder(passwords);
	}

	/**
	 * Checks the password. Spring Security checks it for a locked or disabled account too (and
	 * refuses afterwards), so that the answer's timing does not tell the account's state; such an
	 * attempt neither counts as a failure nor lifts the count.
	 */
	@Override
	protected void additionalAuthenticationChecks(UserDetails user, UsernamePasswordAuthenticationToken authentication) {
		var attempt = (LoginUser) user;
		try {
			super.additionalAuthenticationChecks(user, authentication);
		} catch (BadCredentialsException e) {
			throttle.failed(attempt);
			throw e;
		}
		throttle.succeeded(attempt);
		if (attempt.allowed()) {
			// a right password lifted any lock: the account as it now stands, for the rest of the request
			var account = attempt.account();
			SignedInAccount.remember(new UserAccount(account.id(), account.username(), account.displayName(),
					account.email(), account.roles(), account.enabled(), null, account.version(), account.createdAt(),
					account.updatedAt()));
		}
	}

	@Override
	protected Authentication createSuccessAuthentication(Object principal, Authentication authentication,
			UserDetails user) {
		// the principal lives in the session: a plain User, not the attempt
		var plain = User.withUserDetails(user).build();
		return super.createSuccessAuthentication(plain, authentication, plain);
	}
}
