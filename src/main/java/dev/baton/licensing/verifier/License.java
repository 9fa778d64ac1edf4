package dev.baton.licensing.verifier;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a license file grants, as signed. Dates are UTC days: the license is valid from
 * {@code startsOn} (inclusive) until {@code expiresOn} (exclusive), the admins are told from
 * {@code notifyAdminsOn}, and after expiry it keeps working, in grace, until {@code blockChangesOn}.
 *
 * @param addOns add-on plan code to quantity
 * @param instanceId for an online license, the activated instance it was issued to; null offline
 * @param changesBlocked the seats in use were above the plan's overage tolerance when it was issued:
 *        the instance blocks further changes until a license without it arrives
 */
public record License(String format, String licenseId, String keyId, Instant issuedAt, String subscriptionId,
		String subscriptionNumber, int subscriptionVersion, String licenseeName, String licenseeCompany,
		String licenseeEmail, String plan, int seats, Map<String, Integer> addOns, LocalDate startsOn,
		LocalDate expiresOn, LocalDate notifyAdminsOn, LocalDate blockChangesOn, Mode mode, String instanceId,
		boolean quarterlyReconciliation, boolean changesBlocked) {

	/** The format this verifier reads. */
	public static final String FORMAT = "baton-license/1";
	/** The envelope's kind. */
	public static final String KIND = "LICENSE";

	/** Offline licenses are verified by the instance alone; online ones also report seats to the vendor. */
	public enum Mode {
		OFFLINE, ONLINE
	}

	public License {
		addOns = Map.copyOf(addOns);
	}

	/** The payload fields, in the order they are signed. */
	public Fields fields() {
		var values = new LinkedHashMap<String, String>();
		values.put("format", format);
		values.put("license-id", licenseId);
		values.put("key-id", keyId);
		values.put("issued-at", issuedAt.toString());
		values.put("subscription-id", subscriptionId);
		values.put("subscription-number", subscriptionNumber);
		values.put("subscription-version", String.valueOf(subscriptionVersion));
		values.put("licensee-name", licenseeName);
		values.put("licensee-company", licenseeCompany);
		values.put("licensee-email", licenseeEmail == null ? "" : licenseeEmail);
		values.put("plan", plan);
		values.put("seats", String.valueOf(seats));
		var addOnText = new StringBuilder();
		new java.util.TreeMap<>(addOns).forEach((code, quantity) -> addOnText.append(addOnText.length() == 0 ? "" : ",")
				.append(code).append('=').append(quantity));
		values.put("add-ons", addOnText.toString());
		values.put("starts-on", startsOn.toString());
		values.put("expires-on", expiresOn.toString());
		values.put("notify-admins-on", notifyAdminsOn.toString());
		values.put("block-changes-on", blockChangesOn.toString());
		values.put("mode", mode.name().toLowerCase());
		values.put("instance-id", instanceId == null ? "" : instanceId);
		values.put("quarterly-reconciliation", String.valueOf(quarterlyReconciliation));
		values.put("changes-blocked", String.valueOf(changesBlocked));
		return Fields.of(values);
	}

	/** Reads the signed fields of a license. */
	public static License of(Fields fields) throws SignedDocument.MalformedDocumentException {
		var format = fields.required("format");
		if (!FORMAT.equals(format)) {
			throw new SignedDocument.MalformedDocumentException("the format is " + format + ", this verifier reads " + FORMAT);
		}
		try {
			var addOns = new LinkedHashMap<String, Integer>();
			var addOnText = fields.get("add-ons");
			if (addOnText != null && !addOnText.isEmpty()) {
				for (var item : addOnText.split(",")) {
					var parts = item.split("=", 2);
					addOns.put(parts[0], Integer.parseInt(parts[1]));
				}
			}
			var instance = fields.get("instance-id");
			return new License(format, fields.required("license-id"), fields.required("key-id"),
					Instant.parse(fields.required("issued-at")), fields.required("subscription-id"),
					fields.required("subscription-number"), Integer.parseInt(fields.required("subscription-version")),
					fields.required("licensee-name"), fields.required("licensee-company"), fields.get("licensee-email"),
					fields.required("plan"), Integer.parseInt(fields.required("seats")), addOns,
					LocalDate.parse(fields.required("starts-on")), LocalDate.parse(fields.required("expires-on")),
					LocalDate.parse(fields.required("notify-admins-on")), LocalDate.parse(fields.required("block-changes-on")),
					Mode.valueOf(fields.required("mode").toUpperCase()), instance == null || instance.isEmpty() ? null : instance,
					Boolean.parseBoolean(fields.required("quarterly-reconciliation")),
					Boolean.parseBoolean(fields.required("changes-blocked")));
		}
		catch (NumberFormatException | DateTimeParseException | ArrayIndexOutOfBoundsException e) {
			throw new SignedDocument.MalformedDocumentException("a payload value is not readable: " + e.getMessage());
		}
		catch (IllegalArgumentException e) {
			throw new SignedDocument.MalformedDocumentException("a payload value is not readable: " + e.getMessage());
		}
	}
}
