package dev.baton.licensing;

import java.time.Instant;
import java.time.LocalDate;

import dev.baton.subscription.SubscriptionId;

/**
 * A license file as kept: what it grants and when it was issued and mailed; the file itself is
 * read separately.
 */
public record IssuedLicense(LicenseId id, SubscriptionId subscriptionId, int subscriptionVersion, String mode,
		InstanceId instanceId, String keyId, String planCode, int seats, LocalDate startsOn, LocalDate expiresOn,
		boolean changesBlocked, Instant issuedAt, String mailedTo, Instant mailedAt) {
}
