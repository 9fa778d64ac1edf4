package dev.baton.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.baton.catalog.BillingPeriod;
import dev.baton.catalog.CatalogRule;
import dev.baton.catalog.ChargeModel;
import dev.baton.catalog.Grandfathering;
import dev.baton.catalog.PriceBookVersion;
import dev.baton.catalog.PriceBookVersionId;
import dev.baton.catalog.PriceEntry;
import dev.baton.catalog.ProductKind;

class PricePolicyTests {

	private static final LocalDate TODAY = LocalDate.parse("2026-12-02");

	private static PriceEntry entry(ChargeModel model, String unitPrice, Integer packageSize, PriceEntry.Tier... tiers) {
		return new PriceEntry("plan", model, Currency.getInstance("USD"), new BigDecimal(unitPrice), null, packageSize,
				List.of(tiers));
	}

	private static PriceEntry.Tier tier(String upTo, String price) {
		return new PriceEntry.Tier(upTo == null ? null : new BigDecimal(upTo), new BigDecimal(price), null);
	}

	private static PriceBookVersion version(PriceBookVersion.Status status, LocalDate from, PriceEntry... entries) {
		return new PriceBookVersion(PriceBookVersionId.random(), 3, "v3", from, Grandfathering.KEEP_UNTIL_RENEWAL, status,
				null, null, 0, List.of(entries));
	}

	@Test
	void codesAreLowerCaseWordsJoinedByDashes() {
		assertThat(PricePolicy.code("premium-saas-annual").isAllowed()).isTrue();
		assertThat(PricePolicy.code("Premium SaaS").refuses(CatalogRule.CODE_FORMAT)).isTrue();
		assertThat(PricePolicy.code("premium--saas").refuses(CatalogRule.CODE_FORMAT)).isTrue();
		assertThat(PricePolicy.code(null).refuses(CatalogRule.CODE_FORMAT)).isTrue();
	}

	@Test
	void refusesAServiceBilledByPeriodAndASubscriptionSoldOnce() {
		assertThat(PricePolicy.plan(ProductKind.SERVICE, BillingPeriod.ANNUAL, 12).refuses(CatalogRule.PLAN_PERIOD)).isTrue();
		assertThat(PricePolicy.plan(ProductKind.SUBSCRIPTION, BillingPeriod.ONE_TIME, 0).refuses(CatalogRule.PLAN_PERIOD))
				.isTrue();
		assertThat(PricePolicy.plan(ProductKind.CONSUMABLE, BillingPeriod.ONE_TIME, 0).isAllowed()).isTrue();
		assertThat(PricePolicy.plan(ProductKind.CONSUMABLE, BillingPeriod.MONTHLY, 1).isAllowed()).isTrue();
	}

	@Test
	void refusesATermThatDoesNotFitTheBillingPeriod() {
		assertThat(PricePolicy.plan(ProductKind.SUBSCRIPTION, BillingPeriod.ANNUAL, 6).refuses(CatalogRule.PLAN_TERM)).isTrue();
		assertThat(PricePolicy.plan(ProductKind.SUBSCRIPTION, BillingPeriod.MULTI_YEAR, 30).refuses(CatalogRule.PLAN_TERM))
				.isTrue();
		assertThat(PricePolicy.plan(ProductKind.SUBSCRIPTION, BillingPeriod.MULTI_YEAR, 36).isAllowed()).isTrue();
		assertThat(PricePolicy.plan(ProductKind.SUBSCRIPTION, BillingPeriod.MONTHLY, 12).refuses(CatalogRule.PLAN_TERM))
				.isTrue();
	}

	@Test
	void tieredAndVolumePricesNeedAscendingTiersEndingOpen() {
		assertThat(PricePolicy.price(entry(ChargeModel.TIERED, "0", null)).refuses(CatalogRule.CHARGE_MODEL)).isTrue();
		assertThat(PricePolicy.price(entry(ChargeModel.TIERED, "0", null, tier("100", "1"), tier(null, "0.5"))).isAllowed())
				.isTrue();
		assertThat(PricePolicy.price(entry(ChargeModel.VOLUME, "0", null, tier("100", "1"), tier("50", "0.5"), tier(null, "0.2")))
				.refuses(CatalogRule.TIERS_ASCEND)).isTrue();
		assertThat(PricePolicy.price(entry(ChargeModel.VOLUME, "0", null, tier("100", "1"), tier("200", "0.5")))
				.refuses(CatalogRule.TIERS_ASCEND)).as("the last tier is open-ended").isTrue();
		assertThat(PricePolicy.price(entry(ChargeModel.VOLUME, "0", null, tier(null, "1"), tier(null, "0.5")))
				.refuses(CatalogRule.TIERS_ASCEND)).as("only the last").isTrue();
	}

