package dev.baton.identity;

import org.springframework.http.HttpStatus;

import dev.baton.platform.ProblemType;

/**
 * The identity module's problem types.
 */
final class IdentityProblems {

	static final ProblemType USERNAME_TAKEN = ProblemType.of("username-taken", HttpStatus.CONFLICT,
			"Username or e-mail taken", "Another account already uses this username or e-mail address.");
	static final ProblemType WRONG_PASSWORD = ProblemType.of("wrong-current-password", HttpStatus.BAD_REQUEST,
			"Current password is wrong", "Give your current password to set a new one.");
	static final ProblemType LAST_ADMIN = ProblemType.of("last-admin", HttpStatus.CONFLICT,
			"Last administrator", "Baton keeps at least one enabled administrator.");

	private IdentityProblems() {
	}
}
