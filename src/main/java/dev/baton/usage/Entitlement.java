package dev.baton.usage;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Whether a subject may use more of a feature (a meter) now, what is left this period, and why:
 * allowed while its allowance and packs last; refused at 0 left (until a pack is bought or the
 * period turns) or when its subscription does not price the meter.
 *
 * @param remaining what is left this period, in {@code unit}: the allowance and the packs less what was used (0 or less when exhausted; null when not in the plan)
 * @param reason why, in words
 * @param violations the rules that refuse it, each with its reason; empty when allowed
 * @param included the allowance of the period
 * @param packs the balance of the subject's packs
 * @param used what the subject used this period so far
 */
public record Entitlement(String subject, String feature, boolean allowed, BigDecimal remaining, String unit,
		String reason, List<Violation> violations, Instant periodStart, Instant periodEnd, BigDecimal included,
		BigDecimal packs, BigDecimal used, String subscriptionNumber) {

	/** A rule that refuses, and why. */
	public record Violation(String rule, String message) {
	}

	public Entitlement {
		violations = List.copyOf(violations);
	}
}
