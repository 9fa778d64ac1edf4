package dev.baton.notification;


import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

import dev.baton.licensing.UpsellSignalRaised;
import dev.baton.organisation.Organisation;

/**
 * Tells the owner AE of an account about an up-sell signal licensing raised (seats in use near or
 * above those paid): inbox and e-mail, once per signal.
 */
@Component
class LicensingListeners extends PersonListeners {


	LicensingListeners(Organisation organisation, Notifier notifier, NotificationProperties properties) {
		super(organisation, notifier, properties);
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(UpsellSignalRaised event) {
		var owner = person(event.ownerId());
		if (owner.isEmpty()) {
			return;
		}
		var plan = new Plan(EventKey.of("upsell-signal", event.signalId().value()), null);
		var cause = switch (event.cause()) {
			case SEAT_USE_HIGH -> "seats nearly all in use";
			case OVERAGE -> "more users than seats paid";
			case OVER_TOLERANCE -> "users beyond the plan's overage tolerance";
			case FEATURE_DEMAND -> "users keep reaching for features of a higher tier";
		};
		var message = new Message("Up-sell signal: " + event.accountName() + " (" + cause + ")",
				event.accountName() + ", subscription " + event.subscriptionNumber() + ", " + event.period() + ": "
						+ event.evidence() + ". Open an expansion opportunity from the signal, pre-filled.",
				baseUrl + "/licensing/signals/" + event.signalId());
		plan.inbox(owner.get().id(), message).email(owner.get().id(), message);
		notifier.carryOut(plan);
	}

}
