package dev.baton.licensing.verifier;

import java.security.PrivateKey;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;

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
	 */
	public record Report(String licenseId, String instanceId, LocalDate periodStart, LocalDate periodEnd,
			int activeUsers, int maxBillableUsers, Instant reportedAt) {

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
						Integer.parseInt(fields.required("max-billable-users")), Instant.parse(fields.required("reported-at")));
			}
			catch (NumberFormatException | DateTimeParseException e) {
				throw new SignedDocument.MalformedDocumentException("a payload value is not readable: " + e.getMessage());
			}
		}
	}

	/** The signed report, as text; the key id is the instance id. */
	public static String sign(Report report, PrivateKey instanceKey) {
		var payload = report.fields().bytes();
		return SignedDocument.of(KIND, report.instanceId(), payload, Ed25519.sign(instanceKey, payload)).write();
	}
}
