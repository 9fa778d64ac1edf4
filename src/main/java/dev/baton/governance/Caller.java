package dev.baton.governance;

import java.util.Set;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import dev.baton.identity.Role;
import dev.baton.identity.UserDirectory;
import dev.baton.organisation.Organisation;
import dev.baton.organisation.Person;
import dev.baton.platform.BatonException;

/**
 * The person acting, with the roles of their login.
 */
record Caller(String username, Person person, Set<Role> roles) {

	boolean has(Role role) {
		return roles.contains(role);
	}

	/** Finds the signed-in caller's person. */
	@Component
	static class Lookup {

		private final UserDirectory users;
		private final Organisation organisation;

		Lookup(UserDirectory users, Organisation organisation) {
			this.users = users;
			this.organisation = organisation;
		}

		Caller current() {
			var authentication = SecurityContextHolder.getContext().getAuthentication();
			if (authentication == null) {
				throw new BatonException(GovernanceProblems.NOT_PERMITTED, "Sign in first");
			}
			var account = users.findByUsername(authentication.getName()).orElseThrow(
					() -> new BatonException(GovernanceProblems.NOT_PERMITTED, "Unknown user " + authentication.getName()));
			var person = organisation.personForUser(account.id()).orElse(null);
			return new Caller(account.username(), person, account.roles());
		}

		/** The caller, who must be a person of the organisation. */
		Caller person() {
			var caller = current();
			if (caller.person() == null) {
				throw new BatonException(GovernanceProblems.NOT_PERMITTED,
						caller.username() + " has no person in the organisation; an admin links them first");
			}
			return caller;
		}
	}
}
