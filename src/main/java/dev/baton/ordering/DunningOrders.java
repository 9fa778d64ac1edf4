package dev.baton.ordering;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

import dev.baton.billing.DunningStepTaken;
import dev.baton.platform.BatonException;
import dev.baton.subscription.SubscriptionChange;
import dev.baton.subscription.SubscriptionId;
import dev.baton.subscription.Subscriptions;

/**
 * Carries out what dunning decides for the subscriptions an unpaid invoice bills: suspends them,
 * cancels them, or resumes them once the invoice is settled. Each is an order of the system's
 * with a client key made of the invoice, the step and the subscription, so an event delivered
 * twice places each order once. A subscription whose state does not allow the action (cancelled
 * already, say) is skipped and logged.
 */
@Component
class DunningOrders {

	private static final Logger log = LoggerFactory.getLogger(DunningOrders.class);

	private final Orders orders;
	private final Subscriptions subscriptions;

	DunningOrders(Orders orders, Subscriptions subscriptions) {
		this.orders = orders;
		this.subscriptions = subscriptions;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(DunningStepTaken step) {
		if (step.action() != DunningStepTaken.Action.SUSPEND && step.action() != DunningStepTaken.Action.CANCEL
				&& step.action() != DunningStepTaken.Action.RESUME) {
			return;
		}
		for (var id : step.subscriptionIds()) {
			var subscriptionId = SubscriptionId.of(id);
			SubscriptionChange action;
			String reason;
			switch (step.action()) {
				case SUSPEND:
					action = new SubscriptionChange.Suspend(subscriptionId);
					reason = "Suspended by dunning: invoice " + step.invoiceNumber() + " is unpaid since " + step.dueOn();
					break;
				case CANCEL:
					action = new SubscriptionChange.Cancel(subscriptionId, SubscriptionChange.When.NOW);
					reason = "Cancelled by dunning: invoice " + step.invoiceNumber() + " was not paid";
					break;
				default:
					action = new SubscriptionChange.Resume(subscriptionId);
					reason = "Resumed: " + step.outcome();
					break;
			}
			var subscription = subscriptions.subscription(subscriptionId);
			try {
				orders.place(new Orders.PlaceOrder(subscription.parties().isChannel() ? Channel.PARTNER : Channel.SALES,
						subscription.opportunityId(), List.of(action), reason, Renewals.SYSTEM,
						"dunning:" + step.invoiceId() + ":" + step.action() + ":" + step.position() + ":" + id));
			}
			catch (BatonException refused) {
				log.warn("Dunning could not {} subscription {}: {}", step.action().name().toLowerCase(),
						subscription.number(), refused.getMessage());
			}
		}
	}
}
