package dev.baton.usage.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import dev.baton.platform.Decision;
import dev.baton.usage.Aggregation;
import dev.baton.usage.Meter;
import dev.baton.usage.UsageRule;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whether one CloudEvent (JSON format, version 1.0) is counted: its envelope, its source against
 * the sender's token, its subject, its time against the clock, and its data against every meter
 * of its type. An event that breaks any rule is rejected with every reason; its neighbours in a
 * batch are judged on their own.
 */
public final class EventPolicy {

	private static final int MAX_TEXT = 200;
	/** PostgreSQL's numeric: digits after the point, and before it. */
	private static final int MAX_SCALE = 16383;
	private static final int MAX_INTEGER_DIGITS = 131072;
	private static final String UNSTORABLE_TEXT = "holds no U+0000 character and no half of a surrogate pair"
			+ " (an escape such as \\ud800 without its low surrogate)";

	private final Duration maxAge;
	private final Duration clockSkew;
	private final int maxDataBytes;
	private final JsonMapper json;

	public EventPolicy(Duration maxAge, Duration clockSkew, int maxDataBytes, JsonMapper json) {
		this.maxAge = maxAge;
		this.clockSkew = clockSkew;
		this.maxDataBytes = maxDataBytes;
		this.json = json;
	}

	/** An event judged: its identity as sent (either may be null when missing), and the event or the refusal. */
	public record Judged(String source, String id, UsageEvent event, Decision decision) {

		public boolean accepted() {
			return decision.isAllowed();
		}
	}

	/**
	 * Judges one event sent with the token of {@code tokenSource}, read at {@code now}; the meters
	 * are those of every type in the request, active ones only.
	 */
	public Judged judge(SentEvent event, String tokenSource, Map<String, List<Meter>> metersByType, Instant now) {
		if (event == null || !event.object()) {
			return new Judged(null, null, null, Decision.refused(UsageRule.EVENT_ENVELOPE,
					"An event is a JSON object in the CloudEvents 1.0 format"));
		}
		var source = event.source();
		var id = event.id();
		var type = event.type();
		var subject = event.subject();
		var contentType = event.dataContentType();
		var time = event.timeNotText() ? null : time(event.time(), now);
		var data = event.data();
		var dataJson = event.dataJson();
		var check = Decision.check()
				.refuseIf(!"1.0".equals(event.specversion()), UsageRule.EVENT_ENVELOPE,
						() -> "specversion is 1.0, not " + quoted(event.specversion()))
				.refuseIf(blankOrLonger(id), UsageRule.EVENT_ENVELOPE, () -> "id is 1 to 200 characters")
				.refuseIf(!storable(id), UsageRule.EVENT_ENVELOPE, () -> "id " + UNSTORABLE_TEXT)
				.refuseIf(blankOrLonger(type), UsageRule.EVENT_ENVELOPE, () -> "type is 1 to 200 characters")
				.refuseIf(!storable(type), UsageRule.EVENT_ENVELOPE, () -> "type " + UNSTORABLE_TEXT)
				.refuseIf(!tokenSource.equals(source), UsageRule.EVENT_SOURCE,
						() -> "source is '" + tokenSource + "', the source this token was issued for, not " + quoted(source))
				.refuseIf(blankOrLonger(subject), UsageRule.EVENT_SUBJECT,
						() -> "subject names who the usage belongs to (the customer's account), 1 to 200 characters")
				.refuseIf(!storable(subject), UsageRule.EVENT_SUBJECT, () -> "subject " + UNSTORABLE_TEXT)
				.refuseIf(time == null, UsageRule.EVENT_TIME,
						() -> "time is a RFC 3339 instant such as 2026-12-02T10:15:00Z, not " + quoted(event.time()))
				.refuseIf(time != null && time.isAfter(now.plus(clockSkew)), UsageRule.EVENT_TIME,
						() -> "time " + time + " is in the future (Baton's clock reads " + now.truncatedTo(ChronoUnit.SECONDS) + ")")
				.refuseIf(time != null && time.isBefore(now.minus(maxAge)), UsageRule.EVENT_TIME,
						() -> "time " + time + " is older than " + maxAge.toDays() + " days; such usage is no longer taken in")
				.refuseIf(event.dataBase64(), UsageRule.EVENT_DATA, () -> "data is JSON; data_base64 is not read")
				.refuseIf(contentType != null && !jsonContentType(contentType), UsageRule.EVENT_DATA,
						() -> "datacontenttype is application/json, not " + quoted(contentType))
				.refuseIf(event.dataNotObject(), UsageRule.EVENT_DATA, () -> "data is a JSON object")
				// pretty-printed data is measured as if sent compact: whitespace between tokens is not the sender's data
				.refuseIf(dataJson != null && dataJson.length() > maxDataBytes && compactLength(dataJson) > maxDataBytes,
						UsageRule.EVENT_DATA, () -> "data is at most " + maxDataBytes
								+ " characters of JSON, not counting whitespace between tokens");
		// what PostgreSQL cannot read back out of stored data (as text or numeric) would fail a meter's backfill
		var unstorable = data == null ? null : unstorable(data, dataJson == null || dataJson.contains("\\u"));
		check.refuseIf(unstorable != null, UsageRule.EVENT_DATA, () -> unstorable);
		var readings = new ArrayList<UsageEvent.Reading>();
		if (type != null && time != null) {
			for (var meter : metersByType.getOrDefault(type, List.of())) {
				read(meter, data, time, readings, check);
			}
		}
		var decision = check.decide();
		if (decision.isRefused()) {
			return new Judged(source, id, null, decision);
		}
		return new Judged(source, id, new UsageEvent(source, id, type, subject, time, dataJson, readings), decision);
	}

