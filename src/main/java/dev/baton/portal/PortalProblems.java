package dev.baton.portal;

import org.springframework.http.HttpStatus;

import dev.baton.platform.ProblemType;

/**
 * The portals' problem types.
 */
final class PortalProblems {

	static final ProblemType NO_ACCOUNT = ProblemType.of("portal-no-account", HttpStatus.FORBIDDEN,
			"No portal account", "Your login is not linked to a customer or partner account yet; ask your account team.");

	private PortalProblems() {
	}
}
