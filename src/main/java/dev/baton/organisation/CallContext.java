package dev.baton.organisation;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.baton.identity.Role;

/**
 * Who is calling, resolved once per request for the API and the pages alike: the login, its
 * roles, the person behind it (none for a login without one, such as the bootstrap admin) and the
 * circles that person is a member of or manages. Permission policies decide on it.
 */
public record CallContext(String username, Set<Role> roles, Person person, Set<UUID> memberOf, Set<UUID> manages) {

	public CallContext {
		Objects.requireNonNull(username, "username");
		roles = Set.copyOf(roles);
		memberOf = Set.copyOf(memberOf);
		manages = Set.copyOf(manages);
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}

	public Optional<Person> personIfAny() {
		return Optional.ofNullable(person);
	}

	/** The caller's person id, or null for a login without a person. */
	public UUID personId() {
		return person == null ? null : person.id();
	}

	/** Whether the caller is the given person. */
	public boolean is(UUID personId) {
		return person != null && person.id().equals(personId);
	}

	public boolean isMemberOf(UUID circleId) {
		return memberOf.contains(circleId);
	}

	public boolean manages(UUID circleId) {
		return manages.contains(circleId);
	}

	/** A member or the manager of the circle: those who triage its requests. */
	public boolean triages(UUID circleId) {
		return isMemberOf(circleId) || manages(circleId);
	}

	/** The caller as the organisation's rules about "their own" and "their people" see them. */
	public Actor actor() {
		return new Actor(username, roles, personId());
	}
}
