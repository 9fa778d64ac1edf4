package dev.baton.identity;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A person's login to Baton, with the roles that decide what they may do.
 */
public record UserAccount(UUID id, String username, String displayName, String email, Set<Role> roles,
		boolean enabled, Instant lockedUntil, int version, Instant createdAt, Instant updatedAt) {

	public UserAccount {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(username, "username");
		roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
	}

	public boolean hasRole(Role role) {
		return roles.contains(role);
	}

	public boolean isLockedAt(Instant instant) {
		return lockedUntil != null && lockedUntil.isAfter(instant);
	}
}
