package dev.baton.ordering;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import dev.baton.subscription.SubscriptionChange;
import dev.baton.subscription.SubscriptionId;

/**
 * A placed order: immutable. {@code subscriptionIds} names, per action, the subscription it
 * created or changed.
 */
public record Order(OrderId id, String number, Channel channel, UUID opportunityId, String placedBy, String reason,
		Instant placedAt, List<SubscriptionChange> actions, List<SubscriptionId> subscriptionIds) {

	public Order {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(channel, "channel");
		actions = List.copyOf(actions);
		subscriptionIds = List.copyOf(subscriptionIds);
	}
}
