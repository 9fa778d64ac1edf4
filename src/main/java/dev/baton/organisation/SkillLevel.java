package dev.baton.organisation;

/**
 * How well a person knows a skill.
 */
public enum SkillLevel {
	BASIC, WORKING, EXPERT
}
