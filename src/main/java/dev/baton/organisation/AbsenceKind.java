package dev.baton.organisation;

/**
 * Why someone is away: planned time off or a sick day.
 */
public enum AbsenceKind {
	/** Paid time off, planned ahead. */
	PTO,
	/** Sick leave, often recorded on the day or after it. */
	SICK
}
