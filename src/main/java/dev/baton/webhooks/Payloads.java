package dev.baton.webhooks;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.baton.catalog.PriceBookVersionPublished;
import dev.baton.licensing.LicenseIssued;
import dev.baton.licensing.SeatOverageNoticed;
import dev.baton.licensing.UpsellSignalRaised;
import dev.baton.ordering.Order;
import dev.baton.ordering.RenewalRefused;
import dev.baton.subscription.Subscription;
import dev.baton.subscription.SubscriptionChange;
import dev.baton.usage.UsageThresholdReached;

/**
 * The {@code data} of each event type, as its schema in {@code webhooks/schemas} describes it: ids,
 * the accounts (owner, invoice owner, distributor), the opportunity where there is one, dates as
 * ISO strings. Each event has a message id made from what it is about, so an event heard twice is
 * one message.
 */
final class Payloads {

	private Payloads() {
	}

	static String messageId(EventType type, Object... about) {
		var key = new StringBuilder(type.type());
		for (var part : about) {
			key.append(':').append(part);
		}
		return "msg_" + UUID.nameUUIDFromBytes(key.toString().getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
	}

	static Map<String, Object> subscription(Subscription s, UUID orderId) {
		var data = new LinkedHashMap<String, Object>();
		data.put("subscriptionId", s.id().toString());
		data.put("number", s.number());
		data.put("version", s.version());
		data.put("orderId", orderId == null ? null : orderId.toString());
		data.put("ownerAccountId", s.parties().ownerAccountId().toString());
		data.put("invoiceOwnerAccountId", s.parties().invoiceOwnerAccountId().toString());
		data.put("distributorAccountId", text(s.parties().distributorAccountId()));
		data.put("opportunityId", text(s.opportunityId()));
		data.put("planCode", s.planCode());
		data.put("currency", s.currency());
		data.put("seats", s.seats());
		data.put("addOns", new LinkedHashMap<>(new java.util.TreeMap<>(s.addOns())));
		data.put("status", s.status().name());
		data.put("termStart", text(s.termStart()));
		data.put("termEnd", text(s.termEnd()));
		data.put("autoRenew", s.autoRenew());
		data.put("cancelsOn", text(s.cancelsOn()));
		data.put("priceBookVersionId", text(s.priceBookVersionId()));
		return data;
	}

	static Map<String, Object> changed(Subscription before, Subscription after, String action, UUID orderId) {
		var data = subscription(after, orderId);
		data.put("action", action);
		data.put("previous", Map.of("planCode", before.planCode(), "seats", before.seats(), "status", before.status().name()));
		return data;
	}

	static Map<String, Object> order(Order order) {
		var data = new LinkedHashMap<String, Object>();
		data.put("orderId", order.id().toString());
		data.put("number", order.number());
		data.put("channel", order.channel().name());
		data.put("opportunityId", text(order.opportunityId()));
		data.put("placedBy", order.placedBy());
		data.put("placedAt", order.placedAt().toString());
		data.put("actions", order.actions().stream().map(SubscriptionChange::action).toList());
		data.put("subscriptionIds", order.subscriptionIds().stream().map(Object::toString).toList());
		return data;
	}

	static Map<String, Object> renewalRefused(RenewalRefused event) {
		var data = subscription(event.subscription(), null);
		data.remove("orderId");
		data.put("reason", event.reason());
		return data;
	}

	static Map<String, Object> priceBook(PriceBookVersionPublished event) {
		var data = new LinkedHashMap<String, Object>();
		data.put("priceBookVersionId", event.versionId().toString());
		data.put("number", event.number());
		data.put("effectiveFrom", event.effectiveFrom().toString());
		data.put("grandfathering", event.grandfathering().name());
		return data;
	}

	static Map<String, Object> licenseIssued(LicenseIssued event) {
		var data = new LinkedHashMap<String, Object>();
		data.put("licenseId", event.licenseId().toString());
		data.put("subscriptionId", event.subscriptionId().toString());
		data.put("subscriptionVersion", event.subscriptionVersion());
		data.put("ownerAccountId", event.ownerAccountId().toString());
		data.put("mode", event.mode());
		return data;
	}

	static Map<String, Object> seatOverage(SeatOverageNoticed event) {
		var data = new LinkedHashMap<String, Object>();
		data.put("reconciliationId", event.reconciliationId().toString());
		data.put("subscriptionId", event.subscriptionId().toString());
		data.put("kind", event.kind());
		data.put("seatsPaid", event.seatsPaid());
		data.put("maxBillableUsers", event.maxBillableUsers());
		data.put("overage", event.overage());
		data.put("amount", Map.of("amount", event.amount().amount().toPlainString(), "currency",
				event.amount().currency().getCurrencyCode()));
		data.put("chargeAfter", event.chargeAfter().toString());
		return data;
	}

	static Map<String, Object> upsellSignal(UpsellSignalRaised event) {
		var data = new LinkedHashMap<String, Object>();
		data.put("signalId", event.signalId().toString());
		data.put("accountId", event.accountId().toString());
		data.put("accountName", event.accountName());
		data.put("subscriptionId", text(event.subscriptionId()));
		data.put("subscriptionNumber", event.subscriptionNumber());
		data.put("cause", event.cause().name());
		data.put("period", event.period());
		data.put("evidence", event.evidence());
		data.put("ownerId", text(event.ownerId()));
		data.put("raisedAt", event.raisedAt().toString());
		return data;
	}

	static Map<String, Object> usageThreshold(UsageThresholdReached event) {
		var data = new LinkedHashMap<String, Object>();
		data.put("subject", event.subject());
		data.put("accountId", text(event.accountId()));
		data.put("accountName", event.accountName());
		data.put("meterCode", event.meterCode());
		data.put("meterName", event.meterName());
		data.put("unit", event.unit());
		data.put("period", event.period());
		data.put("thresholdPercent", event.thresholdPercent());
		data.put("remaining", event.remaining().toPlainString());
		data.put("available", event.available().toPlainString());
		data.put("subscriptionId", text(event.subscriptionId()));
		data.put("subscriptionNumber", event.subscriptionNumber());
		data.put("ownerId", text(event.ownerId()));
		data.put("reachedAt", event.reachedAt().toString());
		return data;
	}

	private static String text(Object value) {
		return value == null ? null : value.toString();
	}
}
