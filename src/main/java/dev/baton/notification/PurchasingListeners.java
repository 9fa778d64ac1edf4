package dev.baton.notification;

import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

import dev.baton.ordering.RenewalRefused;
import dev.baton.pipeline.AccountId;
import dev.baton.pipeline.Opportunity;
import dev.baton.pipeline.OpportunityId;
import dev.baton.pipeline.Pipeline;
import dev.baton.platform.Words;
import dev.baton.subscription.Subscription;
import dev.baton.subscription.SubscriptionRenewed;

/**
 * Tells the account team about renewals: the owner AE hears, by inbox and e-mail, when one of their
 * customers' subscriptions renews (by the renewal job ahead of the term end, or by the customer)
 * and when the renewal job could not renew one, so that deal desk and the AE act before the term
 * ends. The owner AE is the owner of the subscription's opportunity or, for a subscription bought
 * without one (a web checkout), of the account's most recent opportunity.
 */
@Component
class PurchasingListeners {

	private final Pipeline pipeline;
	private final Notifier notifier;
	private final String baseUrl;
	private final Words words;

	PurchasingListeners(Pipeline pipeline, Notifier notifier, NotificationProperties properties, Words words) {
		this.words = words;
		this.pipeline = pipeline;
		this.notifier = notifier;
		this.baseUrl = properties.baseUrl();
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(SubscriptionRenewed event) {
		var s = event.subscription();
		var plan = new Plan(EventKey.of("subscription-renewed", s.id().value(), s.termEnd()), null);
		var message = new Message(words.get("notice.renewed.title", s.number(), customer(s)),
				words.get(s.parties().isChannel() ? "notice.renewed.body-channel" : "notice.renewed.body", customer(s),
						s.number(), s.planCode(), s.seats(), s.termStart(), s.termEnd()),
				baseUrl + "/subscriptions/" + s.id());
		ownerAe(s).ifPresent(ae -> plan.inbox(ae, message).email(ae, message));
		notifier.carryOut(plan);
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(RenewalRefused event) {
		var s = event.subscription();
		var plan = new Plan(EventKey.of("renewal-refused", s.id().value(), s.termEnd(), event.reason()), null);
		var message = new Message(words.get("notice.not-renewed.title", s.number(), customer(s)),
				words.get("notice.not-renewed.body", customer(s), s.number(), s.termEnd(), event.reason()),
				baseUrl + "/subscriptions/" + s.id());
		ownerAe(s).ifPresent(ae -> plan.inbox(ae, message).email(ae, message));
		notifier.carryOut(plan);
	}

	private String customer(Subscription s) {
		return pipeline.accounts(java.util.List.of(AccountId.of(s.parties().ownerAccountId()))).stream().findFirst()
				.map(dev.baton.pipeline.Account::name).orElseGet(() -> words.get("notice.a-customer"));
	}

	private Optional<UUID> ownerAe(Subscription s) {
		if (s.opportunityId() != null) {
			var opportunity = pipeline.findOpportunity(OpportunityId.of(s.opportunityId()));
			if (opportunity.isPresent()) {
				return Optional.ofNullable(opportunity.get().ownerId());
			}
		}
		return pipeline.opportunitiesOfAccount(AccountId.of(s.parties().ownerAccountId())).stream()
				.max(Comparator.comparing(Opportunity::createdAt)).map(Opportunity::ownerId);
	}
}
