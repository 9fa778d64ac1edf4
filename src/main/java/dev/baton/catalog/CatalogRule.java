package dev.baton.catalog;

import dev.baton.platform.Rule;

/**
 * The catalog's rules, by stable identifier.
 */
public enum CatalogRule implements Rule {
	/** Codes are lower case words joined by dashes, so they read well in ids, files and URLs. */
	@Rule.Id(value = "catalog.code-format", field = "code")
	CODE_FORMAT,
	/** A plan's term fits its billing period (monthly 1, annual 12, multi-year 24-60 in whole years). */
	@Rule.Id(value = "catalog.plan-term", field = "termMonths")
	PLAN_TERM,
	/** Services are sold once; subscriptions and add-ons are not. */
	@Rule.Id(value = "catalog.plan-period", field = "billingPeriod")
	PLAN_PERIOD,
	/** A published price book version never changes: a change is a new version. */
	@Rule.Id("price-book.published-immutable")
	PUBLISHED_IMMUTABLE,
	/** A version takes effect no earlier than today and after every published version. */
	@Rule.Id(value = "price-book.effective-date", field = "effectiveFrom")
	EFFECTIVE_DATE,
	/** A version is published with at least one price. */
	@Rule.Id("price-book.not-empty")
	NOT_EMPTY,
	/** A version keeps pricing every active plan and currency the version before it priced. */
	@Rule.Id("price-book.complete")
	COMPLETE,
	/** A price is in an ISO 4217 currency. */
	@Rule.Id(value = "price.currency", field = "currency")
	CURRENCY,
	/** Prices, included units and fees are not negative. */
	@Rule.Id(value = "price.not-negative", field = "unitPrice")
	NOT_NEGATIVE,
	/** The fields fit the plan's charge model (tiers for tiered and volume, a package size for package). */
	@Rule.Id(value = "price.charge-model", field = "tiers")
	CHARGE_MODEL,
	/** Tiers ascend and only the last one is open-ended. */
	@Rule.Id(value = "price.tiers-ascend", field = "tiers")
	TIERS_ASCEND,
	/** A metered price names a meter by its code and charges per unit, tiered, volume or package, never flat. */
	@Rule.Id(value = "price.metered", field = "meterCode")
	METERED,
	/** A pack is a consumable plan sold once, priced per unit or by the package, that names the meter it prepays. */
	@Rule.Id(value = "catalog.pack", field = "planCode")
	PACK;
}
