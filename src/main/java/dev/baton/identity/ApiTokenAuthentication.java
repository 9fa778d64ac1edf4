package dev.baton.identity;

import java.util.Collection;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/**
 * A caller authenticated by a personal API token, told apart from a password or session login
 * because a token may not do everything its owner may (issue more tokens, for one).
 */
final class ApiTokenAuthentication extends AbstractAuthenticationToken {

	private static final long serialVersionUID = 1L;

	private final String username;

	ApiTokenAuthentication(String username, Collection<? extends GrantedAuthority> authorities) {
		super(authorities);
		this.username = username;
		setAuthenticated(true);
	}

	@Override
	public Object getCredentials() {
		return null;
	}

	@Override
	public Object getPrincipal() {
		return username;
	}
}
