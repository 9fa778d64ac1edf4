package dev.baton.billing.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One version of a subscription's contract as billing sees it: from which day it holds, the order
 * that made it, the day it stops being in force (term end or cancellation; null for no end) and
 * its recurring charges.
 *
 * @param withoutProration the change was ordered without proration: it is billed from the start of
 *        the next billing period, not from its day (left out of the stored inputs when false, so
 *        the inputs of versions made before proration modes keep their hash)
 */
public record ContractVersion(int version, LocalDate effectiveOn, String orderNumber, String action,
		LocalDate endsOn, List<Charge> charges,
		@JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean withoutProration) {

	public ContractVersion {
		Objects.requireNonNull(effectiveOn, "effectiveOn");
		charges = List.copyOf(charges);
	}

	public ContractVersion(int version, LocalDate effectiveOn, String orderNumber, String action, LocalDate endsOn,
			List<Charge> charges) {
		this(version, effectiveOn, orderNumber, action, endsOn, charges, false);
	}

	boolean inForceOn(LocalDate day) {
		return endsOn == null || day.isBefore(endsOn);
	}
}
