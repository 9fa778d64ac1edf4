package dev.baton.licensing;

import java.util.Set;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.baton.subscription.SubscriptionChanged;
import dev.baton.subscription.SubscriptionCreated;
import dev.baton.subscription.SubscriptionRenewed;

/**
 * Issues a license file for every new version of a self-managed subscription that changes what
 * it grants (created, seats, plan, add-ons, renewal, owner, resumed). The events come through the
 * outbox and may come twice; the license's unique key per version makes that harmless.
 */
@Component
class LicenseIssuer {

	/** The actions whose new version needs a new license file. */
	static final Set<String> REISSUING = Set.of("ADD_PRODUCT", "CHANGE_SEATS", "CHANGE_PLAN", "RENEW", "TRANSFER_OWNER",
			"RESUME");

	private final Licensing licensing;

	LicenseIssuer(Licensing licensing) {
		this.licensing = licensing;
	}

	@ApplicationModuleListener
	void on(SubscriptionCreated event) {
		licensing.issue(event.subscription());
	}

	@ApplicationModuleListener
	void on(SubscriptionChanged event) {
		if (REISSUING.contains(event.action())) {
			licensing.issue(event.after());
		}
	}

	@ApplicationModuleListener
	void on(SubscriptionRenewed event) {
		licensing.issue(event.subscription());
	}
}
