package dev.baton.usage;

import java.time.Clock;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.baton.catalog.PriceBookVersionPublished;
import dev.baton.pipeline.AccountId;
import dev.baton.pipeline.Pipeline;
import dev.baton.subscription.Subscription;
import dev.baton.subscription.SubscriptionChanged;
import dev.baton.subscription.SubscriptionCreated;
import dev.baton.usage.jdbc.UsageRatingRepository;

/**
 * Keeps usage in step with what customers bought: a subscription version that added a pack plan
 * records the pack; any new version, or a price book version taking effect, forgets the allowances
 * of periods not closed yet, which are worked out again from the subscription as it now stands.
 * Idempotent: a pack is recorded once per version, and forgetting twice forgets nothing more.
 */
@Component
class UsageListeners {

	private final Packs packs;
	private final UsageRatingRepository repository;
	private final Pipeline pipeline;
	private final UsageProperties properties;
	private final Clock clock;

	UsageListeners(Packs packs, UsageRatingRepository repository, Pipeline pipeline, UsageProperties properties,
			Clock clock) {
		this.packs = packs;
		this.repository = repository;
		this.pipeline = pipeline;
		this.properties = properties;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(SubscriptionCreated created) {
		packs.bought(null, created.subscription(), created.orderId());
		forget(created.subscription());
	}

	@ApplicationModuleListener
	void on(SubscriptionChanged changed) {
		packs.bought(changed.before(), changed.after(), changed.orderId());
		forget(changed.before());
		forget(changed.after());
	}

	@ApplicationModuleListener
	void on(PriceBookVersionPublished published) {
		repository.forgetAllowances(null, openPeriod());
	}

	private void forget(Subscription subscription) {
		repository.forgetAllowances(pipeline.account(AccountId.of(subscription.parties().ownerAccountId())).externalId(), openPeriod());
	}

	/** The oldest period not closed yet (the last one is still open during its grace). */
	private java.time.Instant openPeriod() {
		return UsagePeriods.periodOf(clock.instant().minus(properties.periodCloseGrace()));
	}
}
