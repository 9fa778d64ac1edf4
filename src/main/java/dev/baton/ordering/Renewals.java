package dev.baton.ordering;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import dev.baton.platform.BatonException;
import dev.baton.subscription.SubscriptionChange;
import dev.baton.subscription.Subscriptions;

/**
 * The renewal job (which also places the changes scheduled for the day, see {@link ScheduledChanges}): places the renewal order of every auto-renewing subscription a lead time
 * before its term ends (at most a quarter of the term, so a monthly plan renews in its last week), and closes those whose term ended without renewal. Each is an order of
 * the system's with a client key made of the subscription and the term end, so a run repeated, or
 * run by two instances at once, renews and closes each term once (the order's unique key decides).
 */
@Component
public class Renewals {

	static final String SYSTEM = "system";
	private static final Logger log = LoggerFactory.getLogger(Renewals.class);

	private final Subscriptions subscriptions;
	private final Orders orders;
	private final OrderingProperties properties;
	private final Clock clock;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate transactions;

	Renewals(Subscriptions subscriptions, Orders orders, OrderingProperties properties, Clock clock,
			ApplicationEventPublisher events,
			TransactionTemplate transactions) {
		this.subscriptions = subscriptions;
		this.orders = orders;
		this.properties = properties;
		this.clock = clock;
		this.events = events;
		this.transactions = transactions;
	}

	/** What one run did. */
	public record Run(int renewed, int closed, int refused) {
	}

	public Run run() {
		var today = LocalDate.now(clock);
		var until = today.plusDays(properties.renewalLeadTime().toDays());
		int renewed = 0;
		int closed = 0;
		int refused = 0;
		for (var subscription : subscriptions.endingBy(until, properties.renewalBatchSize())) {
			var renews = subscription.autoRenew() && subscription.cancelsOn() == null;
			if (!renews && subscription.termEnd().isAfter(today)) {
				continue;
			}
			// a short term renews no earlier than in its last quarter, so a monthly plan is not renewed at once
			var termDays = java.time.temporal.ChronoUnit.DAYS.between(subscription.termStart(), subscription.termEnd());
			var lead = Math.min(properties.renewalLeadTime().toDays(), termDays / 4);
			if (renews && subscription.termEnd().minusDays(lead).isAfter(today)) {
				continue;
			}
			var action = renews ? new SubscriptionChange.Renew(subscription.id(), null)
					: new SubscriptionChange.Cancel(subscription.id(), SubscriptionChange.When.NOW);
			var key = (renews ? "renewal:" : "term-end:") + subscription.id() + ":" + subscription.termEnd();
			try {
				var placed = orders.place(new Orders.PlaceOrder(
						subscription.parties().isChannel() ? Channel.PARTNER : Channel.SALES,
						subscription.opportunityId(), List.of(action),
						renews ? "Renewal before the term ends on " + subscription.termEnd()
								: "The term ended on " + subscription.termEnd() + " without renewal",
						SYSTEM, key));
				if (placed.created()) {
					if (renews) {
						renewed++;
					}
					else {
						closed++;
					}
				}
			}
			catch (BatonException refusal) {
				// for example no price at renewal in the subscription's currency: deal desk decides
				refused++;
				log.warn("Subscription {} was not {}: {}", subscription.number(), renews ? "renewed" : "closed",
						refusal.getMessage());
				// through the outbox, so the owner AE hears of it once the refusal is recorded
				transactions.executeWithoutResult(status -> events.publishEvent(new RenewalRefused(subscription, refusal.getMessage())));
			}
		}
		if (renewed + closed + refused > 0) {
			log.info("Renewal job: {} renewed, {} closed at term end, {} refused", renewed, closed, refused);
		}
		return new Run(renewed, closed, refused);
	}

	/** One instance at a time runs it (db-scheduler); the order keys make a repeat harmless anyway. */
	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(OrderingProperties.class)
	static class Schedule {

		@Bean
		RecurringTask<Void> subscriptionRenewalTask(Renewals renewals, ScheduledChanges scheduled,
				OrderingProperties properties) {
			return Tasks.recurring("subscription-renewals", FixedDelay.of(properties.renewalInterval()))
					.execute((instance, context) -> {
						renewals.run();
						scheduled.placeDue();
					});
		}
	}
}
