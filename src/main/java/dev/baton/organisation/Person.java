package dev.baton.organisation;

import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import dev.baton.identity.Role;

/**
 * Someone in the go-to-market team: an SA with seniority and skills, an AE with a segment, a
 * manager. {@code userId} links the person's login when they have one.
 */
public record Person(UUID id, UUID userId, String name, String email, String title, Role role, Seniority seniority,
		Segment segment, String regionKey, ZoneId timeZone, UUID managerId, Map<String, SkillLevel> skills,
		int version) {

	public Person {
		skills = Map.copyOf(skills);
	}
}
