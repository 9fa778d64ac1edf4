package dev.baton.licensing.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.baton.licensing.InstanceId;
import dev.baton.licensing.IssuedLicense;
import dev.baton.licensing.LicenseId;
import dev.baton.licensing.Reconciliation;
import dev.baton.licensing.ReconciliationId;
import dev.baton.licensing.SeatReport;
import dev.baton.licensing.SeatReportId;
import dev.baton.licensing.UpsellSignal;
import dev.baton.licensing.UpsellSignalId;
import dev.baton.subscription.SubscriptionId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The licensing tables in PostgreSQL: one row mapper per table. Every exactly-once here is a
 * unique constraint ({@code INSERT ... ON CONFLICT DO NOTHING} answers whether this call wrote).
 */
@Repository
public class LicensingRepository {

	private static final TypeReference<Map<String, Object>> EVIDENCE = new TypeReference<>() {
	};
	private static final TypeReference<Map<String, Integer>> FEATURES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final JsonMapper json = JsonMapper.builder().build();

	LicensingRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// keys ----------------------------------------------------------------------------------------

	/** A signing key's public half, as published. */
	public record PublishedKey(String keyId, String publicKey, Instant createdAt) {
	}

	public void publishKey(String keyId, String publicKey, Instant at) {
		jdbc.sql("INSERT INTO license_key (key_id, public_key, created_at) VALUES (:id, :key, :at) ON CONFLICT (key_id) DO NOTHING")
				.param("id", keyId).param("key", publicKey).param("at", Timestamp.from(at)).update();
	}

	public List<PublishedKey> keys() {
		return jdbc.sql("SELECT * FROM license_key ORDER BY created_at, key_id")
				.query((rs, n) -> new PublishedKey(rs.getString("key_id"), rs.getString("public_key"),
						rs.getTimestamp("created_at").toInstant()))
				.list();
	}

	// licensees -----------------------------------------------------------------------------------

	/** Who an account's licenses are made out to. */
	public record LicenseeRow(UUID accountId, String name, String email, String updatedBy, Instant updatedAt) {
	}

	public void putLicensee(LicenseeRow row) {
		jdbc.sql("""
				INSERT INTO licensee (account_id, name, email, updated_by, updated_at) VALUES (:account, :name, :email, :by, :at)
				ON CONFLICT (account_id) DO UPDATE SET name = EXCLUDED.name, email = EXCLUDED.email,
				  updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at""")
				.param("account", row.accountId()).param("name", row.name()).param("email", row.email())
				.param("by", row.updatedBy()).param("at", Timestamp.from(row.updatedAt())).update();
	}

	public Optional<LicenseeRow> licensee(UUID accountId) {
		return jdbc.sql("SELECT * FROM licensee WHERE account_id = :account").param("account", accountId)
				.query((rs, n) -> new LicenseeRow(rs.getObject("account_id", UUID.class), rs.getString("name"),
						rs.getString("email"), rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant()))
				.optional();
	}

	// licensed subscriptions ----------------------------------------------------------------------

	/** Records a self-managed subscription once, with its activation code; answers its code. */
	public String licensed(SubscriptionId subscription, UUID ownerAccountId, String newCode, Instant at) {
		jdbc.sql("""
				INSERT INTO licensed_subscription (subscription_id, owner_account_id, activation_code, created_at)
				VALUES (:id, :owner, :code, :at)
				ON CONFLICT (subscription_id) DO UPDATE SET owner_account_id = EXCLUDED.owner_account_id""")
				.param("id", subscription.value()).param("owner", ownerAccountId).param("code", newCode)
				.param("at", Timestamp.from(at)).update();
		return activationCode(subscription).orElseThrow();
	}

	public Optional<String> activationCode(SubscriptionId subscription) {
		return jdbc.sql("SELECT activation_code FROM licensed_subscription WHERE subscription_id = :id")
				.param("id", subscription.value()).query(String.class).optional();
	}

