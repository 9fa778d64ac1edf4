package dev.baton.notification;


import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

import dev.baton.licensing.UpsellSignalRaised;
import dev.baton.organisation.Organisation;
import dev.baton.platform.Words;

/**
 * Tells the owner AE of an account about an up-sell signal licensing raised (seats in use near or
 * above those paid): inbox and e-mail, once per signal.
 */
@Component
class LicensingListeners extends PersonListeners {


	private final Words words;

	LicensingListeners(Organisation organisation, Notifier notifier, NotificationProperties properties, Words words) {
		super(organisation, notifier, properties);
		this.words = words;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(UpsellSignalRaised event) {
		var owner = person(event.ownerId());
		if (owner.isEmpty()) {
			return;
		}
		var plan = new Plan(EventKey.of("upsell-signal", event.signalId().value()), null);
		var message = new Message(words.get("notice.upsell.title", event.accountName(), words.of(event.cause())),
				words.get("notice.upsell.body", event.accountName(), event.subscriptionNumber(), event.period(),
						event.evidence()),
				baseUrl + "/licensing/signals/" + event.signalId());
		plan.inbox(owner.get().id(), message).email(owner.get().id(), message);
		notifier.carryOut(plan);
	}

}
