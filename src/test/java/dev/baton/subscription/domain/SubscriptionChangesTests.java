package dev.baton.subscription.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.baton.catalog.BillingPeriod;
import dev.baton.catalog.Deployment;
import dev.baton.catalog.PriceBookVersionId;
import dev.baton.catalog.ProductKind;
import dev.baton.subscription.Parties;
import dev.baton.subscription.RenewalPricing;
import dev.baton.subscription.Subscription;
import dev.baton.subscription.SubscriptionChange;
import dev.baton.subscription.SubscriptionId;
import dev.baton.subscription.SubscriptionRule;
import dev.baton.subscription.SubscriptionStatus;

class SubscriptionChangesTests {

	private static final LocalDate TODAY = LocalDate.parse("2026-12-02");
	private static final PriceBookVersionId SOLD_ON = PriceBookVersionId.random();
	private static final PriceBookVersionId CURRENT = PriceBookVersionId.random();
	private static final SubscriptionChanges.PlanFacts PREMIUM_SM = new SubscriptionChanges.PlanFacts(
			"premium-self-managed-annual", ProductKind.SUBSCRIPTION, Deployment.SELF_MANAGED, BillingPeriod.ANNUAL, 12);
	private static final SubscriptionChanges.PlanFacts ULTIMATE_SAAS = new SubscriptionChanges.PlanFacts(
			"ultimate-saas-annual", ProductKind.SUBSCRIPTION, Deployment.SAAS, BillingPeriod.ANNUAL, 12);
	private static final UUID OWNER = UUID.randomUUID();

	private static Subscription subscription(SubscriptionStatus status, RenewalPricing pricing, LocalDate cancelsOn) {
		return new Subscription(SubscriptionId.random(), "S-000001", Parties.direct(OWNER), null, PREMIUM_SM.code(), "USD",
				10, Map.of(), Map.of(), status, TODAY.minusMonths(11), TODAY.plusMonths(1), 12, cancelsOn == null, pricing, SOLD_ON,
				cancelsOn, 3);
	}

	private static SubscriptionChanges.Outcome apply(Subscription s, SubscriptionChange change,
			SubscriptionChanges.PlanFacts plan) {
		return SubscriptionChanges.apply(s, change, new SubscriptionChanges.Facts(TODAY, plan, PREMIUM_SM, CURRENT, null, null));
	}

	@Test
	void everyChangeOfAnActiveSubscriptionIsTheNextVersion() {
		var next = apply(subscription(SubscriptionStatus.ACTIVE, RenewalPricing.PRICE_BOOK_AT_RENEWAL, null),
				new SubscriptionChange.ChangeSeats(null, 12), null).next();
		assertThat(next.seats()).isEqualTo(12);
		assertThat(next.version()).isEqualTo(4);
	}

	@Test
	void aCancelledSubscriptionRefusesEveryAction() {
		var cancelled = subscription(SubscriptionStatus.CANCELLED, RenewalPricing.PRICE_BOOK_AT_RENEWAL, null);
		for (SubscriptionChange change : new SubscriptionChange[] { new SubscriptionChange.ChangeSeats(null, 12),
				new SubscriptionChange.Resume(null), new SubscriptionChange.Renew(null, null),
				new SubscriptionChange.Cancel(null, SubscriptionChange.When.NOW) }) {
			assertThat(SubscriptionChanges.state(cancelled, change).refuses(SubscriptionRule.STATE)).as(change.action())
					.isTrue();
		}
	}

	@Test
	void onlyASuspendedSubscriptionResumesAndASuspendedOneChangesNothingElse() {
		var active = subscription(SubscriptionStatus.ACTIVE, RenewalPricing.PRICE_BOOK_AT_RENEWAL, null);
		assertThat(apply(active, new SubscriptionChange.Resume(null), null).decision().refuses(SubscriptionRule.STATE)).isTrue();
		var suspended = apply(active, new SubscriptionChange.Suspend(null), null).next();
		assertThat(suspended.status()).isEqualTo(SubscriptionStatus.SUSPENDED);
		assertThat(SubscriptionChanges.state(suspended, new SubscriptionChange.ChangeSeats(null, 20))
				.refuses(SubscriptionRule.STATE)).isTrue();
		assertThat(apply(suspended, new SubscriptionChange.Resume(null), null).next().status())
				.isEqualTo(SubscriptionStatus.ACTIVE);
	}

