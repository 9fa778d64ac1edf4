package dev.baton.portal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import dev.baton.subscription.Subscription;
import dev.baton.subscription.SubscriptionStatus;

/**
 * A subscription as a portal shows it. The discounts are the invoice owner's terms: the invoice
 * owner sees them, an end customer of a reseller does not.
 *
 * @param discounts percent off list per plan; empty for an end customer of a reseller
 */
public record PortalSubscription(UUID id, String number, UUID ownerAccountId, boolean resold, String planCode,
		String currency, int seats, Map<String, Integer> addOns, Map<String, BigDecimal> discounts,
		SubscriptionStatus status, LocalDate termStart, LocalDate termEnd, boolean autoRenew, LocalDate cancelsOn,
		int version) {

	static PortalSubscription of(Subscription s, UUID viewer) {
		var invoiced = s.parties().invoiceOwnerAccountId().equals(viewer);
		return new PortalSubscription(s.id().value(), s.number(), s.parties().ownerAccountId(), s.parties().isChannel(),
				s.planCode(), s.currency(), s.seats(), s.addOns(), invoiced ? s.discounts() : Map.of(), s.status(),
				s.termStart(), s.termEnd(), s.autoRenew(), s.cancelsOn(), s.version());
	}
}
