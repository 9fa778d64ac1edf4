package dev.baton.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.baton.audit.AuditLog;

/**
 * Locks an account for a while after too many wrong passwords in a row, on every instance at
 * once because the count lives in the database.
 * <p>
 * Each password attempt is counted <em>before</em> its password is checked, so that parallel
 * attempts cannot slip past the limit while their checks run: the attempt that reaches the limit
 * locks the account, and the attempts after it are refused whatever their password. A right
 * password (of an attempt within the limit) lifts the count and the lock. Single sign-on and API
 * tokens neither count nor lift it.
 */
@Component
class LoginThrottle {

	private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

	/** How long password checks already under way may take; a lock younger than this may yet be lifted. */
	private static final Duration SETTLE = Duration.ofSeconds(3);
	private static final Duration SETTLE_POLL = Duration.ofMillis(100);

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
	 * Counts a password attempt and gives the account to check it against; the account comes
	 * back locked when it is locked or this attempt is over the limit.
	 * <p>
	 * A lock set moments ago may be one that the attempt reaching the limit set before its own
	 * check, while other attempts (a script's parallel requests) are still being checked: one right
	 * password among them lifts it. So an attempt that meets such a lock waits a little for the
	 * attempts before it to settle before it is refused.
	 *
	 * @throws UsernameNotFoundException when no account with a password has this username
	 */
	LoginUser reserve(String username) {
		var max = properties.login().maxFailures();
		var lockout = properties.login().lockout();
		var settled = System.nanoTime() + SETTLE.toNanos();
		while (true) {
			var now = clock.instant();
			var attempt = accounts.reserveLoginAttempt(username, now, max, now.plus(lockout))
					.orElseThrow(() -> new UsernameNotFoundException("No local account with a password: " + username));
			var account = attempt.credentials().account();
			if (attempt.counted() && attempt.number() > max) {
				// the count was over a limit that has since been lowered: this attempt locked the account
				locked(account, attempt.number());
			}
			// refused uncounted, but the lock is gone by now: a right password lifted it in between
			var liftedMeanwhile = !attempt.counted()
					&& (account.lockedUntil() == null || !account.lockedUntil().isAfter(now));
			var lockedMomentsAgo = !attempt.counted() && account.lockedUntil() != null
					&& account.lockedUntil().minus(lockout).isAfter(now.minus(SETTLE));
			if (attempt.allowed() || !(lockedMomentsAgo || liftedMeanwhile) || System.nanoTime() - settled > 0) {
				return new LoginUser(account, attempt.credentials().passwordHash(), attempt.number(), attempt.allowed());
			}
			try {
				Thread.sleep(SETTLE_POLL.toMillis());
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return new LoginUser(account, attempt.credentials().passwordHash(), attempt.number(), false);
			}
		}
	}

	/** The password was wrong; if this was the attempt that reached the limit, the lock stands. */
	void failed(LoginUser user) {
		if (!user.allowed()) {
			// refused anyway: the account is locked, and this attempt was not counted
			return;
		}
		log.info("Wrong password for {} (attempt {} in a row)", user.getUsername(), user.attempt());
		if (user.attempt() == properties.login().maxFailures()) {
			locked(user.account(), user.attempt());
		}
	}

	/** The password was right: the attempts before it were no attack. */
	void succeeded(LoginUser user) {
		if (user.allowed()) {
			accounts.recordSuccessfulLogin(user.getUsername());
		}
	}

	private void locked(UserAccount account, int attempts) {
		log.warn("Locked account {} until {} after {} password attempts in a row", account.username(),
				account.lockedUntil(), attempts);
		// the login runs outside any transaction, and the audit trail is written only inside one
		transactions.executeWithoutResult(status -> audit.recordBySystem("user.locked", "user", account.id(),
				"too many wrong passwords in a row", Map.of("username", account.username(), "attempts", attempts,
						"lockedUntil", String.valueOf(account.lockedUntil()))));
	}
}
