package dev.baton.catalog;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.baton.audit.AuditLog;
import dev.baton.catalog.domain.PricePolicy;
import dev.baton.catalog.jdbc.CatalogRepository;
import dev.baton.platform.BatonException;
import dev.baton.platform.Decision;
import dev.baton.platform.Versions;

/**
 * The catalog and the price book: defines products and plans, prepares and publishes price book
 * versions, and prices a plan for a sale or a subscription. Every change is audited.
 */
@Service
public class Catalog {

	private final CatalogRepository repository;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	Catalog(CatalogRepository repository, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** A new product; its plans are added with {@link #addPlan}. */
	public record NewProduct(String code, String name, ProductKind kind, Deployment deployment, String description) {
	}

	/** A new plan of a product. */
	public record NewPlan(String code, String name, BillingPeriod billingPeriod, int termMonths, ChargeModel chargeModel,
			String unit) {
	}

	/** A list price for a plan in a currency; the charge model is the plan's. */
	public record NewPrice(BigDecimal unitPrice, BigDecimal includedUnits, Integer packageSize,
			List<PriceEntry.Tier> tiers) {
	}

	/**
	 * A new draft version. With {@code basedOn} it starts as a copy of that version's prices, so a
	 * change of a few prices is a draft with those few changed.
	 */
	public record NewVersion(String name, LocalDate effectiveFrom, Grandfathering grandfathering,
			PriceBookVersionId basedOn) {
	}

	/**
	 * A metered price for a plan, meter and currency: the unit, the charge model with its fields, and
	 * the units included each month (per month, or per seat of the subscription).
	 */
	public record NewMeteredPrice(String unit, ChargeModel chargeModel, BigDecimal unitPrice, Integer packageSize,
			List<PriceEntry.Tier> tiers, BigDecimal includedUnits, MeteredPrice.IncludedPer includedPer) {
	}

	// reads ---------------------------------------------------------------------------------------

	@Transactional(readOnly = true)
	public List<Product> products() {
		return repository.products();
	}

	@Transactional(readOnly = true)
	public Product product(String code) {
		return repository.product(code).orElseThrow(() -> BatonException.notFound("Product", code));
	}

	@Transactional(readOnly = true)
	public Plan plan(String code) {
		return repository.plan(code).orElseThrow(() -> BatonException.notFound("Plan", code));
	}

	/** Today by the injected clock (UTC). */
	public LocalDate today() {
		return LocalDate.now(clock);
	}

	@Transactional(readOnly = true)
	public boolean isEmpty() {
		return repository.isEmpty();
	}

	/** Every version, newest first, without their prices. */
	@Transactional(readOnly = true)
	public List<PriceBookVersion> versions() {
		return repository.versions();
	}

	@Transactional(readOnly = true)
	public PriceBookVersion version(PriceBookVersionId id) {
		return repository.version(id).orElseThrow(() -> BatonException.notFound("Price book version", id));
	}

	/** The published version in effect on a day, with its prices; empty before the first takes effect. */
	@Transactional(readOnly = true)
	public java.util.Optional<PriceBookVersion> versionInEffect(LocalDate day) {
		return repository.inEffect(day).map(this::version);
	}

	/**
	 * The list price of a plan in a currency on a day.
	 * <p>
	 * For a new sale ({@code soldOn} null) it is the price of the version in effect that day. For an
	 * existing subscription sold on version {@code soldOn}, that version's price holds until
	 * renewal, unless the version in effect says {@link Grandfathering#APPLY_TO_EXISTING}.
	 *
	 * @throws BatonException 422 {@code catalog-no-price} when no version is in effect or it has no such price
	 */
	@Transactional(readOnly = true)
	public Price price(String planCode, String currency, LocalDate day, PriceBookVersionId soldOn) {
		PricePolicy.currency(currency).orThrow(CatalogProblems.RULE);
		plan(planCode);
		var inEffect = repository.inEffect(day).orElseThrow(() -> new BatonException(CatalogProblems.NO_PRICE,
				"No price book version is in effect on " + day));
		var source = inEffect;
		if (soldOn != null && !soldOn.equals(inEffect)) {
			var current = version(inEffect);
			if (current.grandfathering() == Grandfathering.KEEP_UNTIL_RENEWAL) {
				source = soldOn;
			}
		}
		var version = version(source);
		var entry = version.entry(planCode, Currency.getInstance(currency))
				.orElseThrow(() -> new BatonException(CatalogProblems.NO_PRICE,
						"Plan " + planCode + " has no " + currency + " price in price book version " + version.number(),
						List.of(new dev.baton.platform.FieldError("currency", "no " + currency + " price for " + planCode)),
						Map.of("priceBookVersion", version.number())));
		return new Price(version.id(), version.number(), entry);
	}

	/** Every metered price of a version. */
	@Transactional(readOnly = true)
	public List<MeteredPrice> meteredPrices(PriceBookVersionId id) {
		version(id);
		return repository.metered(id, null, null);
	}

	/**
	 * The metered prices of a plan in a currency on a day, resolved as {@link #price} resolves a
	 * plan's price: the version in effect for a new sale, the version an existing subscription was
	 * sold on until renewal unless the version in effect applies to existing ones. Empty prices
	 * when the plan meters nothing; no version at all before the first takes effect.
	 */
	@Transactional(readOnly = true)
	public java.util.Optional<MeteredPrices> meteredPrices(String planCode, String currency, LocalDate day,
			PriceBookVersionId soldOn) {
		PricePolicy.currency(currency).orThrow(CatalogProblems.RULE);
		var inEffect = repository.inEffect(day);
		if (inEffect.isEmpty()) {
			return java.util.Optional.empty();
		}
		var source = inEffect.get();
		if (soldOn != null && !soldOn.equals(source)
				&& version(source).grandfathering() == Grandfathering.KEEP_UNTIL_RENEWAL) {
			source = soldOn;
		}
		var version = repository.version(source).orElseThrow();
		return java.util.Optional.of(new MeteredPrices(version.id(), version.number(),
				repository.metered(source, planCode, Currency.getInstance(currency))));
	}

	/** As {@link #meteredPrices(String, String, LocalDate, PriceBookVersionId)}, for the API: 422 before any version is in effect. */
	@Transactional(readOnly = true)
	public MeteredPrices meteredPricesOn(String planCode, String currency, LocalDate day, PriceBookVersionId soldOn) {
		plan(planCode);
		return meteredPrices(planCode, currency, day, soldOn).orElseThrow(() -> new BatonException(
				CatalogProblems.NO_PRICE, "No price book version is in effect on " + day));
	}

	/** One metered price of a given version, as a charge made with it names it. */
	@Transactional(readOnly = true)
	public java.util.Optional<MeteredPrice> meteredPrice(PriceBookVersionId id, String planCode, String meterCode,
			String currency) {
		return repository.metered(id, planCode, Currency.getInstance(currency)).stream()
				.filter(p -> p.meterCode().equals(meterCode)).findFirst();
	}

	/** The pack a plan is, if it is one. */
	@Transactional(readOnly = true)
	public java.util.Optional<Pack> pack(String planCode) {
		return repository.pack(planCode);
	}

	@Transactional(readOnly = true)
	public List<Pack> packs() {
		return repository.packs();
	}

	// changes -------------------------------------------------------------------------------------

	/** Sets a draft's metered price for a plan, meter and currency; {@code expectedVersion} is the draft's ETag. */
	@Transactional
	public PriceBookVersion setMeteredPrice(PriceBookVersionId id, String planCode, String meterCode, String currency,
			NewMeteredPrice price, int expectedVersion) {
		var version = version(id);
		PricePolicy.change(version).orThrow(CatalogProblems.PUBLISHED);
		plan(planCode);
		PricePolicy.currency(currency).orThrow(CatalogProblems.RULE);
		if (price.chargeModel() == null) {
			throw BatonException.invalid("chargeModel", "is required: PER_UNIT, TIERED, VOLUME or PACKAGE");
		}
		var metered = new MeteredPrice(planCode, meterCode, Currency.getInstance(currency),
				price.unit() == null ? "" : price.unit().strip(), price.chargeModel(), price.unitPrice(),
				price.packageSize(), price.tiers(), price.includedUnits(), price.includedPer());
		PricePolicy.metered(metered).orThrow(CatalogProblems.RULE);
		if (!repository.putMetered(id, metered, expectedVersion)) {
			throw Versions.stale("Price book version", version.number(), expectedVersion);
		}
		audit.record("price-book.metered-price-set", "price_book_version", id.value(), null,
				Map.of("plan", planCode, "meter", meterCode, "currency", currency, "chargeModel",
						metered.chargeModel().name(), "includedUnits", metered.includedUnits().toPlainString(),
						"includedPer", metered.includedPer().name()));
		return version(id);
	}

	@Transactional
	public PriceBookVersion removeMeteredPrice(PriceBookVersionId id, String planCode, String meterCode,
			String currency, int expectedVersion) {
		var version = version(id);
		PricePolicy.change(version).orThrow(CatalogProblems.PUBLISHED);
		PricePolicy.currency(currency).orThrow(CatalogProblems.RULE);
		if (!repository.removeMetered(id, planCode, meterCode, Currency.getInstance(currency), expectedVersion)) {
			throw Versions.stale("Price book version", version.number(), expectedVersion);
		}
		audit.record("price-book.metered-price-removed", "price_book_version", id.value(), null,
				Map.of("plan", planCode, "meter", meterCode, "currency", currency));
		return version(id);
	}

	/**
	 * Makes a consumable plan sold once a pack of a meter's units. Set once: the packs sold under it
	 * keep meaning what they meant.
	 */
	@Transactional
	public Pack definePack(String planCode, String meterCode) {
		var plan = plan(planCode);
		PricePolicy.pack(plan, product(plan.productCode()).kind(), meterCode).orThrow(CatalogProblems.RULE);
		var pack = new Pack(planCode, meterCode);
		if (!repository.insertPack(pack, clock.instant())) {
			var existing = repository.pack(planCode).orElseThrow();
			if (existing.equals(pack)) {
				return existing;
			}
			throw new BatonException(dev.baton.platform.ProblemType.CONFLICT, "Plan " + planCode
					+ " is a pack of " + existing.meterCode() + " already; packs sold under it keep that meaning");
		}
		audit.record("catalog.pack-defined", "catalog_plan", planCode, null, Map.of("meter", meterCode));
		return pack;
	}

	@Transactional
	public Product addProduct(NewProduct product) {
		required("name", product.name());
		if (product.kind() == null) {
			throw BatonException.invalid("kind", "is required: SUBSCRIPTION, ADD_ON, CONSUMABLE or SERVICE");
		}
		PricePolicy.code(product.code()).orThrow(CatalogProblems.RULE);
		var created = new Product(product.code(), product.name().strip(), product.kind(), product.deployment(),
				product.description(), List.of());
		try {
			repository.insert(created, clock.instant());
		}
		catch (DuplicateKeyException taken) {
			throw new BatonException(CatalogProblems.CODE_TAKEN, "A product with code " + product.code() + " exists already");
		}
		audit.record("catalog.product-added", "catalog_product", created.code(), null,
				Map.of("name", created.name(), "kind", created.kind().name()));
		return created;
	}

	@Transactional
	public Plan addPlan(String productCode, NewPlan plan) {
		var product = product(productCode);
		required("name", plan.name());
		required("unit", plan.unit());
		if (plan.billingPeriod() == null || plan.chargeModel() == null) {
			throw BatonException.invalid(plan.billingPeriod() == null ? "billingPeriod" : "chargeModel", "is required");
		}
		PricePolicy.code(plan.code()).and(PricePolicy.plan(product.kind(), plan.billingPeriod(), plan.termMonths()))
				.orThrow(CatalogProblems.RULE);
		var created = new Plan(plan.code(), product.code(), plan.name().strip(), plan.billingPeriod(), plan.termMonths(),
				plan.chargeModel(), plan.unit().strip(), true);
		try {
			repository.insert(created, clock.instant());
		}
		catch (DuplicateKeyException taken) {
			throw new BatonException(CatalogProblems.CODE_TAKEN, "A plan with code " + plan.code() + " exists already");
		}
		audit.record("catalog.plan-added", "catalog_plan", created.code(), null,
				Map.of("product", product.code(), "chargeModel", created.chargeModel().name()));
		return created;
	}

	@Transactional
	public PriceBookVersion draft(NewVersion request) {
		required("name", request.name());
		if (request.effectiveFrom() == null) {
			throw BatonException.invalid("effectiveFrom", "is required: the day the version takes effect");
		}
		var entries = request.basedOn() == null ? List.<PriceEntry>of() : version(request.basedOn()).entries();
		var draft = new PriceBookVersion(PriceBookVersionId.random(), repository.nextNumber(), request.name().strip(),
				request.effectiveFrom(),
				request.grandfathering() == null ? Grandfathering.KEEP_UNTIL_RENEWAL : request.grandfathering(),
				PriceBookVersion.Status.DRAFT, null, null, 0, entries);
		try {
			repository.insert(draft, clock.instant());
		}
		catch (DuplicateKeyException sameNumber) {
			throw new BatonException(dev.baton.platform.ProblemType.CONFLICT,
					"Another draft was started at the same moment; retry");
		}
		if (request.basedOn() != null) {
			repository.copyMetered(request.basedOn(), draft.id());
		}
		audit.record("price-book.drafted", "price_book_version", draft.id().value(), null,
				Map.of("number", draft.number(), "basedOn", request.basedOn() == null ? "" : request.basedOn().toString()));
		return version(draft.id());
	}

	/** Sets a draft's price for a plan and currency; {@code expectedVersion} is the draft's ETag. */
	@Transactional
	public PriceBookVersion setPrice(PriceBookVersionId id, String planCode, String currency, NewPrice price,
			int expectedVersion) {
		var version = version(id);
		PricePolicy.change(version).orThrow(CatalogProblems.PUBLISHED);
		var plan = plan(planCode);
		PricePolicy.currency(currency).orThrow(CatalogProblems.RULE);
		var entry = new PriceEntry(plan.code(), plan.chargeModel(), Currency.getInstance(currency), price.unitPrice(),
				price.includedUnits(), price.packageSize(), price.tiers());
		PricePolicy.price(entry).orThrow(CatalogProblems.RULE);
		if (!repository.put(id, entry, expectedVersion)) {
			throw Versions.stale("Price book version", version.number(), expectedVersion);
		}
		audit.record("price-book.price-set", "price_book_version", id.value(), null, Map.of("plan", planCode,
				"currency", currency, "unitPrice", entry.unitPrice().toPlainString(), "tiers", entry.tiers().size()));
		return version(id);
	}

	@Transactional
	public PriceBookVersion removePrice(PriceBookVersionId id, String planCode, String currency, int expectedVersion) {
		var version = version(id);
		PricePolicy.change(version).orThrow(CatalogProblems.PUBLISHED);
		PricePolicy.currency(currency).orThrow(CatalogProblems.RULE);
		if (!repository.remove(id, planCode, Currency.getInstance(currency), expectedVersion)) {
			throw Versions.stale("Price book version", version.number(), expectedVersion);
		}
		audit.record("price-book.price-removed", "price_book_version", id.value(), null,
				Map.of("plan", planCode, "currency", currency));
		return version(id);
	}

	/** Whether the version could be published now, each rule it breaks with the reason (the page shows them). */
	@Transactional(readOnly = true)
	public Decision mayPublish(PriceBookVersionId id) {
		var latest = repository.latestPublished().map(this::version).orElse(null);
		return PricePolicy.publish(version(id), LocalDate.now(clock), latest, repository.activePlanCodes());
	}

	/** Publishes a draft: from then on it is immutable, and in effect from its effective date. */
	@Transactional
	public PriceBookVersion publish(PriceBookVersionId id, int expectedVersion, String reason) {
		var version = version(id);
		var latest = repository.latestPublished().map(this::version).orElse(null);
		Decision decision = PricePolicy.publish(version, LocalDate.now(clock), latest, repository.activePlanCodes());
		decision.orThrow(version.isPublished() ? CatalogProblems.PUBLISHED : CatalogProblems.RULE);
		var by = currentUser();
		try {
			if (!repository.publish(id, expectedVersion, clock.instant(), by)) {
				throw Versions.stale("Price book version", version.number(), expectedVersion);
			}
		}
		catch (DuplicateKeyException sameDay) {
			throw new BatonException(CatalogProblems.RULE, "Another version was published for " + version.effectiveFrom()
					+ " at the same moment", List.of(), Map.of("violations", List.of(Map.of("rule",
							CatalogRule.EFFECTIVE_DATE.id(), "message", "one published version per effective date"))));
		}
		audit.record("price-book.published", "price_book_version", id.value(), reason,
				Map.of("number", version.number(), "effectiveFrom", version.effectiveFrom().toString()));
		events.publishEvent(new PriceBookVersionPublished(id, version.number(), version.effectiveFrom(),
				version.grandfathering()));
		return version(id);
	}

	private static String currentUser() {
		var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext()
				.getAuthentication();
		return authentication == null ? "system" : authentication.getName();
	}

	private static void required(String field, String value) {
		if (value == null || value.isBlank()) {
			throw BatonException.invalid(field, "is required");
		}
	}
}
