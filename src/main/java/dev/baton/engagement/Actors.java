package dev.baton.engagement;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import dev.baton.identity.UserDirectory;
import dev.baton.organisation.Organisation;
import dev.baton.platform.BatonException;

/**
 * Finds the person behind the signed-in user.
 */
@Component
public class Actors {

	private final UserDirectory users;
	private final Organisation organisation;

	Actors(UserDirectory users, Organisation organisation) {
		this.users = users;
		this.organisation = organisation;
	}

	/** False when the person has a login and it is disabled; a person without a login is not refused. */
	public boolean enabled(dev.baton.organisation.Person person) {
		if (person.userId() == null) {
			return true;
		}
		try {
			return users.find(person.userId()).enabled();
		} catch (BatonException e) {
			return false;
		}
	}

	public Actor current() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null) {
			throw new BatonException(EngagementProblems.NOT_PERMITTED, "Sign in first");
		}
		var account = users.findByUsername(authentication.getName())
				.orElseThrow(() -> new BatonException(EngagementProblems.NOT_PERMITTED, "Unknown user " + authentication.getName()));
		var person = organisation.personForUser(account.id())
				.orElseThrow(() -> new BatonException(EngagementProblems.NOT_PERMITTED,
						account.username() + " has no person in the organisation; an admin links them first"));
		return new Actor(person, account.roles());
	}
}
