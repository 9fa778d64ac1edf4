package dev.baton.subscription.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.baton.catalog.PriceBookVersionId;
import dev.baton.subscription.Parties;
import dev.baton.subscription.RenewalPricing;
import dev.baton.subscription.Subscription;
import dev.baton.subscription.SubscriptionEntry;
import dev.baton.subscription.SubscriptionId;
import dev.baton.subscription.SubscriptionStatus;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Subscriptions and their timeline in PostgreSQL. The current version is one row, updated only
 * from the version it was read at; every version is also kept as an immutable timeline row whose
 * primary key (subscription, version) makes a version impossible to write twice.
 */
@Repository
public class SubscriptionRepository {

	private static final TypeReference<Map<String, Integer>> ADD_ONS = new TypeReference<>() {
	};

	private static final TypeReference<Map<String, java.math.BigDecimal>> DISCOUNTS = new TypeReference<>() {
	};
	private static final JsonMapper ADD_ONS_READER = JsonMapper.builder().build();

	private final JdbcClient jdbc;
	private final JsonMapper json = JsonMapper.builder().build();

	SubscriptionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A new subscription number, {@code S-000123}. */
	public String nextNumber() {
		return "S-" + String.format("%06d",
				jdbc.sql("SELECT nextval('subscription_number_seq')").query(Long.class).single());
	}

	public Optional<Subscription> find(SubscriptionId id) {
		return jdbc.sql("SELECT * FROM subscription WHERE id = :id").param("id", id.value())
				.query(SubscriptionRepository::subscription).optional();
	}

	/** Subscriptions an account owns or is the invoice owner of (a reseller's), by number. */
	public List<Subscription> ofAccount(UUID accountId) {
		return jdbc.sql("""
				SELECT * FROM subscription WHERE owner_account_id = :account OR invoice_owner_account_id = :account
				ORDER BY number""").param("account", accountId).query(SubscriptionRepository::subscription).list();
	}

	public Optional<Subscription> findByNumber(String number) {
		return jdbc.sql("SELECT * FROM subscription WHERE number = :number").param("number", number)
				.query(SubscriptionRepository::subscription).optional();
	}

	/** The end customers of the subscriptions a reseller is the invoice owner of (an index answers it). */
	public List<UUID> ownersInvoicedBy(UUID invoiceOwnerAccountId) {
		return jdbc.sql("""
				SELECT DISTINCT owner_account_id FROM subscription
				WHERE invoice_owner_account_id = :account AND owner_account_id <> :account""")
				.param("account", invoiceOwnerAccountId).query(UUID.class).list();
	}

	/** Active subscriptions whose term ends on or before {@code until}, oldest term end first (an index answers it). */
	public List<Subscription> endingBy(LocalDate until, int limit) {
		return jdbc.sql("""
				SELECT * FROM subscription WHERE status = 'ACTIVE' AND term_end <= :until
				ORDER BY term_end, id LIMIT :limit""")
				.param("until", until).param("limit", limit).query(SubscriptionRepository::subscription).list();
	}

	public void insert(Subscription s) {
		jdbc.sql("""
				INSERT INTO subscription (id, number, owner_account_id, invoice_owner_account_id, distributor_account_id,
				  opportunity_id, plan_code, currency, seats, add_ons, discounts, status, term_start, term_end, term_months,
				  auto_renew, renewal_pricing, price_book_version_id, cancels_on, version)
				VALUES (:id, :number, :owner, :invoiceOwner, :distributor, :opportunity, :plan, :currency, :seats,
				  CAST(:addOns AS jsonb), CAST(:discounts AS jsonb), :status, :start, :end, :term, :autoRenew, :pricing, :prices, :cancelsOn, :version)""")
				.params(params(s)).update();
	}

	/** Writes the next version if the stored one is still {@code next.version() - 1}; false if another order won. */
	public boolean update(Subscription next) {
		return jdbc.sql("""
				UPDATE subscription SET owner_account_id = :owner, invoice_owner_account_id = :invoiceOwner,
				  distributor_account_id = :distributor, plan_code = :plan, seats = :seats,
				  add_ons = CAST(:addOns AS jsonb), status = :status, term_start = :start, term_end = :end,
				  term_months = :term, auto_renew = :autoRenew, price_book_version_id = :prices,
				  cancels_on = :cancelsOn, version = :version
				WHERE id = :id AND version = :version - 1""").params(params(next)).update() == 1;
	}

