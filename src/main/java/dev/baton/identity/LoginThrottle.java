package dev.baton.identity;

import java.time.Clock;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.baton.audit.AuditLog;

/**
 * Locks an account for a while after too many wrong passwords in a row, on every instance at
 * once because the count lives in the database.
 * <p>
 * Each attempt is judged after its password is checked, in one statement that also reads the
 * lock: a wrong password counts only while the account is not locked, and the failure that
 * reaches the limit sets the lock; a right password gets in and lifts the count only if the
 * account is not locked at that moment. So the outcome of parallel attempts is that of the same
 * attempts one after the other, in the order their checks finished: a right password is never
 * refused because other checks are queued, and an attacker's parallel guesses learn nothing past
 * the limit (once the lock is set, a right guess is refused like a wrong one). Single sign-on and
 * API tokens neither count nor lift it.
 */
@Component
class LoginThrottle {

	private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

	private final UserAccounts accounts;
	private final AuditLog audit;
	private final TransactionTemplate transactions;
	private final Clock clock;
	private final IdentityProperties properties;

	LoginThrottle(UserAccounts accounts, AuditLog audit, TransactionTemplate transactions, Clock clock,
			IdentityProperties properties) {
		this.accounts = accounts;
		this.audit = audit;
		this.transactions = transactions;
		this.clock = clock;
		this.properties = properties;
	}

	/**
	 * The account to check a password against; it comes back locked when it is locked now (its
	 * password is checked all the same, so that the answer's timing does not tell).
	 *
	 * @throws UsernameNotFoundException when no account with a password has this username
	 */
	LoginUser load(String username) {
		var credentials = accounts.findCredentials(username).filter(c -> c.passwordHash() != null)
				.orElseThrow(() -> new UsernameNotFoundException("No local account with a password: " + username));
		var account = credentials.account();
		var lockedNow = account.lockedUntil() != null && account.lockedUntil().isAfter(clock.instant());
		return new LoginUser(account, credentials.passwordHash(), !lockedNow);
	}

	/** The password was wrong: counted unless the account is locked by now; the failure at the limit locks it. */
	void failed(LoginUser user) {
		if (!user.allowed()) {
			return;
		}
		var now = clock.instant();
		var max = properties.login().maxFailures();
		accounts.recordFailedLogin(user.getUsername(), now, max, now.plus(properties.login().lockout()))
				.ifPresent(failure -> {
					log.info("Wrong password for {} (failure {} in a row)", user.getUsername(), failure.count());
					if (failure.lockedUntil() != null) {
						locked(user, failure);
					}
				});
	}

	/**
	 * The password was right: the failures before it were no attack, unless they locked the
	 * account while this password was being checked.
	 *
	 * @throws LockedException when the account was locked in the meantime
	 */
	void succeeded(LoginUser user) {
		if (user.allowed() && !accounts.recordSuccessfulLogin(user.getUsername(), clock.instant())) {
			throw new LockedException("The account was locked while its password was checked");
		}
	}

	private void locked(LoginUser user, UserAccounts.LoginFailure failure) {
		var account = user.account();
		log.warn("Locked account {} until {} after {} wrong passwords in a row", account.username(),
				failure.lockedUntil(), failure.count());
		// the login runs outside any transaction, and the audit trail is written only inside one
		transactions.executeWithoutResult(status -> audit.recordBySystem("user.locked", "user", account.id(),
				"too many wrong passwords in a row", Map.of("username", account.username(), "attempts", failure.count(),
						"lockedUntil", String.valueOf(failure.lockedUntil()))));
	}
}
