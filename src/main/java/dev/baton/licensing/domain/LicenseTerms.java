package dev.baton.licensing.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import dev.baton.licensing.verifier.License;
import dev.baton.subscription.Subscription;

/**
 * What a license file for one subscription version says: the term's dates, the notice and grace
 * dates around its expiry, the seats and add-ons, the licensee, and how seats are reconciled.
 */
public final class LicenseTerms {

	private LicenseTerms() {
	}

	/** Who the license is made out to; {@code email} may be empty until the account names a licensee. */
	public record Licensee(String name, String company, String email) {

		public Licensee {
			Objects.requireNonNull(name, "name");
			Objects.requireNonNull(company, "company");
		}
	}

	/** The dates and switches that do not come from the subscription. */
	public record Settings(int graceDays, int notifyAdminsDays, boolean quarterlyReconciliation, boolean changesBlocked) {
	}

	/**
	 * The license for a subscription version: valid from the term's start until its end (the day
	 * the next term starts), admins told {@code notifyAdminsDays} before, and working in grace
	 * {@code graceDays} after.
	 */
	public static License of(String licenseId, String keyId, Instant issuedAt, Subscription subscription,
			Licensee licensee, License.Mode mode, String instanceId, Settings settings) {
		LocalDate expires = subscription.cancelsOn() != null && subscription.cancelsOn().isBefore(subscription.termEnd())
				? subscription.cancelsOn() : subscription.termEnd();
		var notify = expires.minusDays(settings.notifyAdminsDays());
		if (notify.isBefore(subscription.termStart())) {
			notify = subscription.termStart();
		}
		return new License(License.FORMAT, licenseId, keyId, issuedAt, subscription.id().toString(), subscription.number(),
				subscription.version(), licensee.name(), licensee.company(), licensee.email(), subscription.planCode(),
				subscription.seats(), subscription.addOns(), subscription.termStart(), expires, notify,
				expires.plusDays(settings.graceDays()), mode, instanceId, settings.quarterlyReconciliation(),
				settings.changesBlocked());
	}
}
