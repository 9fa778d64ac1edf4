package dev.baton.identity;

import java.time.Clock;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Single sign-on maps the identity provider's user to the local account with the same verified
 * e-mail address; roles stay Baton's. Someone without an enabled, unlocked local account is refused.
 */
class OidcAccountMapping implements OAuth2UserService<OidcUserRequest, OidcUser> {

	private final OidcUserService delegate = new OidcUserService();
	private final UserAccounts accounts;
	private final Clock clock;

	OidcAccountMapping(UserAccounts accounts, Clock clock) {
		this.accounts = accounts;
		this.clock = clock;
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) {
		var oidcUser = delegate.loadUser(request);
		return map(oidcUser);
	}

	OidcUser map(OidcUser oidcUser) {
		var email = oidcUser.getEmail();
		// only an address the provider says it verified: a missing claim vouches for nothing, and an
		// unverified address could be anyone's
		if (email == null || !Boolean.TRUE.equals(oidcUser.getEmailVerified())) {
			throw refuse("The identity provider did not vouch for an e-mail address");
		}
		var now = clock.instant();
		var account = accounts.findByEmail(email)
				.filter(a -> a.enabled() && !a.isLockedAt(now))
				.orElseThrow(() -> refuse("No enabled and unlocked Baton account has the e-mail address " + email));
		var authorities = account.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
		return new LocalOidcUser(authorities, oidcUser, account.username());
	}

	private static OAuth2AuthenticationException refuse(String message) {
		return new OAuth2AuthenticationException(new OAuth2Error("baton_account_unknown", message, null), message);
	}

	/** An OIDC user known to Baton by its local username. */
	static final class LocalOidcUser extends DefaultOidcUser {

		// kept in web sessions, which are serialised into PostgreSQL and outlive a deployment
		private static final long serialVersionUID = 1L;

		private final String username;

		LocalOidcUser(java.util.Collection<SimpleGrantedAuthority> authorities, OidcUser user, String username) {
			super(authorities, user.getIdToken(), user.getUserInfo());
			this.username = username;
		}

		@Override
		public String getName() {
			return username;
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof LocalOidcUser that && username.equals(that.username) && super.equals(other);
		}

		@Override
		public int hashCode() {
			return username.hashCode();
		}
	}
}
