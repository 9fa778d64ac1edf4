package dev.baton.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import dev.baton.engagement.SaRequestClockAlert;
import dev.baton.engagement.SaRequestFiled;
import dev.baton.platform.Words;

/**
 * The wording of every notification: plain, short, in the reader's time zone, with the link to
 * the request; the words come from the message bundle, in the reader's language.
 */
final class Messages {

	private final String baseUrl;
	private final Words words;

	Messages(String baseUrl, Words words) {
		this.baseUrl = baseUrl;
		this.words = words;
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
		body.append(event.template() == null ? words.get("notice.filed", requester, named)
				: words.get("notice.filed.template", requester, named, words.of(event.template())));
		if (event.expedite()) {
			body.append(' ').append(words.get("notice.filed.expedite"));
		}
		if (event.awaitingApproval()) {
			body.append(' ').append(words.get("notice.filed.awaits-approval"));
		} else if (event.triageDueAt() != null) {
			body.append(' ').append(words.get("notice.filed.triage-due", when(event.triageDueAt(), zone)));
		}
		var title = words.get(event.fastTrack() ? "notice.filed.title.fast-track" : "notice.filed.title", named);
		return new Message(title, body.toString(), link(event.requestId()));
	}

	Message needsInformation(UUID requestId, String title, String askedBy, String circle, String questions) {
		return new Message(words.get("notice.questions.title", title),
				words.get("notice.questions", askedBy, circle, title) + "\n\n" + questions, link(requestId));
	}

	Message informationProvided(UUID requestId, String title, String requester, Instant triageDueAt, ZoneId zone) {
		var body = words.get("notice.answered", requester, title);
		if (triageDueAt != null) {
			body += " " + words.get("notice.filed.triage-due", when(triageDueAt, zone));
		}
		return new Message(words.get("notice.answered.title", title), body, link(requestId));
	}

	Message assignedForCircle(UUID requestId, String title, String assignee, String requester, boolean fastTrack) {
		return new Message(words.get("notice.assigned.title", title),
				words.get("notice.assigned", assignee, title, requester) + fastTrackNote(fastTrack), link(requestId));
	}

	Message assignedForRequester(UUID requestId, String title, String assignee, String circle, boolean fastTrack) {
		return new Message(words.get("notice.assigned.requester.title", title, assignee),
				words.get("notice.assigned.requester", circle, assignee, title) + fastTrackNote(fastTrack),
				link(requestId));
	}

	Message assignedForAssignee(UUID requestId, String title, String requester, boolean fastTrack) {
		return new Message(words.get("notice.assigned.assignee.title", title),
				words.get("notice.assigned.assignee", title, requester) + fastTrackNote(fastTrack), link(requestId));
	}

	Message reassignedForRequester(UUID requestId, String title, String from, String to, String by, String note) {
		return new Message(words.get("notice.reassigned.requester.title", title, to),
				words.get("notice.reassigned.requester", by, title, from, to) + "\n\n"
						+ words.get("notice.hand-over-note", note), link(requestId));
	}

	Message reassignedForAssignee(UUID requestId, String title, String from, String requester, String note) {
		return new Message(words.get("notice.reassigned.assignee.title", title),
				words.get("notice.reassigned.assignee", from, title, requester) + "\n\n"
						+ words.get("notice.hand-over-note", note), link(requestId));
	}

	Message reassignedForPreviousAssignee(UUID requestId, String title, String to, String by) {
		return new Message(words.get("notice.reassigned.previous.title", title),
				words.get("notice.reassigned.previous", by, title, to), link(requestId));
	}

	Message declined(UUID requestId, String title, String circle, String reason, String declinedBy) {
		var body = words.get("notice.declined", circle, title) + "\n\n" + words.get("notice.declined.reason", reason);
		if (declinedBy != null) {
			body += "\n\n" + words.get("notice.declined.by", declinedBy);
		}
		return new Message(words.get("notice.declined.title", title), body, link(requestId));
	}

	Message clockAlert(SaRequestClockAlert event, String assignee, ZoneId zone) {
		return clockAlert(event, event.title(), assignee, zone);
	}

	/** A clock alert about a request named by {@code named} (its number and title). */
	Message clockAlert(SaRequestClockAlert event, String named, String assignee, ZoneId zone) {
		var kind = switch (event.kind()) {
			case TRIAGE_DUE_SOON -> "due-soon";
			case TRIAGE_OVERDUE -> "overdue";
			case SLA_BREACHED -> "breached";
		};
		var body = event.dueAt() == null ? words.get("notice.clock." + kind + ".undated", named)
				: words.get("notice.clock." + kind, named, when(event.dueAt(), zone));
		if (event.kind() == SaRequestClockAlert.Kind.SLA_BREACHED && assignee != null) {
			body += " " + words.get("notice.clock.assigned-to", assignee);
		}
		return new Message(words.get("notice.clock." + kind + ".title", named), body, link(event.requestId()));
	}

	/** The fast-track call to action, such as: Fast Track: meeting in 5 hours, assign now. */
	String fastTrack(Instant now, Instant firstMeetingAt) {
		if (firstMeetingAt == null) {
			return words.get("notice.fast-track.within-a-day");
		}
		long minutes = Duration.between(now, firstMeetingAt).toMinutes();
		if (minutes <= 0) {
			return words.get("notice.fast-track.now");
		}
		if (minutes < 60) {
			return words.get("notice.fast-track.minutes", minutes);
		}
		return words.get("notice.fast-track.hours", minutes / 60);
	}

	private String fastTrackNote(boolean fastTrack) {
		return fastTrack ? " " + words.get("notice.fast-track.note") : "";
	}

	/** As "Tue 24 Nov 09:00 CST" in the reader's language and time zone. */
	String when(Instant instant, ZoneId zone) {
		return DateTimeFormatter.ofPattern("EEE d MMM HH:mm zzz", words.locale()).format(instant.atZone(zone));
	}
}
