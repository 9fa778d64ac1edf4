package dev.baton.catalog;

import dev.baton.platform.Rule;

/**
 * The catalog's rules, by stable identifier.
 */
public enum CatalogRule implements Rule {
	/** Codes are lower case words joined by dashes, so they read well in ids, files and URLs. */
	CODE_FORMAT("catalog.code-format", "code"),
	/** A plan's term fits its billing period (monthly 1, annual 12, multi-year 24-60 in whole years). */
	PLAN_TERM("catalog.plan-term", "termMonths"),
	/** Services are sold once; subscriptions and add-ons are not. */
	PLAN_PERIOD("catalog.plan-period", "billingPeriod"),
	/** A published price book version never changes: a change is a new version. */
	PUBLISHED_IMMUTABLE("price-book.published-immutable", null),
	/** A version takes effect no earlier than today and after every published version. */
	EFFECTIVE_DATE("price-book.effective-date", "effectiveFrom"),
	/** A version is published with at least one price. */
	NOT_EMPTY("price-book.not-empty", null),
	/** A version keeps pricing every active plan and currency the version before it priced. */
	COMPLETE("price-book.complete", null),
	/** A price is in an ISO 4217 currency. */
	CURRENCY("price.currency", "currency"),
	/** Prices, included units and fees are not negative. */
	NOT_NEGATIVE("price.not-negative", "unitPrice"),
	/** The fields fit the plan's charge model (tiers for tiered and volume, a package size for package). */
	CHARGE_MODEL("price.charge-model", "tiers"),
	/** Tiers ascend and only the last one is open-ended. */
	TIERS_ASCEND("price.tiers-ascend", "tiers");

	private final String id;
	private final String field;

	CatalogRule(String id, String field) {
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
