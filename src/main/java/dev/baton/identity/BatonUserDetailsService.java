package dev.baton.identity;

import java.time.Clock;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Loads local accounts for form login and HTTP Basic; a throttled account comes back locked.
 */
@Service
class BatonUserDetailsService implements UserDetailsService {

	private final UserAccounts accounts;
	private final Clock clock;

	BatonUserDetailsService(UserAccounts accounts, Clock clock) {
		this.accounts = accounts;
		this.clock = clock;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		var credentials = accounts.findCredentials(username)
				.filter(c -> c.passwordHash() != null)
				.orElseThrow(() -> new UsernameNotFoundException("No local account " + username));
		var account = credentials.account();
		return User.withUsername(account.username())
				.password(credentials.passwordHash())
				.authorities(account.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList())
				.disabled(!account.enabled())
				.accountLocked(account.isLockedAt(clock.instant()))
				.build();
	}
}
