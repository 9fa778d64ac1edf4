package dev.baton.ordering;

import dev.baton.platform.Rule;

/**
 * The rules an order keeps as a whole, by stable identifier.
 */
public enum OrderRule implements Rule {
	/** An order carries 1 to 50 actions. */
	@Rule.Id(value = "order.actions", field = "actions")
	ACTIONS,
	/** A channel's parties: a partner order has a reseller as invoice owner, a marketplace order a distributor. */
	@Rule.Id(value = "order.channel-parties", field = "actions")
	CHANNEL_PARTIES,
	/** An order names its channel. */
	@Rule.Id(value = "order.channel", field = "channel")
	CHANNEL;
}
