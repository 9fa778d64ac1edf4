package dev.baton.ordering;

import dev.baton.platform.Rule;

/**
 * The rules an order keeps as a whole, by stable identifier.
 */
public enum OrderRule implements Rule {
	/** An order carries 1 to 50 actions. */
	ACTIONS("order.actions", "actions"),
	/** A channel's parties: a partner order has a reseller as invoice owner, a marketplace order a distributor. */
	CHANNEL_PARTIES("order.channel-parties", "actions"),
	/** An order names its channel. */
	CHANNEL("order.channel", "channel");

	private final String id;
	private final String field;

	OrderRule(String id, String field) {
		this.id = id;
		this.field = field;
	}

	@Override
	public String id() {
		return id;
	}

	@Override
	public String field() {
		return field;
	}
}
