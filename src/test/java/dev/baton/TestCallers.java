package dev.baton;

import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.baton.identity.Role;
import dev.baton.organisation.CallContext;
import dev.baton.organisation.Person;

/**
 * Call contexts for unit tests of permission policies, without Spring: a person with the given
 * roles (the first is their organisation role), a member or manager of no circle.
 */
public final class TestCallers {

	private TestCallers() {
	}

	public static CallContext person(String name, Role... roles) {
		return person(UUID.randomUUID(), name, roles);
	}

	public static CallContext person(UUID personId, String name, Role... roles) {
		var person = new Person(personId, UUID.randomUUID(), name, name + "@x.example", "t", roles[0], null, null,
				"AMER", ZoneId.of("UTC"), null, Map.of(), 0);
		return new CallContext(name, Set.of(roles), person, Set.of(), Set.of());
	}

	/** A login with these roles and no person behind it, such as the bootstrap admin. */
	public static CallContext login(String username, Role... roles) {
		return new CallContext(username, Set.of(roles), null, Set.of(), Set.of());
	}
}
