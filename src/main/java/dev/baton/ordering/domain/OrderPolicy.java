package dev.baton.ordering.domain;

import java.util.List;

import dev.baton.ordering.Channel;
import dev.baton.ordering.OrderRule;
import dev.baton.platform.Decision;
import dev.baton.subscription.SubscriptionChange;

/**
 * What an order must be as a whole before its actions are applied.
 */
public final class OrderPolicy {

	public static final int MAX_ACTIONS = 50;

	private OrderPolicy() {
	}

	public static Decision check(Channel channel, List<SubscriptionChange> actions) {
		var check = Decision.check()
				.refuseIf(channel == null, OrderRule.CHANNEL, () -> "An order names its channel: WEB, SALES, PARTNER or MARKETPLACE")
				.refuseIf(actions == null || actions.isEmpty() || actions.size() > MAX_ACTIONS, OrderRule.ACTIONS,
						() -> "An order carries 1 to " + MAX_ACTIONS + " actions, not " + (actions == null ? 0 : actions.size()));
		if (channel != null && actions != null) {
			for (int i = 0; i < actions.size(); i++) {
				var index = i;
				if (actions.get(i) instanceof SubscriptionChange.Create create && create.parties() != null) {
					var parties = create.parties();
					var resold = parties.invoiceOwnerAccountId() != null
							&& !parties.invoiceOwnerAccountId().equals(parties.ownerAccountId());
					check.refuseIf((channel == Channel.PARTNER || channel == Channel.MARKETPLACE) && !resold,
							OrderRule.CHANNEL_PARTIES, () -> "actions[" + index + "]: a " + channel
									+ " order is invoiced to the reseller: invoiceOwnerAccountId names the reseller,"
									+ " ownerAccountId the end customer")
							.refuseIf((channel == Channel.WEB || channel == Channel.SALES) && resold,
									OrderRule.CHANNEL_PARTIES, () -> "actions[" + index + "]: a " + channel
											+ " order is invoiced to its owner; a reseller's sale is a PARTNER order")
							.refuseIf(channel == Channel.MARKETPLACE && parties.distributorAccountId() == null,
									OrderRule.CHANNEL_PARTIES, () -> "actions[" + index
											+ "]: a MARKETPLACE order names the distributorAccountId")
							.refuseIf(channel != Channel.MARKETPLACE && parties.distributorAccountId() != null,
									OrderRule.CHANNEL_PARTIES, () -> "actions[" + index
											+ "]: only a MARKETPLACE order has a distributor");
				}
			}
		}
		return check.decide();
	}
}
