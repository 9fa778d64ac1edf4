package dev.baton.judgment;

/**
 * The SA Judgment colour: the SA's technical view of the risk in the opportunity's presales forecast.
 */
public enum JudgmentColor {
	/** High risk or significant issues: technical challenges, unclear requirements, too few resources. */
	RED,
	/** Moderate risk or some concerns: minor technical hurdles, scope creep, possible resource constraints. */
	YELLOW,
	/** Low risk: the technical aspects are understood, resources are adequate, the forecast is on track. */
	GREEN
}