	public Optional<UUID> licensedOwner(SubscriptionId subscription) {
		return jdbc.sql("SELECT owner_account_id FROM licensed_subscription WHERE subscription_id = :id")
				.param("id", subscription.value()).query(UUID.class).optional();
	}

	public Optional<SubscriptionId> byActivationCode(String code) {
		return jdbc.sql("SELECT subscription_id FROM licensed_subscription WHERE activation_code = :code")
				.param("code", code).query((rs, n) -> SubscriptionId.of(rs.getObject(1, UUID.class))).optional();
	}

	/** Licensed subscriptions after {@code after} (null: from the first), by id, for the reconciliation job. */
	public List<SubscriptionId> licensedSubscriptions(UUID after, int limit) {
		return jdbc.sql("""
				SELECT subscription_id FROM licensed_subscription WHERE (CAST(:after AS uuid) IS NULL OR subscription_id > :after)
				ORDER BY subscription_id LIMIT :limit""")
				.param("after", after).param("limit", limit)
				.query((rs, n) -> SubscriptionId.of(rs.getObject(1, UUID.class))).list();
	}

	// instances -----------------------------------------------------------------------------------

	/** An activated instance and the public key its seat reports are signed with. */
	public record InstanceRow(InstanceId id, SubscriptionId subscriptionId, String name, String publicKey,
			String activatedBy, Instant activatedAt) {
	}

	/** Registers an instance once per subscription and key; answers the instance registered. */
	public InstanceRow activate(InstanceRow row) {
		jdbc.sql("""
				INSERT INTO license_instance (id, subscription_id, name, public_key, activated_by, activated_at)
				VALUES (:id, :subscription, :name, :key, :by, :at) ON CONFLICT (subscription_id, public_key) DO NOTHING""")
				.param("id", row.id().value()).param("subscription", row.subscriptionId().value()).param("name", row.name())
				.param("key", row.publicKey()).param("by", row.activatedBy()).param("at", Timestamp.from(row.activatedAt()))
				.update();
		return jdbc.sql("SELECT * FROM license_instance WHERE subscription_id = :subscription AND public_key = :key")
				.param("subscription", row.subscriptionId().value()).param("key", row.publicKey())
				.query(this::instanceRow).single();
	}

	public Optional<InstanceRow> instance(UUID id) {
		return jdbc.sql("SELECT * FROM license_instance WHERE id = :id").param("id", id).query(this::instanceRow).optional();
	}

	public List<InstanceRow> instancesOf(SubscriptionId subscription) {
		return jdbc.sql("SELECT * FROM license_instance WHERE subscription_id = :id ORDER BY activated_at, id")
				.param("id", subscription.value()).query(this::instanceRow).list();
	}

	private InstanceRow instanceRow(ResultSet rs, int row) throws SQLException {
		return new InstanceRow(InstanceId.of(rs.getObject("id", UUID.class)),
				SubscriptionId.of(rs.getObject("subscription_id", UUID.class)), rs.getString("name"),
				rs.getString("public_key"), rs.getString("activated_by"), rs.getTimestamp("activated_at").toInstant());
	}

	// licenses ------------------------------------------------------------------------------------

	/** Writes a license unless this version (and instance) has one; answers whether it wrote. */
	public boolean insertLicense(IssuedLicense license, String file) {
		return jdbc.sql("""
				INSERT INTO license (id, subscription_id, subscription_version, mode, instance_id, key_id, plan_code, seats,
				  starts_on, expires_on, changes_blocked, file, issued_at)
				VALUES (:id, :subscription, :version, :mode, :instance, :key, :plan, :seats, :starts, :expires, :blocked, :file, :at)
				ON CONFLICT DO NOTHING""")
				.param("id", license.id().value()).param("subscription", license.subscriptionId().value())
				.param("version", license.subscriptionVersion()).param("mode", license.mode())
				.param("instance", license.instanceId() == null ? null : license.instanceId().value())
				.param("key", license.keyId()).param("plan", license.planCode()).param("seats", license.seats())
				.param("starts", license.startsOn()).param("expires", license.expiresOn())
				.param("blocked", license.changesBlocked()).param("file", file)
				.param("at", Timestamp.from(license.issuedAt())).update() == 1;
	}

