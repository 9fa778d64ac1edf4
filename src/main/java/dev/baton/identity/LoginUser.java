package dev.baton.identity;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * A local account as loaded for one password login attempt; it never outlives the attempt (the
 * signed-in principal is a plain {@link User}).
 */
final class LoginUser extends User {

	private static final long serialVersionUID = 1L;

	private final transient UserAccount account;
	private final boolean allowed;

	/**
	 * @param allowed whether this attempt may succeed (the account was not locked when it was
	 *        loaded); if not, it comes back locked
	 */
	LoginUser(UserAccount account, String passwordHash, boolean allowed) {
		super(account.username(), passwordHash, account.enabled(), true, true, allowed,
				account.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
		this.account = account;
		this.allowed = allowed;
	}

	boolean allowed() {
		return allowed;
	}

	UserAccount account() {
		return account;
	}
}
