package dev.baton.licensing.verifier;

import java.util.List;

/**
 * What the verifier found: a status, the license when its signature holds (null otherwise), and
 * the reasons in words, for the instance's admin.
 */
public record Verification(Status status, License license, List<String> reasons) {

	/** From best to worst; only {@link #VALID} and {@link #IN_GRACE} let the instance run as licensed. */
	public enum Status {
		/** Signed by a published key, within its dates and seats. */
		VALID,
		/** Expired, but before the block-changes date: it still runs; renew now. */
		IN_GRACE,
		/** Signed and in its dates, but more users are active than it has seats. */
		SEATS_EXCEEDED,
		/** Signed, but its start date is still to come. */
		NOT_YET_VALID,
		/** Signed, and past its block-changes date. */
		EXPIRED,
		/** Signed by a key the verifier does not know (not published, or not given to it). */
		UNKNOWN_KEY,
		/** The signature does not match the content: the file was changed, or not made by the vendor. */
		BAD_SIGNATURE,
		/** Not a license file in the issued form. */
		MALFORMED
	}

	public Verification {
		reasons = List.copyOf(reasons);
	}

	/** Whether the instance may run as licensed (valid, or expired but in grace). */
	public boolean valid() {
		return status == Status.VALID || status == Status.IN_GRACE;
	}

	/** The reasons in one sentence. */
	public String explanation() {
		return String.join("; ", reasons);
	}
}
