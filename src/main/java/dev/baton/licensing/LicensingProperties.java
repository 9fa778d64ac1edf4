package dev.baton.licensing;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Licensing settings ({@code baton.licensing.*}); see README.md and docs/licensing.md.
 *
 * @param keyDirectory where the signing keys live ({@code <key-id>.private}, base64 PKCS#8, and
 *        {@code <key-id>.public}, base64 X.509); the newest key id signs. Empty: a key is generated
 *        in memory at start (tests, a quick look). A directory without keys gets one generated.
 *        Never inside the repository.
 * @param signingKey a signing key given directly (for example from the environment), used instead
 *        of the directory's newest when its id is set
 * @param graceDays days after expiry a license keeps working before changes are blocked
 * @param notifyAdminsDays days before expiry the instance tells its admins
 * @param noticePeriod how long after the customer's notice a reconciliation is charged at the earliest
 * @param seatUseThreshold percent of the seats paid in use that raises an up-sell signal
 * @param overageTolerance percent above the seats paid tolerated before the customer is told at once
 *        and the next license blocks changes; a plan may say otherwise
 * @param quarterlyReconciliation whether a plan's subscriptions are reconciled quarterly (otherwise
 *        trued up at renewal); a plan may say otherwise
 * @param plans per plan code: {@code quarterly-reconciliation}, {@code overage-tolerance}
 * @param mailFrom the sender of license and notice e-mails
 * @param reconciliationInterval how often the reconciliation job runs
 * @param batchSize how many subscriptions one run of the job looks at
 * @param featureDemand when the features an instance's users keep reaching for raise a signal
 */
@ConfigurationProperties("baton.licensing")
public record LicensingProperties(@DefaultValue("") String keyDirectory, SigningKey signingKey,
		@DefaultValue("14") int graceDays, @DefaultValue("30") int notifyAdminsDays,
		@DefaultValue("7d") Duration noticePeriod, @DefaultValue("90") int seatUseThreshold,
		@DefaultValue("10") int overageTolerance, @DefaultValue("true") boolean quarterlyReconciliation,
		Map<String, PlanTerms> plans, @DefaultValue("licensing@baton.example") String mailFrom,
		@DefaultValue("1h") Duration reconciliationInterval, @DefaultValue("1000") int batchSize,
		@DefaultValue FeatureDemand featureDemand) {

	public LicensingProperties {
		plans = plans == null ? Map.of() : Map.copyOf(plans);
		if (noticePeriod.isNegative()) {
			throw new IllegalArgumentException("baton.licensing.notice-period must not be negative");
		}
	}

	/**
	 * A feature the plan lacks is in demand when the seat reports of one subscription whose periods
	 * end within {@code window} of each other deny it in at least two periods, at least
	 * {@code minDenials} times in all.
	 */
	public record FeatureDemand(@DefaultValue("10") int minDenials, @DefaultValue("90d") Duration window) {

		public FeatureDemand {
			if (minDenials < 1) {
				throw new IllegalArgumentException("baton.licensing.feature-demand.min-denials must be at least 1");
			}
		}
	}

	/** A key pair given in configuration: the id, and both halves in base64. */
	public record SigningKey(String id, String privateKey, String publicKey) {

		@Override
		public String toString() {
			return "SigningKey[id=" + id + "]"; // never the private key
		}
	}

	/** A plan's licensing terms; null values take the defaults. */
	public record PlanTerms(Boolean quarterlyReconciliation, Integer overageTolerance) {
	}

	public boolean quarterly(String planCode) {
		var terms = plans.get(planCode);
		return terms == null || terms.quarterlyReconciliation() == null ? quarterlyReconciliation
				: terms.quarterlyReconciliation();
	}

	public int tolerance(String planCode) {
		var terms = plans.get(planCode);
		return terms == null || terms.overageTolerance() == null ? overageTolerance : terms.overageTolerance();
	}
}
