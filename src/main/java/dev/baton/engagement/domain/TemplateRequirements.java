package dev.baton.engagement.domain;

import java.util.ArrayList;
import java.util.List;

import dev.baton.engagement.RequestDetails;
import dev.baton.engagement.RequestTemplate;
import dev.baton.platform.FieldError;

/**
 * The information each template needs before the circle can engage; without it a request may
 * be delayed or declined, so intake refuses it and names every missing field.
 * <ul>
 * <li>SA Activity: preferred dates, hosting, pains, required capabilities, current tools, asks,
 * and the meeting's why, objectives, agenda and attendees.</li>
 * <li>Follow Up: preferred dates, asks, and the meeting's why, objectives, agenda and attendees.</li>
 * <li>Vendor Security Assessment: hosting, required capabilities (the frameworks and controls
 * asked about), current tools and the due date.</li>
 * </ul>
 */
public final class TemplateRequirements {

	private TemplateRequirements() {
	}

	public static List<FieldError> missing(RequestTemplate template, RequestDetails details) {
		var errors = new ArrayList<FieldError>();
		if (details == null) {
			errors.add(new FieldError("details", "is required"));
			return errors;
		}
		switch (template) {
			case SA_ACTIVITY -> {
				preferredDates(details, errors);
				hosting(details, errors);
				nonEmpty("details.pains", details.pains(), errors);
				nonEmpty("details.requiredCapabilities", details.requiredCapabilities(), errors);
				currentTools(details, errors);
				asks(details, errors);
				meeting(details, errors);
			}
			case FOLLOW_UP -> {
				preferredDates(details, errors);
				asks(details, errors);
				meeting(details, errors);
			}
			case VENDOR_SECURITY_ASSESSMENT -> {
				hosting(details, errors);
				nonEmpty("details.requiredCapabilities", details.requiredCapabilities(), errors);
				currentTools(details, errors);
				if (details.dueDate() == null) {
					errors.add(new FieldError("details.dueDate", "is required for a Vendor Security Assessment"));
				}
			}
		}
		for (int i = 0; i < details.preferredDates().size(); i++) {
			var date = details.preferredDates().get(i);
			if (date == null || date.start() == null) {
				errors.add(new FieldError("details.preferredDates[" + i + "].start", "is required"));
			}
			if (date == null || date.timeZone() == null) {
				errors.add(new FieldError("details.preferredDates[" + i + "].timeZone",
						"is required (an IANA zone such as America/Chicago)"));
			}
		}
		return errors;
	}

	private static void preferredDates(RequestDetails details, List<FieldError> errors) {
		if (details.preferredDates().isEmpty()) {
			errors.add(new FieldError("details.preferredDates", "needs at least one date option with its time zone"));
		}
	}

	private static void hosting(RequestDetails details, List<FieldError> errors) {
		if (details.hosting() == null) {
			errors.add(new FieldError("details.hosting", "is required: SELF_MANAGED, CLOUD or SAAS"));
		}
	}

	private static void currentTools(RequestDetails details, List<FieldError> errors) {
		if (details.currentTools().isEmpty()) {
			errors.add(new FieldError("details.currentTools", "needs the customer's current tools, marking the non-negotiable ones"));
		}
		for (int i = 0; i < details.currentTools().size(); i++) {
			var tool = details.currentTools().get(i);
			if (tool == null || tool.name() == null || tool.name().isBlank()) {
				errors.add(new FieldError("details.currentTools[" + i + "].name", "is required"));
			}
		}
	}

	private static void asks(RequestDetails details, List<FieldError> errors) {
		if (details.asks().isEmpty()) {
			errors.add(new FieldError("details.asks", "needs at least one ask (DEMO, TECHNICAL_QA, DEEP_DIVE, ...)"));
		}
	}

	private static void meeting(RequestDetails details, List<FieldError> errors) {
		var meeting = details.meeting();
		if (meeting == null) {
			errors.add(new FieldError("details.meeting", "needs why, objectives, agenda and attendees"));
			return;
		}
		text("details.meeting.why", meeting.why(), errors);
		text("details.meeting.objectives", meeting.objectives(), errors);
		text("details.meeting.agenda", meeting.agenda(), errors);
		if (meeting.attendees().isEmpty()) {
			errors.add(new FieldError("details.meeting.attendees", "needs at least one attendee with name and title"));
		}
		for (int i = 0; i < meeting.attendees().size(); i++) {
			var attendee = meeting.attendees().get(i);
			if (attendee == null || attendee.name() == null || attendee.name().isBlank()) {
				errors.add(new FieldError("details.meeting.attendees[" + i + "].name", "is required"));
			}
		}
	}

	private static void nonEmpty(String field, List<String> values, List<FieldError> errors) {
		if (values.isEmpty() || values.stream().allMatch(v -> v == null || v.isBlank())) {
			errors.add(new FieldError(field, "needs at least one entry"));
		}
	}

	private static void text(String field, String value, List<FieldError> errors) {
		if (value == null || value.isBlank()) {
			errors.add(new FieldError(field, "is required"));
		}
	}
}
