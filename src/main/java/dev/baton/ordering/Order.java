package dev.baton.ordering;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import dev.baton.subscription.SubscriptionChange;
import dev.baton.subscription.SubscriptionId;

/**
 * A placed order: immutable. {@code subscriptionIds} names, per action, the subscription it
 * created or changed; {@code scheduled} the actions it scheduled for a later day instead of
 * applying them at once (a downgrade takes effect when the next billing period starts).
 */
public record Order(OrderId id, String number, Channel channel, UUID opportunityId, String placedBy, String reason,
		Instant placedAt, List<SubscriptionChange> actions, List<SubscriptionId> subscriptionIds,
		List<Scheduled> scheduled) {

	public Order {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(channel, "channel");
		actions = List.copyOf(actions);
		subscriptionIds = List.copyOf(subscriptionIds);
		scheduled = scheduled == null ? List.of() : List.copyOf(scheduled);
	}

	public Order(OrderId id, String number, Channel channel, UUID opportunityId, String placedBy, String reason,
			Instant placedAt, List<SubscriptionChange> actions, List<SubscriptionId> subscriptionIds) {
		this(id, number, channel, opportunityId, placedBy, reason, placedAt, actions, subscriptionIds, List.of());
	}

	/** An action the order scheduled: it is placed on {@code effectiveOn} as an order of the system's. */
	public record Scheduled(int actionIndex, java.time.LocalDate effectiveOn, UUID scheduledChangeId) {
	}
}
