package dev.baton.organisation;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import dev.baton.identity.Role;

/**
 * Who asks for a change: their username, their roles and, when they have one, their person in
 * the organisation. Rules about "their own" and "their people" are decided on it.
 */
public record Actor(String username, Set<Role> roles, UUID personId) {

	public Actor {
		Objects.requireNonNull(username, "username");
		roles = Set.copyOf(roles);
	}

	public boolean hasRole(Role role) {
		return roles.contains(role);
	}
}
