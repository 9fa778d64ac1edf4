package dev.baton.catalog.jdbc;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.baton.catalog.BillingPeriod;
import dev.baton.catalog.ChargeModel;
import dev.baton.catalog.Deployment;
import dev.baton.catalog.Grandfathering;
import dev.baton.catalog.MeteredPrice;
import dev.baton.catalog.Pack;
import dev.baton.catalog.Plan;
import dev.baton.catalog.PriceBookVersion;
import dev.baton.catalog.PriceBookVersionId;
import dev.baton.catalog.PriceEntry;
import dev.baton.catalog.Product;
import dev.baton.catalog.ProductKind;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Products, plans and price book versions in PostgreSQL; one row mapper per table.
 */
@Repository
public class CatalogRepository {

	private static final TypeReference<List<PriceEntry.Tier>> TIERS = new TypeReference<>() {
	};

	/** Entries with their plan's charge model, which decides how the price reads. */
	private static final String ENTRIES = "SELECT e.*, p.charge_model FROM price_book_entry e JOIN catalog_plan p ON p.code = e.plan_code";

	private final JdbcClient jdbc;
	private final JsonMapper json = JsonMapper.builder().build();

	CatalogRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// products and plans -----------------------------------------------------------------------

	public void insert(Product product, Instant at) {
		jdbc.sql("""
				INSERT INTO catalog_product (code, name, kind, deployment, description, created_at)
				VALUES (:code, :name, :kind, :deployment, :description, :at)""")
				.param("code", product.code()).param("name", product.name()).param("kind", product.kind().name())
				.param("deployment", product.deployment() == null ? null : product.deployment().name())
				.param("description", product.description()).param("at", Timestamp.from(at)).update();
	}

	public void insert(Plan plan, Instant at) {
		jdbc.sql("""
				INSERT INTO catalog_plan (code, product_code, name, billing_period, term_months, charge_model, unit,
				                          active, created_at)
				VALUES (:code, :product, :name, :period, :term, :model, :unit, :active, :at)""")
				.param("code", plan.code()).param("product", plan.productCode()).param("name", plan.name())
				.param("period", plan.billingPeriod().name()).param("term", plan.termMonths())
				.param("model", plan.chargeModel().name()).param("unit", plan.unit()).param("active", plan.active())
				.param("at", Timestamp.from(at)).update();
	}

	/** Every product with its plans, in two statements. */
	public List<Product> products() {
		var plans = new LinkedHashMap<String, List<Plan>>();
		jdbc.sql("SELECT * FROM catalog_plan ORDER BY product_code, term_months, code")
				.query(CatalogRepository::plan).list()
				.forEach(plan -> plans.computeIfAbsent(plan.productCode(), k -> new ArrayList<>()).add(plan));
		return jdbc.sql("SELECT * FROM catalog_product ORDER BY kind, code")
				.query((rs, n) -> product(rs, plans.getOrDefault(rs.getString("code"), List.of()))).list();
	}

	public Optional<Product> product(String code) {
		var plans = jdbc.sql("SELECT * FROM catalog_plan WHERE product_code = :code ORDER BY term_months, code")
				.param("code", code).query(CatalogRepository::plan).list();
		return jdbc.sql("SELECT * FROM catalog_product WHERE code = :code").param("code", code)
				.query((rs, n) -> product(rs, plans)).optional();
	}

	public Optional<Plan> plan(String code) {
		return jdbc.sql("SELECT * FROM catalog_plan WHERE code = :code").param("code", code)
				.query(CatalogRepository::plan).optional();
	}

