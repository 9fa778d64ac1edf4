package dev.baton.catalog.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.regex.Pattern;

import dev.baton.catalog.BillingPeriod;
import dev.baton.catalog.CatalogRule;
import dev.baton.catalog.ChargeModel;
import dev.baton.catalog.PriceBookVersion;
import dev.baton.catalog.PriceEntry;
import dev.baton.catalog.ProductKind;
import dev.baton.platform.Decision;

/**
 * The catalog's rules for plans, prices and publishing a price book version, each refusal
 * naming its rule.
 */
public final class PricePolicy {

	private static final Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
	private static final int MAX_CODE = 64;

	private PricePolicy() {
	}

	public static Decision code(String code) {
		return Decision.check().refuseIf(code == null || code.length() > MAX_CODE || !CODE.matcher(code).matches(),
				CatalogRule.CODE_FORMAT, () -> "A code is 1-64 lower-case letters and digits in words joined by dashes"
						+ " (such as premium-saas-annual), not '" + code + "'")
				.decide();
	}

	/**
	 * A new plan of a product of the given kind: services are sold once, subscriptions and add-ons
	 * by period, consumables either way (a prepaid pack once, metered use by period).
	 */
	public static Decision plan(ProductKind kind, BillingPeriod period, int termMonths) {
		var once = period == BillingPeriod.ONE_TIME;
		return Decision.check()
				.refuseIf(kind == ProductKind.SERVICE && !once, CatalogRule.PLAN_PERIOD,
						() -> "A service is sold once: its billing period is ONE_TIME")
				.refuseIf((kind == ProductKind.SUBSCRIPTION || kind == ProductKind.ADD_ON) && once, CatalogRule.PLAN_PERIOD,
						() -> "A " + (kind == ProductKind.ADD_ON ? "add-on" : "subscription")
								+ " is billed by period: MONTHLY, ANNUAL or MULTI_YEAR")
				.refuseIf(!period.allowsTerm(termMonths), CatalogRule.PLAN_TERM,
						() -> "A " + period + " plan has a term of " + period.allowedTerms() + ", not " + termMonths)
				.decide();
	}

	/** Whether a price fits its plan's charge model and is well formed. */
	public static Decision price(PriceEntry entry) {
		var model = entry.chargeModel();
		var tiers = entry.tiers();
		return Decision.check()
				.refuseIf(negative(entry.unitPrice()) || negative(entry.includedUnits())
						|| tiers.stream().anyMatch(t -> negative(t.unitPrice()) || negative(t.flatFee())),
						CatalogRule.NOT_NEGATIVE, () -> "Prices, included units and fees must not be negative")
				.refuseIf(model.usesTiers() && tiers.isEmpty(), CatalogRule.CHARGE_MODEL,
						() -> "A " + model + " price needs tiers")
				.refuseIf(!model.usesTiers() && !tiers.isEmpty(), CatalogRule.CHARGE_MODEL,
						() -> "A " + model + " price has no tiers; the plan's charge model is " + model)
				.refuseIf(model == ChargeModel.PACKAGE && (entry.packageSize() == null || entry.packageSize() < 1),
						CatalogRule.CHARGE_MODEL, () -> "A PACKAGE price needs a packageSize of 1 or more")
				.refuseIf(model != ChargeModel.PACKAGE && entry.packageSize() != null, CatalogRule.CHARGE_MODEL,
						() -> "Only a PACKAGE price has a packageSize")
				.refuseIf(model.usesTiers() && !tiers.isEmpty() && !ascending(tiers), CatalogRule.TIERS_ASCEND,
						() -> "Tiers ascend by upTo, each above 0 and the one before, and only the last is open-ended"
								+ " (upTo null)")
				.decide();
	}

	private static final Pattern METER = Pattern.compile("[a-z][a-z0-9-]{1,59}");

	/**
	 * A metered price: a meter named by its code, a unit, a charge model other than flat, and the
	 * fields that model needs (as for any price).
	 */
	public static Decision metered(dev.baton.catalog.MeteredPrice price) {
		var entry = new PriceEntry(price.planCode(), price.chargeModel(), price.currency(), price.unitPrice(),
				price.includedUnits(), price.packageSize(), price.tiers());
		return Decision.check()
				.refuseIf(price.meterCode() == null || !METER.matcher(price.meterCode()).matches(), CatalogRule.METERED,
						() -> "A metered price names a meter by its code (2 to 60 lower case letters, digits and dashes), not '"
								+ price.meterCode() + "'")
				.refuseIf(price.chargeModel() == ChargeModel.FLAT, CatalogRule.METERED,
						() -> "A metered price charges per unit, tiered, volume or by the package, not FLAT")
				.refuseIf(price.unit().isBlank() || price.unit().length() > 30, CatalogRule.METERED,
						() -> "A metered price names its unit (minute, GB-month), 1 to 30 characters")
				.decide().and(price.chargeModel() == ChargeModel.FLAT ? Decision.allowed() : price(entry));
	}