	/** Every license of a subscription, newest first. */
	public List<IssuedLicense> licensesOf(SubscriptionId subscription) {
		return jdbc.sql("SELECT * FROM license WHERE subscription_id = :id ORDER BY issued_at DESC, subscription_version DESC, mode")
				.param("id", subscription.value()).query(this::licenseRow).list();
	}

	public Optional<IssuedLicense> license(UUID id) {
		return jdbc.sql("SELECT * FROM license WHERE id = :id").param("id", id).query(this::licenseRow).optional();
	}

	public Optional<String> file(LicenseId id) {
		return jdbc.sql("SELECT file FROM license WHERE id = :id").param("id", id.value()).query(String.class).optional();
	}

	/** The newest online license of an instance. */
	public Optional<IssuedLicense> latestOnline(InstanceId instance) {
		return jdbc.sql("SELECT * FROM license WHERE instance_id = :id ORDER BY subscription_version DESC LIMIT 1")
				.param("id", instance.value()).query(this::licenseRow).optional();
	}

	/** The newest offline license of a subscription. */
	public Optional<IssuedLicense> latestOffline(SubscriptionId subscription) {
		return jdbc.sql("""
				SELECT * FROM license WHERE subscription_id = :id AND mode = 'OFFLINE' ORDER BY subscription_version DESC LIMIT 1""")
				.param("id", subscription.value()).query(this::licenseRow).optional();
	}

	/** Claims the mailing of a license once; the claim rolls back with a failed send. */
	public boolean claimMailing(LicenseId id, String to, Instant at) {
		return jdbc.sql("UPDATE license SET mailed_to = :to, mailed_at = :at WHERE id = :id AND mailed_at IS NULL")
				.param("id", id.value()).param("to", to).param("at", Timestamp.from(at)).update() == 1;
	}

	private IssuedLicense licenseRow(ResultSet rs, int row) throws SQLException {
		var instance = rs.getObject("instance_id", UUID.class);
		var mailed = rs.getTimestamp("mailed_at");
		return new IssuedLicense(LicenseId.of(rs.getObject("id", UUID.class)),
				SubscriptionId.of(rs.getObject("subscription_id", UUID.class)), rs.getInt("subscription_version"),
				rs.getString("mode"), instance == null ? null : InstanceId.of(instance), rs.getString("key_id"),
				rs.getString("plan_code"), rs.getInt("seats"), rs.getObject("starts_on", LocalDate.class),
				rs.getObject("expires_on", LocalDate.class), rs.getBoolean("changes_blocked"),
				rs.getTimestamp("issued_at").toInstant(), rs.getString("mailed_to"), mailed == null ? null : mailed.toInstant());
	}

	// seat reports --------------------------------------------------------------------------------

	/** Writes a report unless one with its digest exists; answers whether it wrote. */
	public boolean insertReport(SeatReport report, String digest, String text) {
		return jdbc.sql("""
				INSERT INTO seat_report (id, digest, status, rule, reason, channel, received_by, subscription_id, license_id,
				  instance_id, period_start, period_end, active_users, max_billable_users, report, received_at, features_denied)
				VALUES (:id, :digest, :status, :rule, :reason, :channel, :by, :subscription, :license, :instance, :start, :end,
				  :active, :max, :report, :at, CAST(:features AS jsonb))
				ON CONFLICT (digest) DO NOTHING""")
				.param("id", report.id().value()).param("digest", digest).param("status", report.status().name())
				.param("rule", report.rule()).param("reason", report.reason()).param("channel", report.channel())
				.param("by", report.receivedBy())
				.param("subscription", report.subscriptionId() == null ? null : report.subscriptionId().value())
				.param("license", report.licenseId() == null ? null : report.licenseId().value())
				.param("instance", report.instanceId() == null ? null : report.instanceId().value())
				.param("start", report.periodStart()).param("end", report.periodEnd())
				.param("active", report.activeUsers()).param("max", report.maxBillableUsers()).param("report", text)
				.param("at", Timestamp.from(report.receivedAt()))
				.param("features", json.writeValueAsString(report.featuresDenied())).update() == 1;
	}

