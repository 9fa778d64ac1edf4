package dev.baton.licensing.verifier;

import java.security.PrivateKey;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Seat reports, the instance's side: a report of its users in a period, signed with the
 * instance's own Ed25519 key (whose public half it registered when it activated its license).
 * The result is a text document the instance sends online or its admin uploads.
 */
public final class SeatReports {

	/** The envelope's kind. */
	public static final String KIND = "SEAT REPORT";
	/** The format of the payload. */
	public static final String FORMAT = "baton-seat-report/1";

	private SeatReports() {
	}

	/**
	 * What an instance reports for a period (UTC days, both inclusive).
	 *
	 * @param activeUsers users active now
	 * @param maxBillableUsers the most billable users at any time in the period
	 * @param featuresDenied how often in the period users reached for a feature that the license's
	 *        plan does not include, by the feature's key (lower-case letters, digits, dots, dashes and
	 *        underscores); empty when none was, or when the instance does not count them
	 */
	public record Report(String licenseId, String instanceId, LocalDate periodStart, LocalDate periodEnd,
			int activeUsers, int maxBillableUsers, Instant reportedAt, Map<String, Integer> featuresDenied) {

		/** The most features one report names. */
		public static final int MAX_FEATURES = 50;

		private static final Pattern FEATURE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,59}");

		public Report {
			featuresDenied = Collections.unmodifiableMap(new TreeMap<>(featuresDenied));
			for (var feature : featuresDenied.keySet()) {
				if (!FEATURE.matcher(feature).matches()) {
					throw new IllegalArgumentException("a feature key is 1 to 60 lower-case letters, digits, dots, dashes"
							+ " and underscores: " + feature);
				}
			}
		}

		/** A report that counts no denied features (the first form of the report). */
		public Report(String licenseId, String instanceId, LocalDate periodStart, LocalDate periodEnd, int activeUsers,
				int maxBillableUsers, Instant reportedAt) {
			this(licenseId, instanceId, periodStart, periodEnd, activeUsers, maxBillableUsers, reportedAt, Map.of());
		}

		public Fields fields() {
			var values = new LinkedHashMap<String, String>();
			values.put("format", FORMAT);
			values.put("license-id", licenseId);
			values.put("instance-id", instanceId);
			values.put("period-start", periodStart.toString());
			values.put("period-end", periodEnd.toString());
			values.put("active-users", String.valueOf(activeUsers));
			values.put("max-billable-users", String.valueOf(maxBillableUsers));
			values.put("reported-at", reportedAt.toString());
			if (!featuresDenied.isEmpty()) {
				var denied = new StringBuilder();
				featuresDenied.forEach((feature, times) -> denied.append(denied.length() == 0 ? "" : ",").append(feature)
						.append('=').append(times));
				values.put("features-denied", denied.toString());
			}
			return Fields.of(values);
		}

		public static Report of(Fields fields) throws SignedDocument.MalformedDocumentException {
			var format = fields.required("format");
			if (!FORMAT.equals(format)) {
				throw new SignedDocument.MalformedDocumentException("the format is " + format + ", expected " + FORMAT);
			}
			try {
				return new Report(fields.required("license-id"), fields.required("instance-id"),
						LocalDate.parse(fields.required("period-start")), LocalDate.parse(fields.required("period-end")),
						Integer.parseInt(fields.required("active-users")),
						Integer.parseInt(fields.required("max-billable-users")), Instant.parse(fields.required("reported-at")),
						featuresDenied(fields.get("features-denied")));
			}
			catch (NumberFormatException | DateTimeParseException e) {
				throw new SignedDocument.MalformedDocumentException("a payload value is not readable: " + e.getMessage());
			}
			catch (IllegalArgumentException e) {
				throw new SignedDocument.MalformedDocumentException(e.getMessage());
			}
		}

		/** {@code epics=12,geo.replicas=3}: each feature once, at most {@link #MAX_FEATURES}. */
		private static Map<String, Integer> featuresDenied(String value) throws SignedDocument.MalformedDocumentException {
			var denied = new LinkedHashMap<String, Integer>();
			if (value == null || value.isEmpty()) {
				return denied;
			}
			var pairs = value.split(",", -1);
			if (pairs.length > MAX_FEATURES) {
				throw new SignedDocument.MalformedDocumentException("features-denied names more than " + MAX_FEATURES
						+ " features");
			}
			for (var pair : pairs) {
				int equals = pair.indexOf('=');
				if (equals < 1 || denied.putIfAbsent(pair.substring(0, equals).strip(),
						Integer.parseInt(pair.substring(equals + 1).strip())) != null) {
					throw new SignedDocument.MalformedDocumentException("features-denied is feature=times pairs, each"
							+ " feature once, joined by commas");
				}
			}
			return denied;
		}
	}

	/** The signed report, as text; the key id is the instance id. */
	public static String sign(Report report, PrivateKey instanceKey) {
		var payload = report.fields().bytes();
		return SignedDocument.of(KIND, report.instanceId(), payload, Ed25519.sign(instanceKey, payload)).write();
	}
}