	/** A pack: a consumable plan sold once, priced per unit or by the package, naming the meter it prepays. */
	public static Decision pack(dev.baton.catalog.Plan plan, ProductKind kind, String meterCode) {
		return Decision.check()
				.refuseIf(kind != ProductKind.CONSUMABLE || plan.billingPeriod() != BillingPeriod.ONE_TIME
						|| !(plan.chargeModel() == ChargeModel.PER_UNIT || plan.chargeModel() == ChargeModel.PACKAGE),
						CatalogRule.PACK, () -> "A pack is a consumable plan sold once (ONE_TIME), per unit or by the"
								+ " package; " + plan.code() + " is a " + kind + " plan, " + plan.billingPeriod() + ", "
								+ plan.chargeModel())
				.refuseIf(meterCode == null || !METER.matcher(meterCode).matches(), CatalogRule.PACK,
						() -> "A pack names the meter it prepays by its code, not '" + meterCode + "'")
				.decide();
	}

	/** A currency code Baton can price in. */
	public static Decision currency(String code) {
		Currency currency = null;
		try {
			currency = code == null ? null : Currency.getInstance(code);
		}
		catch (IllegalArgumentException unknown) {
			// refused below
		}
		return Decision.check().refuseIf(currency == null || !currency.getCurrencyCode().equals(code),
				CatalogRule.CURRENCY, () -> "'" + code + "' is not an ISO 4217 currency code such as USD or EUR").decide();
	}

	/** A draft is changed only while it is a draft. */
	public static Decision change(PriceBookVersion version) {
		return Decision.check().refuseIf(version.isPublished(), CatalogRule.PUBLISHED_IMMUTABLE,
				() -> "Price book version " + version.number() + " is published and immutable; draft a new version")
				.decide();
	}

	/**
	 * Publishing: a draft with prices, effective no earlier than today and after the latest
	 * published version (so history is never rewritten), that still prices every active plan and
	 * currency the latest version priced (so no sale finds its price gone).
	 */
	public static Decision publish(PriceBookVersion version, LocalDate today, PriceBookVersion latest,
			java.util.Set<String> activePlans) {
		var latestPublished = latest == null ? null : latest.effectiveFrom();
		var missing = latest == null ? List.<String>of() : latest.entries().stream()
				.filter(e -> activePlans.contains(e.planCode()) && version.entry(e.planCode(), e.currency()).isEmpty())
				.map(e -> e.planCode() + " in " + e.currency().getCurrencyCode()).toList();
		return change(version)
				.and(Decision.check()
						.refuseIf(version.entries().isEmpty(), CatalogRule.NOT_EMPTY,
								() -> "Price book version " + version.number() + " has no prices yet")
						.refuseIf(!version.entries().isEmpty() && !missing.isEmpty(), CatalogRule.COMPLETE,
								() -> "Price book version " + version.number() + " drops " + missing.size()
										+ " price(s) of version " + latest.number() + ": "
										+ String.join(", ", missing.subList(0, Math.min(5, missing.size())))
										+ (missing.size() > 5 ? ", ..." : "")
										+ " (draft it as a copy with basedOn, or retire the plan)")
						.refuseIf(version.effectiveFrom().isBefore(today), CatalogRule.EFFECTIVE_DATE,
								() -> "A version takes effect today or later, not on " + version.effectiveFrom())
						.refuseIf(latestPublished != null && !version.effectiveFrom().isAfter(latestPublished),
								CatalogRule.EFFECTIVE_DATE, () -> "A version takes effect after the latest published one ("
										+ latestPublished + "), not on " + version.effectiveFrom())
						.decide());
	}

	private static boolean negative(BigDecimal value) {
		return value != null && value.signum() < 0;
	}

	private static boolean ascending(List<PriceEntry.Tier> tiers) {
		var previous = BigDecimal.ZERO;
		for (int i = 0; i < tiers.size(); i++) {
			var upTo = tiers.get(i).upTo();
			var last = i == tiers.size() - 1;
			if (upTo == null) {
				return last;
			}
			if (upTo.compareTo(previous) <= 0) {
				return false;
			}
			previous = upTo;
		}
		return false;
	}
}
