package dev.baton.engagement;

import java.util.UUID;

/**
 * A request as a line of someone's work, in the reader's words, for pages of other modules (the
 * home pages): its number, account and template, where it stands, its clock badge and who has it.
 */
public interface WorkCard {

	UUID id();

	/** The request's number on its board, such as CAMER-12. */
	String reference();

	String account();

	/** The template in words. */
	String template();

	/** The request page. */
	String href();

	/** The state in words. */
	String statusWords();

	/** What the clock badge says, such as "Triage: 4 business hours left"; empty when nothing. */
	String badgeText();

	/** The clock badge's classes. */
	String badgeClass();

	/** The due time on the board's clock and the reader's, such as "due Wed 16:00 Chicago time". */
	String badgeDue();

	/** Who has it, or null. */
	String assignee();

	/** When it was filed, in words. */
	String filed();

	/** What it waits on, in words: the circle's triage, the AE's answer, approvals, the SA. */
	String waitingOn();
}
