package dev.baton.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.baton.catalog.BillingPeriod;
import dev.baton.catalog.Catalog;
import dev.baton.catalog.ChargeModel;
import dev.baton.catalog.Deployment;
import dev.baton.catalog.Grandfathering;
import dev.baton.catalog.MeteredPrice;
import dev.baton.catalog.PriceEntry;
import dev.baton.catalog.ProductKind;
import dev.baton.pipeline.AccountId;

/**
 * Loads the demo catalog into an empty catalog: the platform's Premium and Ultimate tiers for
 * SaaS, Self-Managed and Dedicated, a per-seat add-on, compute-minute and storage packs, metered
 * compute minutes, and a professional service, priced in USD and EUR in a published price book
 * with the SaaS tiers' metered charges for CI minutes and storage;
 * and links the portal logins: {@code customer} to Acme Logistics, {@code partner} to the reseller
 * Northwind Channel, whose end customers are Initech Health and Hooli Cloud; Acme has a Premium
 * SaaS subscription with a pack of compute minutes.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class DemoCatalog implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);
	private static final long LOCK_KEY = 0x0BA7_CA7AL;

	private final DemoDataLoader demo;
	private final Catalog catalog;
	private final dev.baton.pipeline.Pipeline pipeline;
	private final dev.baton.portal.Portal portal;
	private final TransactionTemplate transactions;
	private final JdbcClient jdbc;
	private final Clock clock;

	DemoCatalog(DemoDataLoader demo, Catalog catalog, dev.baton.pipeline.Pipeline pipeline, dev.baton.portal.Portal portal,
			TransactionTemplate transactions, JdbcClient jdbc, Clock clock) {
		this.demo = demo;
		this.catalog = catalog;
		this.pipeline = pipeline;
		this.portal = portal;
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!demo.enabled()) {
			return;
		}
		transactions.executeWithoutResult(status -> {
			jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", LOCK_KEY).query((rs, n) -> 1).list();
			if (catalog.isEmpty()) {
				load();
				linkPortals();
				log.info("Demo catalog loaded: {} products in a published price book", catalog.products().size());
			}
		});
	}

	private void load() {
		tier("premium-saas", "Premium (SaaS)", Deployment.SAAS, true);
		tier("ultimate-saas", "Ultimate (SaaS)", Deployment.SAAS, true);
		tier("premium-self-managed", "Premium (Self-Managed)", Deployment.SELF_MANAGED, false);
		tier("ultimate-self-managed", "Ultimate (Self-Managed)", Deployment.SELF_MANAGED, false);
		product("ultimate-dedicated", "Ultimate (Dedicated)", ProductKind.SUBSCRIPTION, Deployment.DEDICATED,
				"Single-tenant SaaS run by the vendor");
		plan("ultimate-dedicated", "ultimate-dedicated-annual", "Annual", BillingPeriod.ANNUAL, 12, ChargeModel.PER_UNIT, "seat");
		product("ai-assistant", "AI assistant seats", ProductKind.ADD_ON, null, "Per-seat add-on to Premium or Ultimate");
		plan("ai-assistant", "ai-assistant-annual", "Annual", BillingPeriod.ANNUAL, 12, ChargeModel.PER_UNIT, "seat");
		product("compute-minutes", "Compute minutes", ProductKind.CONSUMABLE, Deployment.SAAS,
				"CI/CD minutes on hosted runners: metered monthly, or prepaid in packs that roll over");
		plan("compute-minutes", "compute-minutes-metered", "Metered, monthly", BillingPeriod.MONTHLY, 1, ChargeModel.TIERED, "minute");
		plan("compute-minutes", "compute-minutes-pack", "Pack of 1,000 minutes", BillingPeriod.ONE_TIME, 0, ChargeModel.PACKAGE, "minute");
		product("storage", "Storage", ProductKind.CONSUMABLE, Deployment.SAAS, "Extra storage in packs of 10 GB a year");
		plan("storage", "storage-pack", "10 GB for a year", BillingPeriod.ANNUAL, 12, ChargeModel.PACKAGE, "GB");
		plan("storage", "storage-prepaid", "Pack of 100 GB-months", BillingPeriod.ONE_TIME, 0, ChargeModel.PACKAGE, "GB-month");
		product("implementation-quickstart", "Implementation QuickStart", ProductKind.SERVICE, null,
				"Five days of a professional services engineer");
		plan("implementation-quickstart", "implementation-quickstart", "Once", BillingPeriod.ONE_TIME, 0, ChargeModel.FLAT,
				"engagement");

		var start = LocalDate.now(clock);
		var draft = catalog.draft(new Catalog.NewVersion("Launch price book", start, Grandfathering.KEEP_UNTIL_RENEWAL, null));
		var version = draft.version();
		for (var currency : List.of("USD", "EUR")) {
			var euro = currency.equals("EUR");
			version = perSeat(draft, version, "premium-saas-monthly", currency, euro ? "27" : "29");
			version = perSeat(draft, version, "premium-saas-annual", currency, euro ? "324" : "348");
			version = perSeat(draft, version, "premium-saas-3-year", currency, euro ? "310" : "330");
			version = perSeat(draft, version, "ultimate-saas-monthly", currency, euro ? "92" : "99");
			version = perSeat(draft, version, "ultimate-saas-annual", currency, euro ? "1104" : "1188");
			version = perSeat(draft, version, "ultimate-saas-3-year", currency, euro ? "1050" : "1128");
			version = perSeat(draft, version, "premium-self-managed-annual", currency, euro ? "324" : "348");
			version = perSeat(draft, version, "premium-self-managed-3-year", currency, euro ? "310" : "330");
			version = perSeat(draft, version, "ultimate-self-managed-annual", currency, euro ? "1104" : "1188");
			version = perSeat(draft, version, "ultimate-self-managed-3-year", currency, euro ? "1050" : "1128");
			version = perSeat(draft, version, "ultimate-dedicated-annual", currency, euro ? "1400" : "1500");
			version = perSeat(draft, version, "ai-assistant-annual", currency, euro ? "210" : "228");
			version = catalog.setPrice(draft.id(), "compute-minutes-metered", currency, new Catalog.NewPrice(null,
					new BigDecimal("400"), null, List.of(new PriceEntry.Tier(new BigDecimal("10000"), new BigDecimal("0.010"), null),
							new PriceEntry.Tier(null, new BigDecimal("0.008"), null))), version).version();
			version = catalog.setPrice(draft.id(), "compute-minutes-pack", currency,
					new Catalog.NewPrice(new BigDecimal("10"), null, 1000, null), version).version();
			version = catalog.setPrice(draft.id(), "storage-pack", currency,
					new Catalog.NewPrice(new BigDecimal(euro ? "56" : "60"), null, 10, null), version).version();
			version = catalog.setPrice(draft.id(), "implementation-quickstart", currency,
					new Catalog.NewPrice(new BigDecimal(euro ? "11000" : "12000"), null, null, null), version).version();
			version = catalog.setPrice(draft.id(), "storage-prepaid", currency,
					new Catalog.NewPrice(new BigDecimal(euro ? "18" : "20"), null, 100, null), version).version();
			version = metered(draft, version, currency, euro);
		}
		catalog.publish(draft.id(), version, "Demo catalog");
		catalog.definePack("compute-minutes-pack", "ci-minutes");
		catalog.definePack("storage-prepaid", "storage");
	}

	/**
	 * The SaaS tiers' metered charges: CI compute minutes (Premium 10,000 included a month, Ultimate
	 * 1,000 per seat; tiered beyond) and storage in GB-months (Premium 50 a month, Ultimate 10 per seat).
	 */
	private int metered(dev.baton.catalog.PriceBookVersion draft, int version, String currency, boolean euro) {
		var minutes = List.of(new PriceEntry.Tier(new BigDecimal("100000"), new BigDecimal(euro ? "0.009" : "0.010"), null),
				new PriceEntry.Tier(null, new BigDecimal(euro ? "0.0075" : "0.008"), null));
		for (var tier : List.of("premium-saas", "ultimate-saas")) {
			var ultimate = tier.startsWith("ultimate");
			for (var period : List.of("-monthly", "-annual", "-3-year")) {
				version = catalog.setMeteredPrice(draft.id(), tier + period, "ci-minutes", currency, new Catalog.NewMeteredPrice(
						"minute", ChargeModel.TIERED, null, null, minutes, new BigDecimal(ultimate ? "1000" : "10000"),
						ultimate ? MeteredPrice.IncludedPer.SEAT : MeteredPrice.IncludedPer.MONTH), version).version();
				version = catalog.setMeteredPrice(draft.id(), tier + period, "storage", currency, new Catalog.NewMeteredPrice(
						"GB-month", ChargeModel.PER_UNIT, new BigDecimal(euro ? "0.23" : "0.25"), null, null,
						new BigDecimal(ultimate ? "10" : "50"), ultimate ? MeteredPrice.IncludedPer.SEAT : MeteredPrice.IncludedPer.MONTH),
						version).version();
			}
		}
		return version;
	}

	/** Only where the demo organisation was loaded: its accounts and logins are needed. */
	private void linkPortals() {
		var acme = pipeline.accountByExternalId("CRM-ACC-1001");
		if (acme.isEmpty()) {
			return;
		}
		var northwind = pipeline.accountByExternalId("CRM-ACC-3001")
				.orElseGet(() -> pipeline.addAccount("CRM-ACC-3001", "Northwind Channel", "Reseller", "AMER", false));
		try {
			portal.link("customer", AccountId.of(acme.get().id()));
			portal.link("partner", AccountId.of(northwind.id()));
			// the reseller's registered end customers, for which it orders in its portal
			for (var endCustomer : List.of("CRM-ACC-1003", "CRM-ACC-1007")) {
				pipeline.accountByExternalId(endCustomer)
						.ifPresent(account -> portal.registerEndCustomer(AccountId.of(northwind.id()), AccountId.of(account.id()), "demo"));
			}
			// Acme runs its CI on the SaaS tier, metered (see DemoUsage), with a pack of minutes bought
			var order = portal.order("customer", List.of(new dev.baton.subscription.SubscriptionChange.Create(
					new dev.baton.subscription.Parties(acme.get().id(), null, null), null, "premium-saas-annual", "USD", 25,
					java.util.Map.of("compute-minutes-pack", 1000), null, null, null, true, null)), "demo-acme-saas");
			log.info("Demo subscription for Acme Logistics: order {}", order.number());
		}
		catch (dev.baton.platform.BatonException noLogin) {
			log.info("Demo portal logins not linked: {}", noLogin.getMessage());
		}
	}

	private void tier(String code, String name, Deployment deployment, boolean monthly) {
		product(code, name, ProductKind.SUBSCRIPTION, deployment, null);
		if (monthly) {
			plan(code, code + "-monthly", "Monthly", BillingPeriod.MONTHLY, 1, ChargeModel.PER_UNIT, "seat");
		}
		plan(code, code + "-annual", "Annual", BillingPeriod.ANNUAL, 12, ChargeModel.PER_UNIT, "seat");
		plan(code, code + "-3-year", "Three years", BillingPeriod.MULTI_YEAR, 36, ChargeModel.PER_UNIT, "seat");
	}

	private void product(String code, String name, ProductKind kind, Deployment deployment, String description) {
		catalog.addProduct(new Catalog.NewProduct(code, name, kind, deployment, description));
	}

	private void plan(String product, String code, String name, BillingPeriod period, int term, ChargeModel model,
			String unit) {
		catalog.addPlan(product, new Catalog.NewPlan(code, name, period, term, model, unit));
	}

	private int perSeat(dev.baton.catalog.PriceBookVersion draft, int version, String plan, String currency, String price) {
		return catalog.setPrice(draft.id(), plan, currency, new Catalog.NewPrice(new BigDecimal(price), null, null, null),
				version).version();
	}
}
