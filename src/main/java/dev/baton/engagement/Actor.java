package dev.baton.engagement;

import java.util.Set;

import dev.baton.identity.Role;
import dev.baton.organisation.Person;

/**
 * The person acting, with the roles of their login.
 */
public record Actor(Person person, Set<Role> roles) {

	public boolean has(Role role) {
		return roles.contains(role);
	}
}
