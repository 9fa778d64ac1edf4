package dev.baton.engagement.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.util.MultiValueMap;

import dev.baton.engagement.Engagement;
import dev.baton.engagement.Hosting;
import dev.baton.engagement.RequestDetails;
import dev.baton.engagement.RequestLabel;
import dev.baton.engagement.RequestTemplate;
import dev.baton.engagement.SaAsk;
import dev.baton.engagement.domain.TemplateRequirements;
import dev.baton.platform.FieldError;

/**
 * The new-request form as posted, read into a filing. It only reads: what a filing needs is
 * decided by the service and {@link TemplateRequirements}; here are only the errors of values
 * that cannot be read (a date that is not a date). Field names are the API's JSON paths, so the
 * service's field errors land next to the right inputs.
 */
final class RequestForm {

	/** Rows offered for preferred dates, current tools and attendees. */
	static final int ROWS = 3;

	private static final Pattern LINES = Pattern.compile("\\R");

	private RequestForm() {
	}

	/** The filing, and the values that could not be read. */
	record Parsed(Engagement.Filing filing, List<FieldError> errors) {
	}

	/** The parts of a filing a template requires, as field names: details.hosting, details.meeting, ... */
	static Set<String> required(RequestTemplate template) {
		if (template == null) {
			return Set.of();
		}
		var fields = new LinkedHashSet<String>();
		TemplateRequirements.missing(template, new RequestDetails(null, null, null, null, null, null, null, null, null, null))
				.forEach(error -> fields.add(error.field()));
		return fields;
	}

	static RequestTemplate template(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return RequestTemplate.valueOf(value);
		}
		catch (IllegalArgumentException unknown) {
			return null;
		}
	}

	static Parsed parse(MultiValueMap<String, String> form) {
		var errors = new ArrayList<FieldError>();
		var opportunityId = uuid(form, "opportunityId", errors);
		var template = template(form.getFirst("template"));
		if (template == null && !blank(form.getFirst("template"))) {
			errors.add(new FieldError("template", "is not a template: " + form.getFirst("template")));
		}
		var labels = EnumSet.noneOf(RequestLabel.class);
		for (var value : values(form, "labels")) {
			try {
				labels.add(RequestLabel.valueOf(value));
			}
			catch (IllegalArgumentException unknown) {
				errors.add(new FieldError("labels", "is not a label: " + value));
			}
		}
		var required = required(template);
		var dates = new ArrayList<RequestDetails.PreferredDate>();
		for (int i = 0; i < ROWS; i++) {
			var prefix = "details.preferredDates[" + i + "].";
			var start = form.getFirst(prefix + "start");
			if (blank(start)) {
				continue;
			}
			var zone = zone(form.getFirst(prefix + "timeZone"), prefix + "timeZone", errors);
			try {
				var local = LocalDateTime.parse(start.strip());
				dates.add(new RequestDetails.PreferredDate(zone == null ? null : local.atZone(zone).toInstant(), zone));
			}
			catch (DateTimeException notADate) {
				errors.add(new FieldError(prefix + "start", "is not a date and time: " + start));
			}
		}
		var tools = new ArrayList<RequestDetails.CurrentTool>();
		for (int i = 0; i < ROWS; i++) {
			var prefix = "details.currentTools[" + i + "].";
			var name = form.getFirst(prefix + "name");
			if (!blank(name)) {
				tools.add(new RequestDetails.CurrentTool(name.strip(), "true".equals(form.getFirst(prefix + "nonNegotiable"))));
			}
		}
		var asks = EnumSet.noneOf(SaAsk.class);
		for (var value : values(form, "details.asks")) {
			try {
				asks.add(SaAsk.valueOf(value));
			}
			catch (IllegalArgumentException unknown) {
				errors.add(new FieldError("details.asks", "is not an ask: " + value));
			}
		}
		Hosting hosting = null;
		var hostingValue = form.getFirst("details.hosting");
		if (!blank(hostingValue)) {
			try {
				hosting = Hosting.valueOf(hostingValue);
			}
			catch (IllegalArgumentException unknown) {
				errors.add(new FieldError("details.hosting", "is not a hosting: " + hostingValue));
			}
		}
		LocalDate dueDate = null;
		var dueValue = form.getFirst("details.dueDate");
		if (!blank(dueValue)) {
			try {
				dueDate = LocalDate.parse(dueValue.strip());
			}
			catch (DateTimeException notADate) {
				errors.add(new FieldError("details.dueDate", "is not a date: " + dueValue));
			}
		}
		var details = new RequestDetails(dates, hosting, lines(form.getFirst("details.pains")),
				lines(form.getFirst("details.requiredCapabilities")), tools, asks, meeting(form, required),
				"true".equals(form.getFirst("details.customPitchDeck")), dueDate, text(form.getFirst("details.notes")));
		return new Parsed(new Engagement.Filing(opportunityId, template, labels, details), errors);
	}

	/** The earliest preferred meeting the form holds, for the due-time preview; unreadable rows are skipped. */
	static Instant firstMeeting(MultiValueMap<String, String> form) {
		var parsed = parse(form);
		return parsed.filing().details().firstMeeting().orElse(null);
	}

	private static RequestDetails.Meeting meeting(MultiValueMap<String, String> form, Set<String> required) {
		var why = text(form.getFirst("details.meeting.why"));
		var objectives = text(form.getFirst("details.meeting.objectives"));
		var agenda = text(form.getFirst("details.meeting.agenda"));
		var attendees = new ArrayList<RequestDetails.Attendee>();
		for (int i = 0; i < ROWS; i++) {
			var prefix = "details.meeting.attendees[" + i + "].";
			var name = text(form.getFirst(prefix + "name"));
			var title = text(form.getFirst(prefix + "title"));
			if (name != null || title != null) {
				attendees.add(new RequestDetails.Attendee(name, title));
			}
		}
		if (why == null && objectives == null && agenda == null && attendees.isEmpty()
				&& !required.contains("details.meeting")) {
			return null;
		}
		return new RequestDetails.Meeting(why, objectives, agenda, attendees);
	}

	private static ZoneId zone(String value, String field, List<FieldError> errors) {
		if (blank(value)) {
			errors.add(new FieldError(field, "is required (an IANA zone such as America/Chicago)"));
			return null;
		}
		try {
			return ZoneId.of(value.strip());
		}
		catch (DateTimeException unknown) {
			errors.add(new FieldError(field, "is not a time zone: " + value));
			return null;
		}
	}

	private static UUID uuid(MultiValueMap<String, String> form, String field, List<FieldError> errors) {
		var value = form.getFirst(field);
		if (blank(value)) {
			return null;
		}
		try {
			return UUID.fromString(value.strip());
		}
		catch (IllegalArgumentException notAnId) {
			errors.add(new FieldError(field, "is not an id: " + value));
			return null;
		}
	}

	private static List<String> values(MultiValueMap<String, String> form, String field) {
		var values = form.get(field);
		return values == null ? List.of() : values.stream().filter(v -> !blank(v)).toList();
	}

	private static List<String> lines(String text) {
		if (blank(text)) {
			return List.of();
		}
		return Arrays.stream(LINES.split(text)).map(String::strip).filter(line -> !line.isEmpty()).toList();
	}

	private static String text(String value) {
		return blank(value) ? null : value.strip();
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}
}
