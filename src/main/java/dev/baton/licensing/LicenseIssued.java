package dev.baton.licensing;

import java.util.UUID;

import dev.baton.subscription.SubscriptionId;

/**
 * A license file was issued for a version of a self-managed subscription; {@code licenseeEmail}
 * is where it is mailed (null when the account has no licensee yet).
 */
public record LicenseIssued(LicenseId licenseId, SubscriptionId subscriptionId, int subscriptionVersion,
		UUID ownerAccountId, String mode, String licenseeEmail) {
}
