package dev.baton.webhooks;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.baton.billing.CreditNoteIssued;
import dev.baton.billing.InvoiceFinalized;
import dev.baton.billing.InvoiceSettled;
import dev.baton.billing.PaymentRecorded;

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
		data.put("amount", money(event.amount()));
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

	static Map<String, Object> money(dev.baton.platform.Money money) {
		var data = new LinkedHashMap<String, Object>();
		data.put("amount", money.amount().toPlainString());
		data.put("currency", money.currency().getCurrencyCode());
		return data;
	}

	/** What every invoice, credit note and payment event says of who it concerns. */
	private static void parties(Map<String, Object> data, Map<String, Object> account, List<Map<String, Object>> opportunities,
			List<UUID> subscriptionIds) {
		data.put("account", account);
		data.put("opportunities", opportunities);
		data.put("subscriptionIds", subscriptionIds.stream().map(UUID::toString).toList());
	}

	static Map<String, Object> invoiceFinalized(InvoiceFinalized event, Map<String, Object> account,
			List<Map<String, Object>> opportunities) {
		var data = new LinkedHashMap<String, Object>();
		data.put("invoiceId", event.invoiceId().toString());
		data.put("number", event.number());
		data.put("status", "OPEN");
		parties(data, account, opportunities, event.subscriptionIds());
		data.put("total", money(event.total()));
		data.put("issuedOn", event.issuedOn().toString());
		data.put("dueOn", event.dueOn().toString());
		return data;
	}

	static Map<String, Object> invoiceSettled(InvoiceSettled event, Map<String, Object> account,
			List<Map<String, Object>> opportunities) {
		var data = new LinkedHashMap<String, Object>();
		data.put("invoiceId", event.invoiceId().toString());
		data.put("number", event.number());
		data.put("status", event.status().name());
		parties(data, account, opportunities, event.subscriptionIds());
		data.put("total", money(event.total()));
		data.put("reason", event.reason());
		return data;
	}

	static Map<String, Object> creditNote(CreditNoteIssued event, Map<String, Object> account,
			List<Map<String, Object>> opportunities, List<UUID> subscriptionIds) {
		var data = new LinkedHashMap<String, Object>();
		data.put("creditNoteId", event.creditNoteId().toString());
		data.put("number", event.number());
		data.put("invoiceId", event.invoiceId().toString());
		data.put("invoiceNumber", event.invoiceNumber());
		parties(data, account, opportunities, subscriptionIds);
		data.put("amount", money(event.amount()));
		data.put("toAccountCredit", money(event.toAccountCredit()));
		data.put("reason", event.reason());
		return data;
	}

	static Map<String, Object> payment(PaymentRecorded event, Map<String, Object> account,
			List<Map<String, Object>> opportunities, List<UUID> subscriptionIds) {
		var data = new LinkedHashMap<String, Object>();
		data.put("paymentId", event.paymentId().toString());
		data.put("invoiceId", event.invoiceId().toString());
		data.put("invoiceNumber", event.invoiceNumber());
		parties(data, account, opportunities, subscriptionIds);
		data.put("status", event.status().name());
		data.put("method", event.method().name());
		data.put("amount", money(event.amount()));
		data.put("failure", event.failure());
		data.put("dunningStep", event.dunningStep());
		return data;
	}

	/**
	 * An account's booked figures as the CRM files them: ARR and MRR per currency for the account and
	 * for each opportunity, the active subscriptions and the next renewal, and the revision (a
	 * receiver keeps the highest).
	 */
	static Map<String, Object> bookedFigures(dev.baton.pipeline.BookedFigures.Summary figures, Map<String, Object> account,
			Map<UUID, Map<String, Object>> opportunities) {
		var data = new LinkedHashMap<String, Object>();
		data.put("account", account);
		data.put("revision", figures.revision());
		data.put("asOf", figures.asOf().toString());
		data.put("activeSubscriptions", figures.activeSubscriptions());
		data.put("nextRenewalOn", text(figures.nextRenewalOn()));
		data.put("arr", figures.account().stream().map(l -> money(l.arr())).toList());
		data.put("mrr", figures.account().stream().map(l -> money(monthly(l.arr()))).toList());
		var byOpportunity = new java.util.TreeMap<String, Map<String, Object>>();
		for (var line : figures.lines()) {
			if (line.opportunityId() == null) {
				continue;
			}
			var entry = byOpportunity.computeIfAbsent(line.opportunityId().toString(), id -> {
				var o = new LinkedHashMap<String, Object>(opportunities.getOrDefault(line.opportunityId(),
						Map.of("opportunityId", id, "crmId", "", "name", "")));
				o.put("arr", new java.util.ArrayList<Map<String, Object>>());
				o.put("mrr", new java.util.ArrayList<Map<String, Object>>());
				o.put("subscriptions", 0);
				o.put("nextRenewalOn", null);
				return o;
			});
			cast(entry.get("arr")).add(money(line.arr()));
			cast(entry.get("mrr")).add(money(monthly(line.arr())));
			entry.put("subscriptions", (Integer) entry.get("subscriptions") + line.subscriptions());
			var renewal = line.nextRenewalOn();
			var known = (String) entry.get("nextRenewalOn");
			if (renewal != null && (known == null || renewal.toString().compareTo(known) < 0)) {
				entry.put("nextRenewalOn", renewal.toString());
			}
		}
		data.put("opportunities", List.copyOf(byOpportunity.values()));
		return data;
	}

	/** MRR: ARR over twelve months, rounded once. */
	static dev.baton.platform.Money monthly(dev.baton.platform.Money arr) {
		return new dev.baton.platform.Money(arr.amount().divide(java.math.BigDecimal.valueOf(12), java.math.MathContext.DECIMAL128),
				arr.currency());
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> cast(Object list) {
		return (List<Map<String, Object>>) list;
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