	@Test
	void aRenewalStartsWhereTheTermEndsAtTodaysPricesUnlessThePriceIsLocked() {
		var open = apply(subscription(SubscriptionStatus.ACTIVE, RenewalPricing.PRICE_BOOK_AT_RENEWAL, null),
				new SubscriptionChange.Renew(null, null), null).next();
		assertThat(open.termStart()).isEqualTo(TODAY.plusMonths(1));
		assertThat(open.termEnd()).isEqualTo(TODAY.plusMonths(13));
		assertThat(open.priceBookVersionId()).isEqualTo(CURRENT);
		var locked = apply(subscription(SubscriptionStatus.ACTIVE, RenewalPricing.LOCKED, null),
				new SubscriptionChange.Renew(null, null), null).next();
		assertThat(locked.priceBookVersionId()).isEqualTo(SOLD_ON);
		assertThat(apply(subscription(SubscriptionStatus.ACTIVE, RenewalPricing.LOCKED, null),
				new SubscriptionChange.Renew(null, 6), null).decision().refuses(SubscriptionRule.TERM)).isTrue();
	}

	@Test
	void cancellingAtTermEndStopsTheRenewalAndCancellingNowEndsItToday() {
		var active = subscription(SubscriptionStatus.ACTIVE, RenewalPricing.PRICE_BOOK_AT_RENEWAL, null);
		var atEnd = apply(active, new SubscriptionChange.Cancel(null, SubscriptionChange.When.AT_TERM_END), null).next();
		assertThat(atEnd.cancelsOn()).isEqualTo(active.termEnd());
		assertThat(atEnd.autoRenew()).isFalse();
		assertThat(atEnd.status()).isEqualTo(SubscriptionStatus.ACTIVE);
		assertThat(SubscriptionChanges.state(atEnd, new SubscriptionChange.Renew(null, null)).refuses(SubscriptionRule.STATE))
				.isTrue();
		var now = apply(atEnd, new SubscriptionChange.Cancel(null, SubscriptionChange.When.NOW), null).next();
		assertThat(now.status()).isEqualTo(SubscriptionStatus.CANCELLED);
		assertThat(now.cancelsOn()).isEqualTo(TODAY);
	}

	@Test
	void aPlanChangeStaysOnTheDeploymentAndTakesTodaysPrices() {
		var active = subscription(SubscriptionStatus.ACTIVE, RenewalPricing.PRICE_BOOK_AT_RENEWAL, null);
		assertThat(apply(active, new SubscriptionChange.ChangePlan(null, ULTIMATE_SAAS.code()), ULTIMATE_SAAS).decision()
				.refuses(SubscriptionRule.SAME_DEPLOYMENT)).isTrue();
		var ultimate = new SubscriptionChanges.PlanFacts("ultimate-self-managed-annual", ProductKind.SUBSCRIPTION,
				Deployment.SELF_MANAGED, BillingPeriod.ANNUAL, 12);
		var upgraded = apply(active, new SubscriptionChange.ChangePlan(null, ultimate.code()), ultimate).next();
		assertThat(upgraded.planCode()).isEqualTo(ultimate.code());
		assertThat(upgraded.priceBookVersionId()).isEqualTo(CURRENT);
		assertThat(apply(active, new SubscriptionChange.ChangePlan(null, PREMIUM_SM.code()), PREMIUM_SM).decision()
				.refuses(SubscriptionRule.OTHER_PLAN)).isTrue();
	}

	@Test
	void aTransferOfADirectSaleMovesTheInvoiceOwnerWithTheOwnerButAResellerKeepsInvoicing() {
		var active = subscription(SubscriptionStatus.ACTIVE, RenewalPricing.PRICE_BOOK_AT_RENEWAL, null);
		var buyer = UUID.randomUUID();
		var moved = apply(active, new SubscriptionChange.TransferOwner(null, buyer), null).next();
		assertThat(moved.parties().ownerAccountId()).isEqualTo(buyer);
		assertThat(moved.parties().invoiceOwnerAccountId()).isEqualTo(buyer);
		var reseller = UUID.randomUUID();
		assertThat(new Parties(OWNER, reseller, null).withOwner(buyer).invoiceOwnerAccountId()).isEqualTo(reseller);
		assertThat(apply(active, new SubscriptionChange.TransferOwner(null, OWNER), null).decision()
				.refuses(SubscriptionRule.OTHER_OWNER)).isTrue();
	}

	@Test
	void aNewSubscriptionHasSeatsATermThatFitsThePlanAndStartsNoEarlierThanToday() {
		var create = new SubscriptionChange.Create(Parties.direct(OWNER), null, PREMIUM_SM.code(), "USD", 0, null,
				Map.of("x", java.math.BigDecimal.valueOf(100)), TODAY.minusDays(1), 18, null, null);
		var decision = SubscriptionChanges.apply(null, create,
				new SubscriptionChanges.Facts(TODAY, PREMIUM_SM, null, CURRENT, SubscriptionId.random(), "S-1")).decision();
		assertThat(decision.refuses(SubscriptionRule.SEATS)).isTrue();
		assertThat(decision.refuses(SubscriptionRule.TERM)).isTrue();
		assertThat(decision.refuses(SubscriptionRule.TERM_START)).isTrue();
		assertThat(decision.refuses(SubscriptionRule.DISCOUNT)).as("100% off is not a sale").isTrue();
	}
}
