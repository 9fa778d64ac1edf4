package dev.baton.identity;

import java.util.Optional;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The account the current HTTP request signed in with, as the security filters just read it
 * (password login, API token, or the session's account check), so that the services asking for
 * it in the same request do not read it again. Kept in the request's attributes: it never
 * outlives the request, and any write to an account forgets it.
 */
final class SignedInAccount {

	private static final String ATTRIBUTE = SignedInAccount.class.getName();

	private SignedInAccount() {
	}

	static void remember(UserAccount account) {
		var request = RequestContextHolder.getRequestAttributes();
		if (request != null) {
			request.setAttribute(ATTRIBUTE, account, RequestAttributes.SCOPE_REQUEST);
		}
	}

	/** The remembered account if it has this username (compared ignoring case, like the unique index). */
	static Optional<UserAccount> of(String username) {
		var request = RequestContextHolder.getRequestAttributes();
		if (request == null || username == null) {
			return Optional.empty();
		}
		return request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof UserAccount account
				&& account.username().equalsIgnoreCase(username) ? Optional.of(account) : Optional.empty();
	}

	static void forget() {
		var request = RequestContextHolder.getRequestAttributes();
		if (request != null) {
			request.removeAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
		}
	}
}
