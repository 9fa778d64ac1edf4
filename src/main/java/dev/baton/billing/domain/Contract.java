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
	 * The version that holds on a day: the latest one made that is billed from that day or before
	 * (a renewal takes effect at the old term's end, so a later seat change may take effect before
	 * it; a change without proration is billed from the next period's start).
	 */
	public Optional<ContractVersion> versionOn(LocalDate day) {
		ContractVersion holding = null;
		for (var version : versions) {
			if (!billedFrom(version).isAfter(day)) {
				holding = version;
			}
		}
		return Optional.ofNullable(holding);
	}

	/**
	 * The day billing applies a version from: the day it took effect, or, for a change ordered
	 * without proration within a period, the start of the next period (nothing is credited or
	 * charged for the rest of the one it was made in).
	 */
	public LocalDate billedFrom(ContractVersion version) {
		if (!version.withoutProration() || version.effectiveOn().isBefore(anchor)) {
			return version.effectiveOn();
		}
		var period = periodOf(version.effectiveOn());
		return period.start().equals(version.effectiveOn()) ? version.effectiveOn() : period.end();
	}

	public Period periodOf(LocalDate day) {
		return Period.of(anchor, periodMonths, Period.indexOf(anchor, periodMonths, day));
	}

	/** The latest version number: what an invoice computed from this contract was computed at. */
	public int latestVersion() {
		return versions.isEmpty() ? -1 : versions.get(versions.size() - 1).version();
	}
}
