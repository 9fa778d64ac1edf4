package dev.baton.usage;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.baton.audit.AuditLog;
import dev.baton.pipeline.AccountId;
import dev.baton.pipeline.Opportunity;
import dev.baton.pipeline.OpportunityId;
import dev.baton.pipeline.Pipeline;
import dev.baton.subscription.Subscriptions;
import dev.baton.usage.jdbc.UsageRatingRepository;

/**
 * Notices as a subject nears the end of what it may use of a meter this period: at 30%, 5% and 0%
 * left of its allowance and packs, each once per subject, meter and period (a unique key, so two
 * instances noticing at once send one). When usage jumps past several thresholds at once, each is
 * recorded and one notice, for the lowest, goes out. Published as {@link UsageThresholdReached}
 * for the customer's billing contact, the owner AE and the CRM.
 */
@Component
class UsageNotices {

	static final List<Integer> THRESHOLDS = List.of(30, 5, 0);

	private final UsageRatingRepository repository;
	private final Pipeline pipeline;
	private final Subscriptions subscriptions;
	private final ApplicationEventPublisher events;
	private final AuditLog audit;
	private final Clock clock;
	private final TransactionTemplate transactions;

	UsageNotices(UsageRatingRepository repository, Pipeline pipeline, Subscriptions subscriptions,
			ApplicationEventPublisher events, AuditLog audit, Clock clock, PlatformTransactionManager transactionManager) {
		this.repository = repository;
		this.pipeline = pipeline;
		this.subscriptions = subscriptions;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** The thresholds a state has crossed and not been told of yet, highest first. */
	static List<Integer> crossed(Entitlements.State state) {
		if (!state.priced()) {
			return List.of();
		}
		var available = state.available();
		var remaining = state.remaining();
		return THRESHOLDS.stream()
				.filter(t -> state.notified() == null || t < state.notified())
				.filter(t -> remaining.compareTo(available.multiply(BigDecimal.valueOf(t)).movePointLeft(2)) <= 0)
				.toList();
	}

	/** Records the thresholds newly crossed and publishes one notice, for the lowest; nothing when none is. */
	void raiseIfCrossed(Entitlements.State state) {
		var crossed = crossed(state);
		if (crossed.isEmpty()) {
			return;
		}
		transactions.executeWithoutResult(status -> {
			var now = clock.instant();
			Integer lowest = null;
			for (var threshold : crossed) {
				if (repository.notice(state.subject(), state.meter().code(), state.period(), threshold, state.remaining(),
						state.available(), now)) {
					lowest = threshold;
				}
			}
			if (lowest != null) {
				publish(state, lowest, now);
			}
		});
	}

	private void publish(Entitlements.State state, int threshold, Instant now) {
		var account = pipeline.accountByExternalId(state.subject());
		var subscription = state.subscriptionNumber() == null ? null
				: subscriptions.byNumber(state.subscriptionNumber()).orElse(null);
		var owner = account.flatMap(a -> {
			if (subscription != null && subscription.opportunityId() != null) {
				var opportunity = pipeline.findOpportunity(OpportunityId.of(subscription.opportunityId()));
				if (opportunity.isPresent()) {
					return opportunity;
				}
			}
			return pipeline.opportunitiesOfAccount(AccountId.of(a.id())).stream().max(Comparator.comparing(Opportunity::updatedAt));
		}).map(Opportunity::ownerId).orElse(null);
		var meter = state.meter();
		var event = new UsageThresholdReached(state.subject(), account.map(a -> a.id()).orElse(null),
				account.map(a -> a.name()).orElse(state.subject()), meter.code(), meter.name(),
				meter.aggregation().unitOf(meter.unit()), UsagePeriods.name(state.period()), threshold,
				state.remaining().max(BigDecimal.ZERO), state.available(), subscription == null ? null : subscription.id(),
				state.subscriptionNumber(), owner, now);
		audit.recordBySystem("usage.threshold-reached", "usage_meter", meter.id().value(),
				threshold + "% left of " + meter.code() + " for " + state.subject(),
				java.util.Map.of("subject", state.subject(), "period", event.period(), "threshold", threshold,
						"remaining", event.remaining().toPlainString(), "available", state.available().toPlainString()));
		events.publishEvent(event);
	}
}
