package dev.baton.billing.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One version of a subscription's contract as billing sees it: from which day it holds, the order
 * that made it, the day it stops being in force (term end or cancellation; null for no end) and
 * its recurring charges.
 */
public record ContractVersion(int version, LocalDate effectiveOn, String orderNumber, String action,
		LocalDate endsOn, List<Charge> charges) {

	public ContractVersion {
		Objects.requireNonNull(effectiveOn, "effectiveOn");
		charges = List.copyOf(charges);
	}

	boolean inForceOn(LocalDate day) {
		return endsOn == null || day.isBefore(endsOn);
	}
}