	public Optional<SeatReport> reportByDigest(String digest) {
		return jdbc.sql("SELECT * FROM seat_report WHERE digest = :digest").param("digest", digest)
				.query(this::reportRow).optional();
	}

	/** Reports of a subscription, or (null) every refused one for review, newest first. */
	public List<SeatReport> reports(SubscriptionId subscription, SeatReport.Status status, int limit) {
		return jdbc.sql("""
				SELECT * FROM seat_report
				WHERE (CAST(:subscription AS uuid) IS NULL OR subscription_id = :subscription)
				  AND (CAST(:status AS text) IS NULL OR status = :status)
				ORDER BY received_at DESC, id LIMIT :limit""")
				.param("subscription", subscription == null ? null : subscription.value())
				.param("status", status == null ? null : status.name()).param("limit", limit).query(this::reportRow).list();
	}

	/** The verified reports of a subscription whose period ends from {@code from} until (before) {@code until}, most users first. */
	public List<SeatReport> counted(SubscriptionId subscription, LocalDate from, LocalDate until) {
		return jdbc.sql("""
				SELECT * FROM seat_report WHERE status = 'VERIFIED' AND subscription_id = :subscription
				  AND period_end >= :from AND period_end < :until
				ORDER BY max_billable_users DESC, received_at, id""")
				.param("subscription", subscription.value()).param("from", from).param("until", until)
				.query(this::reportRow).list();
	}

