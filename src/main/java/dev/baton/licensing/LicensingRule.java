package dev.baton.licensing;

import dev.baton.platform.Rule;

/**
 * The licensing rules, by stable identifier.
 */
public enum LicensingRule implements Rule {
	/** Only a subscription on a self-managed plan has license files. */
	@Rule.Id("license.self-managed")
	SELF_MANAGED,
	/** A licensee has a name and an e-mail address. */
	@Rule.Id(value = "licensee.name", field = "name")
	LICENSEE_NAME,
	@Rule.Id(value = "licensee.email", field = "email")
	LICENSEE_EMAIL,
	/** An activation names a code Baton issued, for a subscription that is active. */
	@Rule.Id(value = "activation.code", field = "activationCode")
	ACTIVATION_CODE,
	/** An activation registers the instance's Ed25519 public key (base64 of its X.509 encoding). */
	@Rule.Id(value = "activation.public-key", field = "publicKey")
	ACTIVATION_KEY,
	/** An activated instance has a name (1 to 200 characters). */
	@Rule.Id(value = "activation.instance-name", field = "instanceName")
	ACTIVATION_NAME,
	/** A seat report is a signed seat report document in the issued form. */
	@Rule.Id(value = "seat-report.format", field = "report")
	REPORT_FORMAT,
	/** It names a license Baton issued. */
	@Rule.Id(value = "seat-report.license", field = "report")
	REPORT_LICENSE,
	/** It names an instance activated for that license's subscription, which signed it. */
	@Rule.Id(value = "seat-report.instance", field = "report")
	REPORT_INSTANCE,
	/** Its signature is the instance's. */
	@Rule.Id(value = "seat-report.signature", field = "report")
	REPORT_SIGNATURE,
	/** Its period is within the license's dates, at most 93 days, not in the future. */
	@Rule.Id(value = "seat-report.period", field = "report")
	REPORT_PERIOD,
	/** Its user counts are 0 to 10,000,000. */
	@Rule.Id(value = "seat-report.counts", field = "report")
	REPORT_COUNTS,
	/** Each feature it names as denied was denied 1 to 10,000,000 times. */
	@Rule.Id(value = "seat-report.features", field = "report")
	REPORT_FEATURES,
	/** A reconciliation is charged no sooner than the notice period after the customer's notice. */
	@Rule.Id("reconciliation.notice-period")
	NOTICE_PERIOD,
	/** Only the account's owner AE, an ASM or an admin opens an expansion opportunity from a signal. */
	@Rule.Id("signal.owner")
	SIGNAL_OWNER,
	/** An expansion opportunity is pre-filled from the deal the subscription came from, or the account's latest. */
	@Rule.Id("signal.expansion-source")
	SIGNAL_SOURCE;
}