	@Test
	void onlyPackagePricesHaveAPackageSizeAndOnlyTieredOnesTiers() {
		assertThat(PricePolicy.price(entry(ChargeModel.PACKAGE, "10", null)).refuses(CatalogRule.CHARGE_MODEL)).isTrue();
		assertThat(PricePolicy.price(entry(ChargeModel.PACKAGE, "10", 1000)).isAllowed()).isTrue();
		assertThat(PricePolicy.price(entry(ChargeModel.PER_UNIT, "10", 1000)).refuses(CatalogRule.CHARGE_MODEL)).isTrue();
		assertThat(PricePolicy.price(entry(ChargeModel.PER_UNIT, "10", null, tier(null, "1"))).refuses(CatalogRule.CHARGE_MODEL))
				.isTrue();
	}

	@Test
	void refusesNegativePrices() {
		assertThat(PricePolicy.price(entry(ChargeModel.PER_UNIT, "-1", null)).refuses(CatalogRule.NOT_NEGATIVE)).isTrue();
	}

	@Test
	void acceptsOnlyIsoCurrencyCodes() {
		assertThat(PricePolicy.currency("EUR").isAllowed()).isTrue();
		assertThat(PricePolicy.currency("usd").refuses(CatalogRule.CURRENCY)).isTrue();
		assertThat(PricePolicy.currency("XYZ").refuses(CatalogRule.CURRENCY)).isTrue();
		assertThat(PricePolicy.currency(null).refuses(CatalogRule.CURRENCY)).isTrue();
	}

	@Test
	void aPublishedVersionIsNeitherChangedNorPublishedAgain() {
		var published = version(PriceBookVersion.Status.PUBLISHED, TODAY, entry(ChargeModel.PER_UNIT, "1", null));
		assertThat(PricePolicy.change(published).refuses(CatalogRule.PUBLISHED_IMMUTABLE)).isTrue();
		assertThat(PricePolicy.publish(published, TODAY, null, Set.of("plan")).refuses(CatalogRule.PUBLISHED_IMMUTABLE))
				.isTrue();
	}

	@Test
	void publishesADraftWithPricesEffectiveFromTodayAfterTheLatestVersion() {
		var latest = version(PriceBookVersion.Status.PUBLISHED, TODAY, entry(ChargeModel.PER_UNIT, "1", null));
		var draft = version(PriceBookVersion.Status.DRAFT, TODAY.plusDays(1), entry(ChargeModel.PER_UNIT, "1", null));
		assertThat(PricePolicy.publish(draft, TODAY, latest, Set.of("plan")).isAllowed()).isTrue();
		var sameDay = version(PriceBookVersion.Status.PUBLISHED, TODAY.plusDays(1), entry(ChargeModel.PER_UNIT, "1", null));
		assertThat(PricePolicy.publish(draft, TODAY, sameDay, Set.of("plan")).refuses(CatalogRule.EFFECTIVE_DATE))
				.as("not on or before the latest published version").isTrue();
		assertThat(PricePolicy.publish(draft, TODAY.plusDays(2), null, Set.of("plan")).refuses(CatalogRule.EFFECTIVE_DATE))
				.as("not in the past").isTrue();
		var empty = version(PriceBookVersion.Status.DRAFT, TODAY);
		assertThat(PricePolicy.publish(empty, TODAY, null, Set.of()).refuses(CatalogRule.NOT_EMPTY)).isTrue();
	}

	@Test
	void aNewVersionKeepsPricingEveryActivePlanTheLatestPriced() {
		var other = new PriceEntry("other", ChargeModel.PER_UNIT, Currency.getInstance("EUR"), BigDecimal.ONE, null, null,
				List.of());
		var latest = version(PriceBookVersion.Status.PUBLISHED, TODAY, entry(ChargeModel.PER_UNIT, "1", null), other);
		var draft = version(PriceBookVersion.Status.DRAFT, TODAY.plusDays(1), entry(ChargeModel.PER_UNIT, "2", null));
		var refused = PricePolicy.publish(draft, TODAY, latest, Set.of("plan", "other"));
		assertThat(refused.refuses(CatalogRule.COMPLETE)).isTrue();
		assertThat(refused.reasons()).contains("other in EUR");
		assertThat(PricePolicy.publish(draft, TODAY, latest, Set.of("plan")).isAllowed())
				.as("a retired plan may be dropped").isTrue();
	}
}
