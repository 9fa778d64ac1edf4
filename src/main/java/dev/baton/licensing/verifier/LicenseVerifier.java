package dev.baton.licensing.verifier;

import java.security.PublicKey;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Verifies a Baton license file offline: the Ed25519 signature against the vendor's public keys
 * (every key ever published, so licenses signed before a rotation still verify), then the dates,
 * then the seats. Immutable and thread-safe.
 *
 * <p>
 * Embedding: build it with the vendor's published keys (key id to the base64 of the X.509
 * public key, from {@code GET /api/v1/licensing/keys}) with {@link #ofEncoded}, then call
 * {@link #verify(String, java.time.LocalDate, int)} with the file's text, today (UTC) and the
 * active users, and act on {@link Verification#valid()} and {@link Verification#explanation()};
 * docs/licensing.md has the example.
 */
public final class LicenseVerifier {

	private final Map<String, PublicKey> keys;

	private LicenseVerifier(Map<String, PublicKey> keys) {
		this.keys = Map.copyOf(keys);
	}

	/** A verifier trusting these public keys, by key id. */
	public static LicenseVerifier of(Map<String, PublicKey> keys) {
		Objects.requireNonNull(keys, "keys");
		return new LicenseVerifier(keys);
	}

	/** A verifier trusting the published keys, given as key id to base64 X.509 text. */
	public static LicenseVerifier ofEncoded(Map<String, String> keys) {
		var decoded = new LinkedHashMap<String, PublicKey>();
		keys.forEach((id, key) -> decoded.put(id, Ed25519.publicKey(key)));
		return new LicenseVerifier(decoded);
	}

	/** Checks signature and dates, not seats. */
	public Verification verify(String licenseFile, LocalDate today) {
		return verify(licenseFile, today, -1);
	}

	/**
	 * Checks the signature, the dates on {@code today} (UTC) and, when {@code activeUsers} is not
	 * negative, that no more users are active than the license has seats.
	 */
	public Verification verify(String licenseFile, LocalDate today, int activeUsers) {
		Objects.requireNonNull(today, "today");
		SignedDocument document;
		try {
			document = SignedDocument.read(License.KIND, licenseFile);
		}
		catch (SignedDocument.MalformedDocumentException e) {
			return refused(Verification.Status.MALFORMED, "Not a license file: " + e.getMessage());
		}
		var key = keys.get(document.keyId());
		if (key == null) {
			return refused(Verification.Status.UNKNOWN_KEY, "Signed with key " + document.keyId()
					+ ", which this verifier does not know; fetch the vendor's published keys");
		}
		if (!Ed25519.verify(key, document.payload(), document.signature())) {
			return refused(Verification.Status.BAD_SIGNATURE,
					"The signature does not match the content: the file was changed or was not issued by the vendor");
		}
		License license;
		try {
			license = License.of(Fields.parse(document.payload()));
		}
		catch (SignedDocument.MalformedDocumentException e) {
			return refused(Verification.Status.MALFORMED, "Signed, but not readable: " + e.getMessage());
		}
		if (!license.keyId().equals(document.keyId())) {
			return refused(Verification.Status.BAD_SIGNATURE, "The file names key " + document.keyId()
					+ " but its content was signed for key " + license.keyId());
		}
		var reasons = new ArrayList<String>();
		Verification.Status status;
		if (today.isBefore(license.startsOn())) {
			status = Verification.Status.NOT_YET_VALID;
			reasons.add("Not valid yet: it starts on " + license.startsOn());
		}
		else if (today.isBefore(license.expiresOn())) {
			status = Verification.Status.VALID;
			reasons.add("Valid until " + license.expiresOn() + " for " + license.seats() + " seats");
			if (!today.isBefore(license.notifyAdminsOn())) {
				reasons.add("It expires on " + license.expiresOn() + ": renew it");
			}
		}
		else if (today.isBefore(license.blockChangesOn())) {
			status = Verification.Status.IN_GRACE;
			reasons.add("Expired on " + license.expiresOn() + "; in grace until " + license.blockChangesOn()
					+ ", when changes are blocked: renew it");
		}
		else {
			status = Verification.Status.EXPIRED;
			reasons.add("Expired on " + license.expiresOn() + " and the grace ended on " + license.blockChangesOn());
		}
		if (activeUsers >= 0 && activeUsers > license.seats()
				&& (status == Verification.Status.VALID || status == Verification.Status.IN_GRACE)) {
			status = Verification.Status.SEATS_EXCEEDED;
			reasons.add(activeUsers + " active users exceed the " + license.seats() + " seats licensed");
		}
		if (license.changesBlocked()) {
			reasons.add("Changes are blocked until the seats in use above the plan's tolerance are reconciled");
		}
		return new Verification(status, license, reasons);
	}

	private static Verification refused(Verification.Status status, String reason) {
		return new Verification(status, null, java.util.List.of(reason));
	}
}
