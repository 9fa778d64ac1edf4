package dev.baton.organisation;

/**
 * A solutions architect's seniority, lowest first.
 */
public enum Seniority {
	ASSOCIATE, SA, SENIOR, STAFF, PRINCIPAL
}