	/**
	 * The verified reports of a subscription that name denied features, whose period ends from
	 * {@code from} to {@code to} (both inclusive), oldest first.
	 */
	public List<SeatReport> denyingFeatures(SubscriptionId subscription, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				SELECT * FROM seat_report WHERE status = 'VERIFIED' AND subscription_id = :subscription
				  AND period_end >= :from AND period_end <= :to AND features_denied <> '{}'::jsonb
				ORDER BY period_end, received_at, id""")
				.param("subscription", subscription.value()).param("from", from).param("to", to)
				.query(this::reportRow).list();
	}

	private SeatReport reportRow(ResultSet rs, int row) throws SQLException {
		var subscription = rs.getObject("subscription_id", UUID.class);
		var license = rs.getObject("license_id", UUID.class);
		var instance = rs.getObject("instance_id", UUID.class);
		return new SeatReport(SeatReportId.of(rs.getObject("id", UUID.class)),
				SeatReport.Status.valueOf(rs.getString("status")), rs.getString("rule"), rs.getString("reason"),
				rs.getString("channel"), rs.getString("received_by"),
				subscription == null ? null : SubscriptionId.of(subscription), license == null ? null : LicenseId.of(license),
				instance == null ? null : InstanceId.of(instance), rs.getObject("period_start", LocalDate.class),
				rs.getObject("period_end", LocalDate.class), (Integer) rs.getObject("active_users"),
				(Integer) rs.getObject("max_billable_users"), rs.getTimestamp("received_at").toInstant(),
				json.readValue(rs.getString("features_denied"), FEATURES));
	}

	// reconciliations -----------------------------------------------------------------------------

	/** Writes a reconciliation unless its period has one; answers whether it wrote. */
	public boolean insertReconciliation(Reconciliation r) {
		return jdbc.sql("""
				INSERT INTO seat_reconciliation (id, subscription_id, kind, period_start, period_end, quarter, quarters_left,
				  seats_paid, max_billable_users, overage, report_ids, plan_code, currency, unit_price, discount_percent,
				  price_book_version_id, amount, status, noticed_at, charge_after, created_at)
				VALUES (:id, :subscription, :kind, :start, :end, :quarter, :left, :paid, :max, :overage, :reports, :plan,
				  :currency, :unit, :discount, :version, :amount, :status, :noticed, :after, :at)
				ON CONFLICT (subscription_id, kind, period_end) DO NOTHING""")
				.param("id", r.id().value()).param("subscription", r.subscriptionId().value()).param("kind", r.kind().name())
				.param("start", r.periodStart()).param("end", r.periodEnd()).param("quarter", r.quarter())
				.param("left", r.quartersLeft()).param("paid", r.seatsPaid()).param("max", r.maxBillableUsers())
				.param("overage", r.overage()).param("reports", r.reportIds().toArray(UUID[]::new))
				.param("plan", r.planCode()).param("currency", r.currency()).param("unit", r.unitPrice())
				.param("discount", r.discountPercent()).param("version", r.priceBookVersionId())
				.param("amount", r.amount()).param("status", r.status().name())
				.param("noticed", r.noticedAt() == null ? null : Timestamp.from(r.noticedAt()))
				.param("after", r.chargeAfter() == null ? null : Timestamp.from(r.chargeAfter()))
				.param("at", Timestamp.from(r.createdAt())).update() == 1;
	}

	/** A subscription's reconciliations, oldest period first. */
	public List<Reconciliation> reconciliationsOf(SubscriptionId subscription) {
		return jdbc.sql("SELECT * FROM seat_reconciliation WHERE subscription_id = :id ORDER BY period_end, kind")
				.param("id", subscription.value()).query(this::reconciliationRow).list();
	}

	public Optional<Reconciliation> reconciliation(UUID id) {
		return jdbc.sql("SELECT * FROM seat_reconciliation WHERE id = :id").param("id", id)
				.query(this::reconciliationRow).optional();
	}

	/** The periods a subscription was reconciled for, as {@code KIND:period-end}. */
	public Set<String> reconciledPeriods(SubscriptionId subscription) {
		return new HashSet<>(jdbc.sql("SELECT kind || ':' || period_end FROM seat_reconciliation WHERE subscription_id = :id")
				.param("id", subscription.value()).query(String.class).list());
	}

	/** Noticed reconciliations whose notice period is over. */
	public List<Reconciliation> due(Instant now, int limit) {
		return jdbc.sql("""
				SELECT * FROM seat_reconciliation WHERE status = 'NOTICED' AND charge_after <= :now
				ORDER BY charge_after, id LIMIT :limit""")
				.param("now", Timestamp.from(now)).param("limit", limit).query(this::reconciliationRow).list();
	}

	public boolean settle(ReconciliationId id, Reconciliation.Status status, UUID orderId, String orderNumber, Instant at) {
		return jdbc.sql("""
				UPDATE seat_reconciliation SET status = :status, order_id = :order, order_number = :number, settled_at = :at
				WHERE id = :id AND status = 'NOTICED'""")
				.param("id", id.value()).param("status", status.name()).param("order", orderId).param("number", orderNumber)
				.param("at", Timestamp.from(at)).update() == 1;
	}

	public boolean claimNoticeMailing(ReconciliationId id, Instant at) {
		return jdbc.sql("UPDATE seat_reconciliation SET notice_mailed_at = :at WHERE id = :id AND notice_mailed_at IS NULL")
				.param("id", id.value()).param("at", Timestamp.from(at)).update() == 1;
	}

	private Reconciliation reconciliationRow(ResultSet rs, int row) throws SQLException {
		var noticed = rs.getTimestamp("noticed_at");
		var after = rs.getTimestamp("charge_after");
		var settled = rs.getTimestamp("settled_at");
		return new Reconciliation(ReconciliationId.of(rs.getObject("id", UUID.class)),
				SubscriptionId.of(rs.getObject("subscription_id", UUID.class)),
				Reconciliation.Kind.valueOf(rs.getString("kind")), rs.getObject("period_start", LocalDate.class),
				rs.getObject("period_end", LocalDate.class), (Integer) rs.getObject("quarter"),
				(Integer) rs.getObject("quarters_left"), rs.getInt("seats_paid"), rs.getInt("max_billable_users"),
				rs.getInt("overage"), Arrays.asList((UUID[]) rs.getArray("report_ids").getArray()), rs.getString("plan_code"),
				rs.getString("currency"), rs.getBigDecimal("unit_price"), rs.getBigDecimal("discount_percent"),
				rs.getObject("price_book_version_id", UUID.class), rs.getBigDecimal("amount"),
				Reconciliation.Status.valueOf(rs.getString("status")), noticed == null ? null : noticed.toInstant(),
				after == null ? null : after.toInstant(), rs.getObject("order_id", UUID.class), rs.getString("order_number"),
				settled == null ? null : settled.toInstant(), rs.getTimestamp("created_at").toInstant());
	}

	// up-sell signals -----------------------------------------------------------------------------

	/** Writes a signal unless its cause fired in its period already; answers whether it wrote. */
	public boolean insertSignal(UpsellSignal signal) {
		return jdbc.sql("""
				INSERT INTO upsell_signal (id, account_id, subscription_id, cause, period, evidence, owner_id, opportunity_id,
				  raised_at)
				VALUES (:id, :account, :subscription, :cause, :period, CAST(:evidence AS jsonb), :owner, :opportunity, :at)
				ON CONFLICT (subscription_id, cause, period) DO NOTHING""")
				.param("id", signal.id().value()).param("account", signal.accountId())
				.param("subscription", signal.subscriptionId().value()).param("cause", signal.cause().name())
				.param("period", signal.period()).param("evidence", json.writeValueAsString(signal.evidence()))
				.param("owner", signal.ownerId()).param("opportunity", signal.opportunityId())
				.param("at", Timestamp.from(signal.raisedAt())).update() == 1;
	}

	public Optional<UpsellSignal> signal(UUID id) {
		return jdbc.sql("SELECT * FROM upsell_signal WHERE id = :id").param("id", id).query(this::signalRow).optional();
	}

	/** Signals of an owner AE, or of an account, or of a subscription; newest first. */
	public List<UpsellSignal> signals(UUID ownerId, UUID accountId, SubscriptionId subscription, int limit) {
		return jdbc.sql("""
				SELECT * FROM upsell_signal
				WHERE (CAST(:owner AS uuid) IS NULL OR owner_id = :owner)
				  AND (CAST(:account AS uuid) IS NULL OR account_id = :account)
				  AND (CAST(:subscription AS uuid) IS NULL OR subscription_id = :subscription)
				ORDER BY raised_at DESC, id LIMIT :limit""")
				.param("owner", ownerId).param("account", accountId)
				.param("subscription", subscription == null ? null : subscription.value()).param("limit", limit)
				.query(this::signalRow).list();
	}

	/** Links the expansion opportunity once; answers whether this call linked it. */
	public boolean linkExpansion(UpsellSignalId id, UUID opportunityId) {
		return jdbc.sql("""
				UPDATE upsell_signal SET expansion_opportunity_id = :opportunity
				WHERE id = :id AND expansion_opportunity_id IS NULL""")
				.param("id", id.value()).param("opportunity", opportunityId).update() == 1;
	}

	public boolean claimCustomerTold(UpsellSignalId id, Instant at) {
		return jdbc.sql("UPDATE upsell_signal SET customer_told_at = :at WHERE id = :id AND customer_told_at IS NULL")
				.param("id", id.value()).param("at", Timestamp.from(at)).update() == 1;
	}

	private UpsellSignal signalRow(ResultSet rs, int row) throws SQLException {
		return new UpsellSignal(UpsellSignalId.of(rs.getObject("id", UUID.class)), rs.getObject("account_id", UUID.class),
				SubscriptionId.of(rs.getObject("subscription_id", UUID.class)),
				UpsellSignal.Cause.valueOf(rs.getString("cause")), rs.getString("period"),
				json.readValue(rs.getString("evidence"), EVIDENCE), rs.getObject("owner_id", UUID.class),
				rs.getObject("opportunity_id", UUID.class), rs.getObject("expansion_opportunity_id", UUID.class),
				rs.getTimestamp("raised_at").toInstant());
	}
}
