package dev.baton.licensing;

import dev.baton.platform.Rule;

/**
 * The licensing rules, by stable identifier.
 */
public enum LicensingRule implements Rule {
	/** Only a subscription on a self-managed plan has license files. */
	SELF_MANAGED("license.self-managed", null),
	/** A licensee has a name and an e-mail address. */
	LICENSEE_NAME("licensee.name", "name"),
	LICENSEE_EMAIL("licensee.email", "email"),
	/** An activation names a code Baton issued, for a subscription that is active. */
	ACTIVATION_CODE("activation.code", "activationCode"),
	/** An activation registers the instance's Ed25519 public key (base64 of its X.509 encoding). */
	ACTIVATION_KEY("activation.public-key", "publicKey"),
	/** An activated instance has a name (1 to 200 characters). */
	ACTIVATION_NAME("activation.instance-name", "instanceName"),
	/** A seat report is a signed seat report document in the issued form. */
	REPORT_FORMAT("seat-report.format", "report"),
	/** It names a license Baton issued. */
	REPORT_LICENSE("seat-report.license", "report"),
	/** It names an instance activated for that license's subscription, which signed it. */
	REPORT_INSTANCE("seat-report.instance", "report"),
	/** Its signature is the instance's. */
	REPORT_SIGNATURE("seat-report.signature", "report"),
	/** Its period is within the license's dates, at most 93 days, not in the future. */
	REPORT_PERIOD("seat-report.period", "report"),
	/** Its user counts are 0 to 10,000,000. */
	REPORT_COUNTS("seat-report.counts", "report"),
	/** A reconciliation is charged no sooner than the notice period after the customer's notice. */
	NOTICE_PERIOD("reconciliation.notice-period", null),
	/** Only the account's owner AE, an ASM or an admin opens an expansion opportunity from a signal. */
	SIGNAL_OWNER("signal.owner", null),
	/** An expansion opportunity is pre-filled from the deal the subscription came from, or the account's latest. */
	SIGNAL_SOURCE("signal.expansion-source", null);

	private final String id;
	private final String field;

	LicensingRule(String id, String field) {
		this.id = id;
		this.field = field;
	}

	@Override
	public String id() {
		return id;
	}

	@Override
	public String field() {
		return field;
	}
}
