package dev.baton.engagement;

import java.util.UUID;

/**
 * A request as a line of someone's work, in the reader's words, for pages of other modules (the
 * home pages): its number, account and template, where it stands, its clock badge and who has it.
 *
 * @param reference the request's number on its board, such as CAMER-12
 * @param template the template in words
 * @param statusWords the state in words
 * @param badgeText what the clock badge says, such as "Triage: 4 business hours left"; empty when nothing
 * @param badgeClass the clock badge's classes
 * @param badgeDue the due time on the board's clock and the reader's; empty when no clock runs
 * @param assignee who has it, or null
 * @param filed when it was filed, in words
 * @param waitingOn what it waits on, in words: the circle's triage, the AE's answer, approvals, the SA
 */
public record WorkCard(UUID id, String reference, String account, String template, String statusWords,
		String badgeText, String badgeClass, String badgeDue, String assignee, String filed, String waitingOn) {

	/** The request page. */
	public String href() {
		return "/requests/" + id;
	}
}
