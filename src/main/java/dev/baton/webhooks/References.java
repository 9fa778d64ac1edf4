package dev.baton.webhooks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.baton.billing.InvoiceId;
import dev.baton.billing.InvoiceLine;
import dev.baton.billing.Invoices;
import dev.baton.pipeline.AccountId;
import dev.baton.pipeline.OpportunityId;
import dev.baton.pipeline.Pipeline;
import dev.baton.subscription.SubscriptionId;
import dev.baton.subscription.Subscriptions;

/**
 * The accounts and opportunities an event is about, as a receiver such as the CRM knows them: Baton's
 * id beside the CRM's id and the name. Read in the transaction that made the event, so they are what
 * Baton knew when it happened.
 */
@Component
class References {

	private final Pipeline pipeline;
	private final Subscriptions subscriptions;
	private final Invoices invoices;

	References(Pipeline pipeline, Subscriptions subscriptions, Invoices invoices) {
		this.pipeline = pipeline;
		this.subscriptions = subscriptions;
		this.invoices = invoices;
	}

	/** {@code {accountId, crmId, name}} of an account. */
	Map<String, Object> account(UUID id) {
		var data = new LinkedHashMap<String, Object>();
		data.put("accountId", id.toString());
		var found = pipeline.accounts(List.of(AccountId.of(id)));
		data.put("crmId", found.isEmpty() ? null : found.get(0).externalId());
		data.put("name", found.isEmpty() ? null : found.get(0).name());
		return data;
	}

	/** The distinct opportunities the subscriptions were sold on, each {@code {opportunityId, crmId, name}}. */
	List<Map<String, Object>> opportunitiesOf(Collection<UUID> subscriptionIds) {
		var ids = new LinkedHashSet<UUID>();
		for (var id : subscriptionIds) {
			var opportunity = subscriptions.subscription(SubscriptionId.of(id)).opportunityId();
			if (opportunity != null) {
				ids.add(opportunity);
			}
		}
		var list = new ArrayList<Map<String, Object>>();
		for (var opportunity : pipeline.opportunities(ids.stream().map(OpportunityId::of).toList())) {
			var data = new LinkedHashMap<String, Object>();
			data.put("opportunityId", opportunity.id().toString());
			data.put("crmId", opportunity.externalId());
			data.put("name", opportunity.name());
			list.add(data);
		}
		list.sort(java.util.Comparator.comparing(o -> String.valueOf(o.get("crmId"))));
		return list;
	}

	/** These opportunities by id, each {@code {opportunityId, crmId, name}}. */
	Map<UUID, Map<String, Object>> opportunities(Collection<UUID> ids) {
		var found = new LinkedHashMap<UUID, Map<String, Object>>();
		for (var opportunity : pipeline.opportunities(ids.stream().map(OpportunityId::of).toList())) {
			var data = new LinkedHashMap<String, Object>();
			data.put("opportunityId", opportunity.id().toString());
			data.put("crmId", opportunity.externalId());
			data.put("name", opportunity.name());
			found.put(opportunity.id(), data);
		}
		return found;
	}

	/** The subscriptions an invoice bills, in the order of its lines. */
	List<UUID> subscriptionsOf(InvoiceId invoice) {
		return invoices.invoice(invoice).lines().stream().map(InvoiceLine::subscriptionId).distinct().toList();
	}
}
