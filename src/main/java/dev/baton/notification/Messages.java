package dev.baton.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

import dev.baton.engagement.SaRequestClockAlert;
import dev.baton.engagement.SaRequestFiled;

/**
 * The wording of every notification: plain, short, in the reader's time zone, with the link to
 * the request.
 */
final class Messages {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm zzz", Locale.ENGLISH);

	private final String baseUrl;
	private final dev.baton.platform.Words words;

	Messages(String baseUrl) {
		this(baseUrl, null);
	}

	/** With the message bundle, for the labels of templates and clocks as the pages write them. */
	Messages(String baseUrl, dev.baton.platform.Words words) {
		this.baseUrl = baseUrl;
		this.words = words;
	}

	private String label(dev.baton.engagement.RequestTemplate template) {
		return words == null ? template.label() : words.of(template);
	}

	String link(UUID requestId) {
		return baseUrl + "/requests/" + requestId;
	}

	Message filed(SaRequestFiled event, String requester, ZoneId zone, Instant now) {
		return filed(event, event.title(), requester, zone, now);
	}

	/** The announcement of a filed request, named by {@code title} (its number and title). */
	Message filed(SaRequestFiled event, String named, String requester, ZoneId zone, Instant now) {
		var body = new StringBuilder();
		if (event.fastTrack()) {
			body.append(fastTrack(now, event.firstMeetingAt())).append(". ");
		}
		body.append(requester).append(" filed ").append(named);
		if (event.template() != null) {
			body.append(" (").append(label(event.template())).append(')');
		}
		body.append('.');
		if (event.expedite()) {
			body.append(" Expedite.");
		}
		if (event.awaitingApproval()) {
			body.append(" It awaits approval before the circle can take it.");
		} else if (event.triageDueAt() != null) {
			body.append(" Triage due ").append(when(event.triageDueAt(), zone)).append('.');
		}
		var title = (event.fastTrack() ? "Fast Track: " : "New request: ") + named;
		return new Message(title, body.toString(), link(event.requestId()));
	}

	Message needsInformation(UUID requestId, String title, String askedBy, String circle, String questions) {
		return new Message("Questions on " + title, askedBy + " of " + circle + " needs more information before triaging "
				+ title + "; its clocks are paused until you answer.\n\n" + questions, link(requestId));
	}

	Message informationProvided(UUID requestId, String title, String requester, Instant triageDueAt, ZoneId zone) {
		var body = requester + " answered the circle's questions on " + title + ".";
		if (triageDueAt != null) {
			body += " Triage due " + when(triageDueAt, zone) + ".";
		}
		return new Message("Answered: " + title, body, link(requestId));
	}

	Message assignedForCircle(UUID requestId, String title, String assignee, String requester, boolean fastTrack) {
		return new Message("Assigned: " + title,
				assignee + " takes " + title + ", requested by " + requester + "." + fastTrackNote(fastTrack),
				link(requestId));
	}

	Message assignedForRequester(UUID requestId, String title, String assignee, String circle, boolean fastTrack) {
		return new Message("Your SA for " + title + ": " + assignee,
				circle + " assigned " + assignee + " to " + title + "." + fastTrackNote(fastTrack), link(requestId));
	}

	Message assignedForAssignee(UUID requestId, String title, String requester, boolean fastTrack) {
		return new Message("Assigned to you: " + title,
				"You are assigned to " + title + ", requested by " + requester + "." + fastTrackNote(fastTrack),
				link(requestId));
	}

	Message reassignedForRequester(UUID requestId, String title, String from, String to, String by, String note) {
		return new Message("Your SA for " + title + " is now " + to,
				by + " handed " + title + " from " + from + " to " + to + ".\n\nHand-over note: " + note, link(requestId));
	}

	Message reassignedForAssignee(UUID requestId, String title, String from, String requester, String note) {
		return new Message("Handed over to you: " + title, from + " hands " + title + ", requested by " + requester
				+ ", over to you.\n\nHand-over note: " + note, link(requestId));
	}

	Message reassignedForPreviousAssignee(UUID requestId, String title, String to, String by) {
		return new Message("Handed over: " + title, by + " handed " + title + " over to " + to + ".", link(requestId));
	}

	Message declined(UUID requestId, String title, String circle, String reason, String declinedBy) {
		var body = circle + " declined " + title + ".\n\nReason: " + reason;
		if (declinedBy != null) {
			body += "\n\nDeclined by " + declinedBy + ".";
		}
		return new Message("Declined: " + title, body, link(requestId));
	}

	Message clockAlert(SaRequestClockAlert event, String assignee, ZoneId zone) {
		return clockAlert(event, event.title(), assignee, zone);
	}

	/** A clock alert about a request named by {@code named} (its number and title). */
	Message clockAlert(SaRequestClockAlert event, String named, String assignee, ZoneId zone) {
		var due = event.dueAt() == null ? "" : " " + when(event.dueAt(), zone);
		String title;
		String body;
		switch (event.kind()) {
			case TRIAGE_DUE_SOON -> {
				title = "Triage due soon: " + named;
				body = named + " is due for triage" + due + " and is not assigned yet.";
			}
			case TRIAGE_OVERDUE -> {
				title = "Triage overdue: " + named;
				body = named + " was due for triage" + due + " and is still not assigned.";
			}
			default -> {
				title = "SLA breached: " + named;
				body = named + " missed its SLA" + (due.isEmpty() ? "" : ", due" + due) + "."
						+ (assignee == null ? "" : " Assigned to " + assignee + ".");
			}
		}
		return new Message(title, body, link(event.requestId()));
	}

	/** The fast-track call to action, such as: Fast Track: meeting in 5 hours, assign now. */
	static String fastTrack(Instant now, Instant firstMeetingAt) {
		return "Fast Track: " + meetingIn(now, firstMeetingAt) + ", assign now";
	}

	private static String meetingIn(Instant now, Instant meeting) {
		if (meeting == null) {
			return "meeting within 24 hours";
		}
		long minutes = Duration.between(now, meeting).toMinutes();
		if (minutes <= 0) {
			return "meeting now";
		}
		if (minutes < 60) {
			return "meeting in " + minutes + (minutes == 1 ? " minute" : " minutes");
		}
		long hours = minutes / 60;
		return "meeting in " + hours + (hours == 1 ? " hour" : " hours");
	}

	private static String fastTrackNote(boolean fastTrack) {
		return fastTrack ? " Fast Track: the first meeting is within 24 hours." : "";
	}

	static String when(Instant instant, ZoneId zone) {
		return WHEN.format(instant.atZone(zone));
	}
}
