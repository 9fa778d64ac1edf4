package dev.baton.identity;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * A local account as loaded for one password login attempt, with that attempt's number; it never
 * outlives the attempt (the signed-in principal is a plain {@link User}).
 */
final class LoginUser extends User {

	private static final long serialVersionUID = 1L;

	private final transient UserAccount account;
	private final int attempt;
	private final boolean allowed;

	/**
	 * @param attempt the attempt's number in the row since the last right password
	 * @param allowed whether this attempt may succeed; if not, it comes back locked
	 */
	LoginUser(UserAccount account, String passwordHash, int attempt, boolean allowed) {
		super(account.username(), passwordHash, account.enabled(), true, true, allowed,
				account.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
		this.account = account;
		this.attempt = attempt;
		this.allowed = allowed;
	}

	boolean allowed() {
		return allowed;
	}

	UserAccount account() {
		return account;
	}

	int attempt() {
		return attempt;
	}
}
