package dev.baton.pipeline;

import java.util.List;

/**
 * An opportunity as the CRM sends it, every value still as written (text), so that one check can
 * name every wrong field at once whether it came from the upsert API or a CSV row.
 * <p>
 * {@code commandPlan} null keeps the stored plan (an empty one on create). Account fields other
 * than the external id left null keep the stored account's values; with {@code accountName} given,
 * an unknown account is created.
 */
public record OpportunityInput(String externalId, String name, String accountExternalId, String accountName,
		String accountIndustry, String accountRegionKey, String accountNamed, String ownerId, String ownerEmail,
		String segment, String businessUnit, String regionKey, String stage, String netArrAmount,
		String netArrCurrency, String closeDate, String subscriptionType, String forecastCategory,
		CommandPlan commandPlan) {

	/** The stored opportunity written back as input, the base a partial CSV row is laid over. */
	static OpportunityInput of(Opportunity opportunity, Account account) {
		return new OpportunityInput(opportunity.externalId(), opportunity.name(), account.externalId(), null, null,
				null, null, opportunity.ownerId().toString(), null, opportunity.segment().name(),
				opportunity.businessUnit(), opportunity.regionKey(), opportunity.stage().name(),
				opportunity.netArr().amount().toPlainString(), opportunity.netArr().currency().getCurrencyCode(),
				opportunity.closeDate().toString(), opportunity.subscriptionType().name(),
				opportunity.forecastCategory(), opportunity.commandPlan());
	}

	/** An input with no values but the external id, for a new opportunity. */
	static OpportunityInput empty(String externalId) {
		return new OpportunityInput(externalId, null, null, null, null, null, null, null, null, null, null, null,
				null, null, null, null, null, null, null);
	}

	static List<String> split(String cell) {
		if (cell == null || cell.isBlank()) {
			return List.of();
		}
		return java.util.Arrays.stream(cell.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}
}