	/**
	 * Whether PostgreSQL stores the text as sent: its text types hold no U+0000, and its encoding has
	 * no place for half a surrogate pair (which JSON can send as an escape).
	 */
	public static boolean storable(String text) {
		if (text == null) {
			return true;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\0') {
				return false;
			}
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return false;
			}
		}
		return true;
	}

	/** Whether PostgreSQL's numeric holds the number: at most 131072 digits before the point and 16383 after it. */
	static boolean storable(BigDecimal number) {
		return number.scale() <= MAX_SCALE && (number.signum() == 0 || number.precision() - number.scale() <= MAX_INTEGER_DIGITS);
	}

	/**
	 * Why PostgreSQL cannot read the data back, or null when it can; text is looked at only when the data has
	 * escapes, since U+0000 and half a surrogate pair reach a string only as one.
	 */
	private static String unstorable(JsonNode node, boolean escapes) {
		if (node.isString()) {
			return escapes && !storable(node.stringValue()) ? "data " + UNSTORABLE_TEXT : null;
		}
		if (node.isBigDecimal()) {
			return storable(node.decimalValue()) ? null : "data holds numbers of at most " + MAX_INTEGER_DIGITS
					+ " digits before the point and " + MAX_SCALE + " after it (PostgreSQL's range), not " + quoted(node.toString());
		}
		for (var entry : node.properties()) {
			if (escapes && !storable(entry.getKey())) {
				return "data " + UNSTORABLE_TEXT;
			}
			var why = unstorable(entry.getValue(), escapes);
			if (why != null) {
				return why;
			}
		}
		if (node.isArray()) {
			for (var element : node.values()) {
				var why = unstorable(element, escapes);
				if (why != null) {
					return why;
				}
			}
		}
		return null;
	}

	/** The length of JSON text without the whitespace between its tokens. */
	static int compactLength(String json) {
		int length = 0;
		boolean inString = false;
		for (int i = 0; i < json.length(); i++) {
			char c = json.charAt(i);
			if (inString) {
				length++;
				if (c == '\\') {
					i++;
					length++;
				}
				else if (c == '"') {
					inString = false;
				}
			}
			else if (c == '"') {
				inString = true;
				length++;
			}
			else if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
				length++;
			}
		}
		return length;
	}

	private void read(Meter meter, JsonNode data, Instant time, List<UsageEvent.Reading> readings, Decision.Builder check) {
		var hour = time.truncatedTo(ChronoUnit.HOURS);
		var day = time.atOffset(ZoneOffset.UTC).toLocalDate();
		var dimensions = new TreeMap<String, String>();
		for (var dimension : meter.dimensions().entrySet()) {
			var value = at(data, dimension.getValue());
			if (value != null && value.isValueNode() && !value.isNull()) {
				var text = value.asString();
				dimensions.put(dimension.getKey(), text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text);
			}
		}
		var dims = json.writeValueAsString(dimensions);
		if (meter.aggregation() == Aggregation.COUNT) {
			readings.add(new UsageEvent.Reading(meter.id(), dims, hour, day, BigDecimal.ONE, null));
			return;
		}
		var value = at(data, meter.valueProperty());
		if (meter.aggregation() == Aggregation.UNIQUE_COUNT) {
			var valid = value != null && value.isValueNode() && !value.isNull() && !value.asString().isEmpty();
			check.refuseIf(!valid, UsageRule.EVENT_DATA, () -> "meter " + meter.code() + " counts the distinct values of "
					+ meter.valueProperty() + ", which the event's data lacks");
			if (valid) {
				var text = value.asString();
				readings.add(new UsageEvent.Reading(meter.id(), dims, hour, day, BigDecimal.ONE,
						text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text));
			}
			return;
		}
		var number = number(value);
		check.refuseIf(number == null, UsageRule.EVENT_DATA, () -> "meter " + meter.code() + " reads a number of at least 0"
				+ " at " + meter.valueProperty() + ", not " + (value == null ? "nothing" : value.toString()));
		if (number != null) {
			readings.add(new UsageEvent.Reading(meter.id(), dims, hour, day, number, null));
		}
	}

	private static JsonNode at(JsonNode data, String pointer) {
		if (data == null || !data.isObject()) {
			return null;
		}
		var node = data.at(pointer);
		return node.isMissingNode() ? null : node;
	}

	/** A number of at least 0, sent as a JSON number or a string of one (as many meters' senders do). */
	private static BigDecimal number(JsonNode value) {
		if (value == null) {
			return null;
		}
		BigDecimal number = null;
		if (value.isNumber()) {
			number = value.decimalValue();
		}
		else if (value.isString() && value.stringValue().length() <= 40) {
			try {
				number = new BigDecimal(value.stringValue().strip());
			}
			catch (NumberFormatException e) {
				return null;
			}
		}
		return number == null || number.signum() < 0 || number.abs().compareTo(new BigDecimal("1e18")) > 0
				|| !storable(number) ? null : number;
	}

	private static Instant time(String time, Instant now) {
		if (time == null) {
			return now;
		}
		try {
			return OffsetDateTime.parse(time).toInstant();
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

	private static boolean jsonContentType(String contentType) {
		var type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
		return type.equals("application/json") || type.endsWith("+json");
	}

	private static boolean blankOrLonger(String value) {
		return value == null || value.isBlank() || value.length() > MAX_TEXT;
	}

	private static String quoted(String value) {
		return value == null ? "nothing" : "'" + (value.length() > 60 ? value.substring(0, 60) + "…" : value) + "'";
	}
}
