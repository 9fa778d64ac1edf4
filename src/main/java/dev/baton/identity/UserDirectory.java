package dev.baton.identity;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.baton.audit.AuditLog;
import dev.baton.platform.BatonException;
import dev.baton.platform.FieldError;
import dev.baton.platform.Page;
import dev.baton.platform.ProblemType;
import dev.baton.platform.Versions;

/**
 * Creates, changes and finds user accounts; every change is audited.
 */
@Service
public class UserDirectory {

	private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
	private static final int MAX_PASSWORD_BYTES = 72;

	static final String NO_CONTROL_CHARACTERS = "must not contain control characters (only tab and line breaks)";

	private final UserAccounts accounts;
	private final PasswordEncoder passwords;
	private final AuditLog audit;
	private final Clock clock;
	private final IdentityProperties properties;

	UserDirectory(UserAccounts accounts, PasswordEncoder passwords, AuditLog audit, Clock clock,
			IdentityProperties properties) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.audit = audit;
		this.clock = clock;
		this.properties = properties;
	}

	/** What it takes to open an account. */
	public record NewUser(String username, String displayName, String email, Set<Role> roles, String password) {
	}

	/** The changeable part of an account. */
	public record UserChange(String displayName, String email, Set<Role> roles, boolean enabled) {
	}

	/**
	 * A password checked and hashed once, for creating many accounts that share it
	 * ({@link #create(NewUser, PasswordHash)}): the demo organisation's logins, where a bcrypt hash
	 * per account would cost seconds of every first start. Accounts created with it have equal
	 * hashes, which says only what is known already: that their passwords are the same.
	 */
	public static final class PasswordHash {

		private final String encoded;

		private PasswordHash(String encoded) {
			this.encoded = encoded;
		}
	}

	/** Checks a password as {@link #create(NewUser)} does and hashes it, once. */
	public PasswordHash hash(String password) {
		var errors = new ArrayList<FieldError>();
		checkPassword("password", password, errors);
		failIfAny(errors);
		return new PasswordHash(passwords.encode(password));
	}

	@Transactional
	public UserAccount create(NewUser user) {
		var errors = new ArrayList<FieldError>();
		checkPassword("password", user.password(), errors);
		return create(user, () -> passwords.encode(user.password()), errors);
	}

	/** Creates an account whose password is the one hashed by {@link #hash}; the user's own password is not read. */
	@Transactional
	public UserAccount create(NewUser user, PasswordHash password) {
		return create(user, () -> password.encoded, new ArrayList<>());
	}

	/** Creates the account once it is valid, hashing (or taking) its password only then. */
	private UserAccount create(NewUser user, java.util.function.Supplier<String> encodedPassword, List<FieldError> errors) {
		checkUsername(user.username(), errors);
		checkProfile(user.displayName(), user.email(), user.roles(), errors);
		failIfAny(errors);
		var now = clock.instant();
		var account = new UserAccount(UUID.randomUUID(), user.username(), user.displayName().strip(),
				user.email().strip(), user.roles(), true, null, 0, now, now);
		try {
			accounts.insert(account, encodedPassword.get());
		} catch (DuplicateKeyException e) {
			throw new BatonException(IdentityProblems.USERNAME_TAKEN,
					"An account with username " + user.username() + " or e-mail " + user.email() + " exists already");
		}
		audit.record("user.created", "user", account.id(), null,
				Map.of("username", account.username(), "roles", account.roles().stream().map(Role::name).sorted().toList()));
		return account;
	}

	@Transactional
	public UserAccount update(UserId userId, UserChange change, int expectedVersion) {
		var id = userId.value();
		SignedInAccount.forget();
		var current = find(userId);
		var errors = new ArrayList<FieldError>();
		checkProfile(change.displayName(), change.email(), change.roles(), errors);
		failIfAny(errors);
		if (current.hasRole(Role.ADMIN) && current.enabled()
				&& (!change.roles().contains(Role.ADMIN) || !change.enabled())) {
			// Two admins demoting each other at once would each count the other and both commit,
			// leaving none: a transaction-long lock makes such changes take turns, so each counts
			// after the previous one committed.
			accounts.lockAdministrators();
			if (accounts.countEnabledAdminsOtherThan(id) == 0) {
				throw new BatonException(IdentityProblems.LAST_ADMIN,
						current.username() + " is the last enabled administrator and must stay one");
			}
		}
		var updated = new UserAccount(id, current.username(), change.displayName().strip(), change.email().strip(),
				change.roles(), change.enabled(), current.lockedUntil(), expectedVersion + 1, current.createdAt(),
				clock.instant());
		boolean changed;
		try {
			changed = accounts.update(updated, expectedVersion);
		} catch (DuplicateKeyException e) {
			throw new BatonException(IdentityProblems.USERNAME_TAKEN, "Another account uses e-mail " + change.email());
		}
		if (!changed) {
			throw Versions.stale("User", id, expectedVersion);
		}
		audit.record("user.updated", "user", id, null, Map.of(
				"displayName", updated.displayName(), "email", updated.email(), "enabled", updated.enabled(),
				"roles", updated.roles().stream().map(Role::name).sorted().toList(),
				"previousRoles", current.roles().stream().map(Role::name).sorted().toList()));
		return updated;
	}

	@Transactional
	public void changePassword(String username, String currentPassword, String newPassword) {
		SignedInAccount.forget();
		var credentials = accounts.findCredentials(username)
				.orElseThrow(() -> BatonException.notFound("User", username));
		if (currentPassword == null || credentials.passwordHash() == null
				|| !passwords.matches(currentPassword, credentials.passwordHash())) {
			throw new BatonException(IdentityProblems.WRONG_PASSWORD, "The current password is not right",
					List.of(new FieldError("currentPassword", "is not your current password")), Map.of());
		}
		var errors = new ArrayList<FieldError>();
		checkPassword("newPassword", newPassword, errors);
		failIfAny(errors);
		accounts.updatePassword(credentials.account().id(), passwords.encode(newPassword), clock.instant());
		audit.record("user.password-changed", "user", credentials.account().id());
	}

	@Transactional(readOnly = true)
	public UserAccount find(UserId userId) {
		var id = userId.value();
		return accounts.findById(id).orElseThrow(() -> BatonException.notFound("User", id));
	}

	@Transactional(readOnly = true)
	public Optional<UserAccount> findByUsername(String username) {
		// the signed-in account was read by the security filters of this very request
		var signedIn = SignedInAccount.of(username);
		return signedIn.isPresent() ? signedIn : accounts.findByUsername(username);
	}

	/** The display names of these logins by username, in one statement: for histories that name who did what. */
	@Transactional(readOnly = true)
	public java.util.Map<String, String> displayNames(java.util.Collection<String> usernames) {
		return accounts.displayNames(usernames);
	}

	@Transactional(readOnly = true)
	public Page<UserAccount> list(Page.Request request) {
		return new Page<>(accounts.page(request.offset(), request.size()), request.page(), request.size(), accounts.count());
	}

	private static void checkUsername(String username, List<FieldError> errors) {
		if (username == null || !USERNAME.matcher(username).matches()) {
			errors.add(new FieldError("username",
					"must be 2 to 64 lower-case letters, digits, dots, dashes or underscores"));
		}
	}

	private static void checkProfile(String displayName, String email, Set<Role> roles, List<FieldError> errors) {
		if (displayName == null || displayName.isBlank() || displayName.length() > 200) {
			errors.add(new FieldError("displayName", "must be 1 to 200 characters"));
		} else if (hasControlCharacters(displayName)) {
			errors.add(new FieldError("displayName", NO_CONTROL_CHARACTERS));
		}
		if (email == null || email.length() > 320 || !EMAIL.matcher(email.strip()).matches()) {
			errors.add(new FieldError("email", "must be an e-mail address"));
		} else if (hasControlCharacters(email)) {
			errors.add(new FieldError("email", NO_CONTROL_CHARACTERS));
		}
		if (roles == null || roles.isEmpty()) {
			errors.add(new FieldError("roles", "must name at least one role"));
		}
	}

	private void checkPassword(String field, String password, List<FieldError> errors) {
		if (password == null || password.length() < properties.passwordMinLength()) {
			errors.add(new FieldError(field, "must be at least " + properties.passwordMinLength() + " characters"));
		} else if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
			// bcrypt reads 72 bytes and refuses more; accented letters and emoji take 2 to 4 bytes each
			errors.add(new FieldError(field, "must be at most " + MAX_PASSWORD_BYTES
					+ " bytes in UTF-8 (72 plain ASCII characters, fewer with accents or emoji)"));
		}
	}

	/** Whether the text holds a control character other than tab, line feed and carriage return. */
	static boolean hasControlCharacters(String text) {
		return text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r');
	}

	private static void failIfAny(List<FieldError> errors) {
		if (!errors.isEmpty()) {
			var detail = errors.stream().map(e -> e.field() + " " + e.message())
					.collect(java.util.stream.Collectors.joining("; "));
			throw new BatonException(ProblemType.VALIDATION_FAILED, detail, errors, Map.of());
		}
	}
}
