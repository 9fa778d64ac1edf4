package dev.baton.subscription;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import dev.baton.catalog.PriceBookVersionId;

/**
 * One version of a subscription: its parties, plan, seats and add-ons, term, renewal terms and
 * status, and the price book version its prices come from. Changed only by orders, each change a
 * new version (see {@link dev.baton.subscription.domain.SubscriptionChanges}).
 *
 * @param addOns add-on plan code to quantity
 * @param discounts plan code to the percent off its list price agreed in the sale (a quote's discount),
 *        kept through renewals
 * @param cancelsOn the day an ACTIVE subscription ends because it was cancelled at term end; null otherwise
 */
public record Subscription(SubscriptionId id, String number, Parties parties, UUID opportunityId, String planCode,
		String currency, int seats, Map<String, Integer> addOns, Map<String, java.math.BigDecimal> discounts, SubscriptionStatus status, LocalDate termStart,
		LocalDate termEnd, int termMonths, boolean autoRenew, RenewalPricing renewalPricing,
		PriceBookVersionId priceBookVersionId, LocalDate cancelsOn, int version) {

	public Subscription {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(parties, "parties");
		Objects.requireNonNull(planCode, "planCode");
		Objects.requireNonNull(status, "status");
		addOns = Map.copyOf(addOns);
		discounts = discounts == null ? Map.of() : Map.copyOf(discounts);
	}
}