	public void record(SubscriptionEntry entry) {
		jdbc.sql("""
				INSERT INTO subscription_version (subscription_id, version, order_id, order_number, action, effective_on,
				  actor, reason, recorded_at, snapshot, proration)
				VALUES (:id, :version, :order, :orderNumber, :action, :effective, :actor, :reason, :at,
				  CAST(:snapshot AS jsonb), :proration)""")
				.param("proration", entry.proration() == null ? null : entry.proration().name())
				.param("id", entry.subscription().id().value()).param("version", entry.version())
				.param("order", entry.orderId()).param("orderNumber", entry.orderNumber()).param("action", entry.action())
				.param("effective", entry.effectiveOn()).param("actor", entry.actor()).param("reason", entry.reason())
				.param("at", Timestamp.from(entry.recordedAt()))
				.param("snapshot", json.writeValueAsString(entry.subscription())).update();
	}

	public List<SubscriptionEntry> timeline(SubscriptionId id) {
		return jdbc.sql("SELECT * FROM subscription_version WHERE subscription_id = :id ORDER BY version")
				.param("id", id.value()).query(this::entry).list();
	}

	/** The timelines of several subscriptions in one query, each oldest first. */
	public Map<SubscriptionId, List<SubscriptionEntry>> timelines(java.util.Collection<SubscriptionId> ids) {
		var timelines = new java.util.LinkedHashMap<SubscriptionId, List<SubscriptionEntry>>();
		jdbc.sql("""
				SELECT * FROM subscription_version WHERE subscription_id = ANY (CAST(:ids AS uuid[]))
				ORDER BY subscription_id, version""")
				.param("ids", ids.stream().map(SubscriptionId::value).toArray(UUID[]::new))
				.query(this::entry).list()
				.forEach(entry -> timelines.computeIfAbsent(entry.subscription().id(), k -> new java.util.ArrayList<>()).add(entry));
		return timelines;
	}

	private SubscriptionEntry entry(ResultSet rs, int row) throws SQLException {
		return new SubscriptionEntry(rs.getInt("version"), rs.getObject("order_id", UUID.class),
				rs.getString("order_number"), rs.getString("action"), rs.getObject("effective_on", LocalDate.class),
				rs.getString("actor"), rs.getString("reason"), rs.getTimestamp("recorded_at").toInstant(),
				json.readValue(rs.getString("snapshot"), Subscription.class),
				rs.getString("proration") == null ? null : dev.baton.subscription.Proration.valueOf(rs.getString("proration")));
	}

	private Map<String, Object> params(Subscription s) {
		var params = new java.util.HashMap<String, Object>();
		params.put("id", s.id().value());
		params.put("number", s.number());
		params.put("owner", s.parties().ownerAccountId());
		params.put("invoiceOwner", s.parties().invoiceOwnerAccountId());
		params.put("distributor", s.parties().distributorAccountId());
		params.put("opportunity", s.opportunityId());
		params.put("plan", s.planCode());
		params.put("currency", s.currency());
		params.put("seats", s.seats());
		params.put("addOns", json.writeValueAsString(s.addOns()));
		params.put("discounts", json.writeValueAsString(s.discounts()));
		params.put("status", s.status().name());
		params.put("start", s.termStart());
		params.put("end", s.termEnd());
		params.put("term", s.termMonths());
		params.put("autoRenew", s.autoRenew());
		params.put("pricing", s.renewalPricing().name());
		params.put("prices", s.priceBookVersionId().value());
		params.put("cancelsOn", s.cancelsOn());
		params.put("version", s.version());
		return params;
	}

	private static Subscription subscription(ResultSet rs, int row) throws SQLException {
		return new Subscription(SubscriptionId.of(rs.getObject("id", UUID.class)), rs.getString("number"),
				new Parties(rs.getObject("owner_account_id", UUID.class), rs.getObject("invoice_owner_account_id", UUID.class),
						rs.getObject("distributor_account_id", UUID.class)),
				rs.getObject("opportunity_id", UUID.class), rs.getString("plan_code"), rs.getString("currency"),
				rs.getInt("seats"), ADD_ONS_READER.readValue(rs.getString("add_ons"), ADD_ONS),
				ADD_ONS_READER.readValue(rs.getString("discounts"), DISCOUNTS),
				SubscriptionStatus.valueOf(rs.getString("status")), rs.getObject("term_start", LocalDate.class),
				rs.getObject("term_end", LocalDate.class), rs.getInt("term_months"), rs.getBoolean("auto_renew"),
				RenewalPricing.valueOf(rs.getString("renewal_pricing")),
				PriceBookVersionId.of(rs.getObject("price_book_version_id", UUID.class)),
				rs.getObject("cancels_on", LocalDate.class), rs.getInt("version"));
	}

}
