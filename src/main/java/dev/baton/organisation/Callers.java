package dev.baton.organisation;

import java.util.EnumSet;
import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import dev.baton.identity.Role;

/**
 * Turns the signed-in caller into an {@link Actor}: username, roles and their person, if any.
 */
@Component
class Callers {

	private final Organisation organisation;

	Callers(Organisation organisation) {
		this.organisation = organisation;
	}

	Actor of(Authentication authentication) {
		var roles = EnumSet.noneOf(Role.class);
		for (var authority : authentication.getAuthorities()) {
			var name = authority.getAuthority();
			if (name != null && name.startsWith("ROLE_")) {
				for (var role : Role.values()) {
					if (role.authority().equals(name)) {
						roles.add(role);
					}
				}
			}
		}
		UUID personId = organisation.personForUsername(authentication.getName()).map(Person::id).orElse(null);
		return new Actor(authentication.getName(), roles, personId);
	}
}
