package dev.baton.organisation;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import dev.baton.identity.Role;
import dev.baton.identity.UserDirectory;
import dev.baton.organisation.jdbc.PersonRepository;
import dev.baton.platform.BatonException;
import dev.baton.platform.ProblemType;

/**
 * Resolves the {@link CallContext} of the signed-in caller, at most once per HTTP request: the
 * first call reads the login, then the person with their skills and their circles in one statement
 * (two statements whatever the size of the organisation), and keeps the answer in the request's
 * attributes.
 */
@Component
public class CallContexts {

	private static final String ATTRIBUTE = CallContext.class.getName();
	private static final Optional<CallContext> NONE = Optional.empty();

	private final UserDirectory users;
	private final PersonRepository people;

	CallContexts(UserDirectory users, PersonRepository people) {
		this.users = users;
		this.people = people;
	}

	/** The signed-in caller; refuses (401) when nobody is signed in. */
	public CallContext current() {
		return currentIfAny().orElseThrow(
				() -> new BatonException(ProblemType.UNAUTHENTICATED, "Sign in first"));
	}

	/**
	 * The signed-in caller, who must be a person of the organisation; a login without one is
	 * refused with the given problem type.
	 */
	public CallContext person(ProblemType refusal) {
		var caller = current();
		if (caller.person() == null) {
			throw new BatonException(refusal,
					caller.username() + " has no person in the organisation; an admin links them first");
		}
		return caller;
	}

	/** The signed-in caller, or empty outside a signed-in request. */
	@SuppressWarnings("unchecked")
	@Transactional(readOnly = true)
	public Optional<CallContext> currentIfAny() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken
				|| !authentication.isAuthenticated()) {
			return NONE;
		}
		var request = RequestContextHolder.getRequestAttributes();
		if (request != null && request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof Optional<?> cached
				&& cached.map(c -> ((CallContext) c).username().equals(authentication.getName())).orElse(true)) {
			return (Optional<CallContext>) cached;
		}
		var resolved = resolve(authentication);
		if (request != null) {
			request.setAttribute(ATTRIBUTE, resolved, RequestAttributes.SCOPE_REQUEST);
		}
		return resolved;
	}

	/** Forgets the cached caller, after a write that changed their person or circles. */
	public void forget() {
		var request = RequestContextHolder.getRequestAttributes();
		if (request != null) {
			request.removeAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
		}
	}

	private Optional<CallContext> resolve(Authentication authentication) {
		var account = users.findByUsername(authentication.getName());
		if (account.isEmpty()) {
			return NONE;
		}
		var roles = roles(authentication);
		var found = people.personWithTiesByUser(account.get().id());
		if (found.isEmpty()) {
			return Optional.of(new CallContext(account.get().username(), roles, null, Set.of(), Set.of()));
		}
		var person = found.get();
		return Optional.of(new CallContext(account.get().username(), roles, person.person(), person.memberOf(),
				person.manages()));
	}

	/** The roles the security rules granted this request (a token may carry fewer than the account). */
	private static Set<Role> roles(Authentication authentication) {
		var roles = EnumSet.noneOf(Role.class);
		for (var authority : authentication.getAuthorities()) {
			for (var role : Role.values()) {
				if (role.authority().equals(authority.getAuthority())) {
					roles.add(role);
				}
			}
		}
		return roles;
	}
}
