package dev.baton.billing.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A subscription's contract timeline, the engine's input: every version with its charges, the
 * billing anchor (the first term's start) and the billing period in months.
 */
public record Contract(UUID subscriptionId, String subscriptionNumber, String currency, LocalDate anchor,
		int periodMonths, List<ContractVersion> versions) {

	public Contract {
		Objects.requireNonNull(subscriptionId, "subscriptionId");
		Objects.requireNonNull(currency, "currency");
		Objects.requireNonNull(anchor, "anchor");
		versions = versions.stream().sorted(Comparator.comparingInt(ContractVersion::version)).toList();
		if (periodMonths < 1) {
			throw new IllegalArgumentException("A billing period has at least one month, not " + periodMonths);
		}
	}

	/**
	 * The version that holds on a day: the latest one made that took effect on or before it (a
	 * renewal takes effect at the old term's end, so a later seat change may take effect before it).
	 */
	public Optional<ContractVersion> versionOn(LocalDate day) {
		ContractVersion holding = null;
		for (var version : versions) {
			if (!version.effectiveOn().isAfter(day)) {
				holding = version;
			}
		}
		return Optional.ofNullable(holding);
	}

	public Period periodOf(LocalDate day) {
		return Period.of(anchor, periodMonths, Period.indexOf(anchor, periodMonths, day));
	}

	/** The latest version number: what an invoice computed from this contract was computed at. */
	public int latestVersion() {
		return versions.isEmpty() ? -1 : versions.get(versions.size() - 1).version();
	}
}