	public boolean isEmpty() {
		return jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM catalog_product)").query(Boolean.class).single();
	}

	// price book versions ------------------------------------------------------------------------

	public void insert(PriceBookVersion version, Instant at) {
		jdbc.sql("""
				INSERT INTO price_book_version (id, number, name, effective_from, grandfathering, status, version, created_at)
				VALUES (:id, :number, :name, :from, :grandfathering, 'DRAFT', 0, :at)""")
				.param("id", version.id().value()).param("number", version.number()).param("name", version.name())
				.param("from", version.effectiveFrom()).param("grandfathering", version.grandfathering().name())
				.param("at", Timestamp.from(at)).update();
		version.entries().forEach(entry -> put(version.id(), entry));
	}

	/** The next version number; the unique number makes two drafts started at once collide, not share it. */
	public int nextNumber() {
		return jdbc.sql("SELECT coalesce(max(number), 0) + 1 FROM price_book_version").query(Integer.class).single();
	}

	public List<PriceBookVersion> versions() {
		return jdbc.sql("SELECT * FROM price_book_version ORDER BY number DESC")
				.query((rs, n) -> version(rs, List.of())).list();
	}

	public Optional<PriceBookVersion> version(PriceBookVersionId id) {
		var entries = jdbc.sql(ENTRIES + " WHERE e.version_id = :id ORDER BY e.plan_code, e.currency")
				.param("id", id.value()).query(this::entry).list();
		return jdbc.sql("SELECT * FROM price_book_version WHERE id = :id").param("id", id.value())
				.query((rs, n) -> version(rs, entries)).optional();
	}

	/** The published version in effect on a day: the latest effective on or before it. */
	public Optional<PriceBookVersionId> inEffect(LocalDate day) {
		return jdbc.sql("""
				SELECT id FROM price_book_version WHERE status = 'PUBLISHED' AND effective_from <= :day
				ORDER BY effective_from DESC LIMIT 1""").param("day", day)
				.query((rs, n) -> PriceBookVersionId.of(rs.getObject("id", UUID.class))).optional();
	}

	/** The published version with the latest effective date, whether in effect yet or not. */
	public Optional<PriceBookVersionId> latestPublished() {
		return jdbc.sql("SELECT id FROM price_book_version WHERE status = 'PUBLISHED' ORDER BY effective_from DESC LIMIT 1")
				.query((rs, n) -> PriceBookVersionId.of(rs.getObject("id", UUID.class))).optional();
	}

	public java.util.Set<String> activePlanCodes() {
		return new java.util.HashSet<>(jdbc.sql("SELECT code FROM catalog_plan WHERE active").query(String.class).list());
	}

	/** One entry of a version, by plan and currency. */
	public Optional<PriceEntry> entry(PriceBookVersionId id, String planCode, Currency currency) {
		return jdbc.sql(ENTRIES + " WHERE e.version_id = :id AND e.plan_code = :plan AND e.currency = :currency")
				.param("id", id.value()).param("plan", planCode).param("currency", currency.getCurrencyCode())
				.query(this::entry).optional();
	}

	/** Sets a draft's price for a plan and currency if the draft is still at {@code expected}; false if not. */
	public boolean put(PriceBookVersionId id, PriceEntry entry, int expected) {
		if (!bump(id, expected)) {
			return false;
		}
		put(id, entry);
		return true;
	}

	private void put(PriceBookVersionId id, PriceEntry entry) {
		jdbc.sql("""
				INSERT INTO price_book_entry (version_id, plan_code, currency, unit_price, included_units, package_size, tiers)
				VALUES (:id, :plan, :currency, :price, :included, :package, CAST(:tiers AS jsonb))
				ON CONFLICT (version_id, plan_code, currency) DO UPDATE SET unit_price = EXCLUDED.unit_price,
				  included_units = EXCLUDED.included_units, package_size = EXCLUDED.package_size, tiers = EXCLUDED.tiers""")
				.param("id", id.value()).param("plan", entry.planCode()).param("currency", entry.currency().getCurrencyCode())
				.param("price", entry.unitPrice()).param("included", entry.includedUnits())
				.param("package", entry.packageSize()).param("tiers", json.writeValueAsString(entry.tiers())).update();
	}

	public boolean remove(PriceBookVersionId id, String planCode, Currency currency, int expected) {
		if (!bump(id, expected)) {
			return false;
		}
		jdbc.sql("DELETE FROM price_book_entry WHERE version_id = :id AND plan_code = :plan AND currency = :currency")
				.param("id", id.value()).param("plan", planCode).param("currency", currency.getCurrencyCode()).update();
		return true;
	}

	public boolean publish(PriceBookVersionId id, int expected, Instant at, String by) {
		return jdbc.sql("""
				UPDATE price_book_version SET status = 'PUBLISHED', published_at = :at, published_by = :by,
				  version = version + 1
				WHERE id = :id AND version = :expected AND status = 'DRAFT'""")
				.param("at", Timestamp.from(at)).param("by", by).param("id", id.value()).param("expected", expected)
				.update() == 1;
	}

	private boolean bump(PriceBookVersionId id, int expected) {
		return jdbc.sql("""
				UPDATE price_book_version SET version = version + 1
				WHERE id = :id AND version = :expected AND status = 'DRAFT'""")
				.param("id", id.value()).param("expected", expected).update() == 1;
	}

	// metered prices and packs ----------------------------------------------------------------------

	/** Sets a draft's metered price for a plan, meter and currency if the draft is still at {@code expected}. */
	public boolean putMetered(PriceBookVersionId id, MeteredPrice price, int expected) {
		if (!bump(id, expected)) {
			return false;
		}
		putMetered(id, price);
		return true;
	}

	private void putMetered(PriceBookVersionId id, MeteredPrice price) {
		jdbc.sql("""
				INSERT INTO price_book_metered_price (version_id, plan_code, meter_code, currency, charge_model, unit,
				  unit_price, package_size, tiers, included_units, included_per)
				VALUES (:id, :plan, :meter, :currency, :model, :unit, :price, :package, CAST(:tiers AS jsonb), :included, :per)
				ON CONFLICT (version_id, plan_code, meter_code, currency) DO UPDATE SET charge_model = EXCLUDED.charge_model,
				  unit = EXCLUDED.unit, unit_price = EXCLUDED.unit_price, package_size = EXCLUDED.package_size,
				  tiers = EXCLUDED.tiers, included_units = EXCLUDED.included_units, included_per = EXCLUDED.included_per""")
				.param("id", id.value()).param("plan", price.planCode()).param("meter", price.meterCode())
				.param("currency", price.currency().getCurrencyCode()).param("model", price.chargeModel().name())
				.param("unit", price.unit()).param("price", price.unitPrice()).param("package", price.packageSize())
				.param("tiers", json.writeValueAsString(price.tiers())).param("included", price.includedUnits())
				.param("per", price.includedPer().name()).update();
	}

	public boolean removeMetered(PriceBookVersionId id, String planCode, String meterCode, Currency currency,
			int expected) {
		if (!bump(id, expected)) {
			return false;
		}
		jdbc.sql("""
				DELETE FROM price_book_metered_price
				WHERE version_id = :id AND plan_code = :plan AND meter_code = :meter AND currency = :currency""")
				.param("id", id.value()).param("plan", planCode).param("meter", meterCode)
				.param("currency", currency.getCurrencyCode()).update();
		return true;
	}

	/** A new draft starts with the metered prices of the version it copies. */
	public void copyMetered(PriceBookVersionId from, PriceBookVersionId to) {
		jdbc.sql("""
				INSERT INTO price_book_metered_price (version_id, plan_code, meter_code, currency, charge_model, unit,
				  unit_price, package_size, tiers, included_units, included_per)
				SELECT :to, plan_code, meter_code, currency, charge_model, unit, unit_price, package_size, tiers,
				  included_units, included_per
				FROM price_book_metered_price WHERE version_id = :from""")
				.param("from", from.value()).param("to", to.value()).update();
	}

	/** A version's metered prices, of one plan and currency or (both null) all of them. */
	public List<MeteredPrice> metered(PriceBookVersionId id, String planCode, Currency currency) {
		return jdbc.sql("""
				SELECT * FROM price_book_metered_price WHERE version_id = :id
				  AND (CAST(:plan AS text) IS NULL OR plan_code = :plan)
				  AND (CAST(:currency AS text) IS NULL OR currency = :currency)
				ORDER BY plan_code, meter_code, currency""")
				.param("id", id.value()).param("plan", planCode)
				.param("currency", currency == null ? null : currency.getCurrencyCode()).query(this::metered).list();
	}

	public boolean insertPack(Pack pack, Instant at) {
		return jdbc.sql("""
				INSERT INTO catalog_pack (plan_code, meter_code, created_at) VALUES (:plan, :meter, :at)
				ON CONFLICT (plan_code) DO NOTHING""")
				.param("plan", pack.planCode()).param("meter", pack.meterCode()).param("at", Timestamp.from(at)).update() == 1;
	}

	public Optional<Pack> pack(String planCode) {
		return jdbc.sql("SELECT plan_code, meter_code FROM catalog_pack WHERE plan_code = :plan").param("plan", planCode)
				.query((rs, n) -> new Pack(rs.getString(1), rs.getString(2))).optional();
	}

	public List<Pack> packs() {
		return jdbc.sql("SELECT plan_code, meter_code FROM catalog_pack ORDER BY plan_code")
				.query((rs, n) -> new Pack(rs.getString(1), rs.getString(2))).list();
	}

	// row mappers ----------------------------------------------------------------------------------

	private MeteredPrice metered(ResultSet rs, int row) throws SQLException {
		return new MeteredPrice(rs.getString("plan_code"), rs.getString("meter_code"),
				Currency.getInstance(rs.getString("currency")), rs.getString("unit"),
				ChargeModel.valueOf(rs.getString("charge_model")), strip(rs.getBigDecimal("unit_price")),
				rs.getObject("package_size", Integer.class), json.readValue(rs.getString("tiers"), TIERS),
				strip(rs.getBigDecimal("included_units")), MeteredPrice.IncludedPer.valueOf(rs.getString("included_per")));
	}

	private static Product product(ResultSet rs, List<Plan> plans) throws SQLException {
		var deployment = rs.getString("deployment");
		return new Product(rs.getString("code"), rs.getString("name"), ProductKind.valueOf(rs.getString("kind")),
				deployment == null ? null : Deployment.valueOf(deployment), rs.getString("description"), plans);
	}

	private static Plan plan(ResultSet rs, int row) throws SQLException {
		return new Plan(rs.getString("code"), rs.getString("product_code"), rs.getString("name"),
				BillingPeriod.valueOf(rs.getString("billing_period")), rs.getInt("term_months"),
				ChargeModel.valueOf(rs.getString("charge_model")), rs.getString("unit"), rs.getBoolean("active"));
	}

	private static PriceBookVersion version(ResultSet rs, List<PriceEntry> entries) throws SQLException {
		var published = rs.getTimestamp("published_at");
		return new PriceBookVersion(PriceBookVersionId.of(rs.getObject("id", UUID.class)), rs.getInt("number"),
				rs.getString("name"), rs.getObject("effective_from", LocalDate.class),
				Grandfathering.valueOf(rs.getString("grandfathering")),
				PriceBookVersion.Status.valueOf(rs.getString("status")), published == null ? null : published.toInstant(),
				rs.getString("published_by"), rs.getInt("version"), entries);
	}

	private PriceEntry entry(ResultSet rs, int row) throws SQLException {
		var packageSize = rs.getObject("package_size", Integer.class);
		return new PriceEntry(rs.getString("plan_code"), ChargeModel.valueOf(rs.getString("charge_model")), Currency.getInstance(rs.getString("currency")),
				strip(rs.getBigDecimal("unit_price")), strip(rs.getBigDecimal("included_units")), packageSize,
				json.readValue(rs.getString("tiers"), TIERS));
	}

	private static BigDecimal strip(BigDecimal value) {
		return value == null ? null : value.stripTrailingZeros().scale() < 0 ? value.setScale(0) : value.stripTrailingZeros();
	}
}
