package dev.baton.usage.jdbc;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The watermarks of period closes, the totals of closed periods by revision, the allowances worked
 * out per subject and period, prepaid packs and their draws, and the notices, in PostgreSQL.
 */
@Repository
public class UsageRatingRepository {

	private final JdbcClient jdbc;

	UsageRatingRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// watermarks -----------------------------------------------------------------------------------

	/** A meter's watermark: every period ending at or before {@code closedThrough} is closed (null: none yet). */
	public record Watermark(UUID meterId, Instant closedThrough, Instant checkedAt) {
	}

	/** Locks the meter's watermark for this transaction, or answers empty when another close holds it. */
	public Optional<Watermark> lockWatermark(UUID meterId) {
		jdbc.sql("INSERT INTO usage_watermark (meter_id) VALUES (:meter) ON CONFLICT DO NOTHING").param("meter", meterId)
				.update();
		return jdbc.sql("SELECT * FROM usage_watermark WHERE meter_id = :meter FOR UPDATE SKIP LOCKED")
				.param("meter", meterId).query(UsageRatingRepository::watermark).optional();
	}

	public void moveWatermark(UUID meterId, Instant closedThrough, Instant checkedAt) {
		jdbc.sql("UPDATE usage_watermark SET closed_through = :through, checked_at = :at WHERE meter_id = :meter")
				.param("meter", meterId).param("through", Timestamp.from(closedThrough))
				.param("at", Timestamp.from(checkedAt)).update();
	}

	public Map<UUID, Watermark> watermarks() {
		return jdbc.sql("SELECT * FROM usage_watermark").query(UsageRatingRepository::watermark).list().stream()
				.collect(Collectors.toMap(Watermark::meterId, w -> w));
	}

	public Optional<Watermark> watermark(UUID meterId) {
		return jdbc.sql("SELECT * FROM usage_watermark WHERE meter_id = :meter").param("meter", meterId)
				.query(UsageRatingRepository::watermark).optional();
	}

	/** The first hour a meter counted anything, if it has. */
	public Optional<Instant> firstHour(UUID meterId) {
		return jdbc.sql("SELECT hour FROM usage_hourly WHERE meter_id = :meter ORDER BY hour LIMIT 1")
				.param("meter", meterId).query((rs, n) -> rs.getTimestamp(1).toInstant()).optional();
	}

	/** The events counted per subject and month (UTC) in a range of whole months. */
	public Map<String, Long> eventsBySubjectAndMonth(UUID meterId, Instant from, Instant to) {
		return jdbc.sql("""
				SELECT subject, date_trunc('month', hour, 'UTC') AS month, sum(events) AS events FROM usage_hourly
				WHERE meter_id = :meter AND hour >= :from AND hour < :to GROUP BY 1, 2""")
				.param("meter", meterId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
				.query((rs, n) -> Map.entry(key(rs.getString(1), rs.getTimestamp(2).toInstant()), rs.getLong(3))).list()
				.stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	public static String key(String subject, Instant month) {
		return subject + "\n" + month;
	}

	// closed periods -------------------------------------------------------------------------------

	/** One revision of a subject's closed period. */
	public record Revision(UUID meterId, String subject, Instant periodStart, int revision, Instant closedIn,
			BigDecimal value, long events, BigDecimal allowance, BigDecimal prepaid, UUID subscriptionId, String planCode,
			String currency, UUID priceBookVersionId, Integer seats, Instant takenAt) {
	}

	/** The latest revision of each subject's periods that started in [from, to). */
	public Map<String, Revision> latestRevisions(UUID meterId, Instant from, Instant to) {
		return jdbc.sql("""
				SELECT DISTINCT ON (subject, period_start) * FROM usage_period_total
				WHERE meter_id = :meter AND period_start >= :from AND period_start < :to
				ORDER BY subject, period_start, revision DESC""")
				.param("meter", meterId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
				.query(UsageRatingRepository::revision).list().stream()
				.collect(Collectors.toMap(r -> key(r.subject(), r.periodStart()), r -> r));
	}

	public void insert(Revision r) {
		jdbc.sql("""
				INSERT INTO usage_period_total (meter_id, subject, period_start, revision, closed_in, value, events,
				  allowance, prepaid, subscription_id, plan_code, currency, price_book_version_id, seats, taken_at)
				VALUES (:meter, :subject, :period, :revision, :closedIn, :value, :events, :allowance, :prepaid, :subscription,
				  :plan, :currency, :book, :seats, :at)""")
				.param("meter", r.meterId()).param("subject", r.subject()).param("period", Timestamp.from(r.periodStart()))
				.param("revision", r.revision()).param("closedIn", Timestamp.from(r.closedIn())).param("value", r.value())
				.param("events", r.events()).param("allowance", r.allowance()).param("prepaid", r.prepaid())
				.param("subscription", r.subscriptionId()).param("plan", r.planCode()).param("currency", r.currency())
				.param("book", r.priceBookVersionId()).param("seats", r.seats()).param("at", Timestamp.from(r.takenAt()))
				.update();
	}

	/** A revision and the one before it (null for revision 0). */
	public record RevisionPair(Revision current, Revision previous) {
	}

	/** The revisions closed in the periods from {@code from} to {@code to} (inclusive), each with the one before. */
	public List<RevisionPair> closedIn(UUID meterId, Instant from, Instant to) {
		return pairs("t.meter_id = :meter AND t.closed_in >= :from AND t.closed_in <= :to", Map.of("meter", meterId,
				"from", Timestamp.from(from), "to", Timestamp.from(to)));
	}

	/** Every revision of a subject's periods that started in [from, to), each with the one before. */
	public List<RevisionPair> ofSubject(String subject, Instant from, Instant to) {
		return pairs("t.subject = :subject AND t.period_start >= :from AND t.period_start < :to", Map.of("subject",
				subject, "from", Timestamp.from(from), "to", Timestamp.from(to)));
	}

	private List<RevisionPair> pairs(String where, Map<String, Object> params) {
		return jdbc.sql("""
				SELECT t.*, p.revision AS p_revision, p.closed_in AS p_closed_in, p.value AS p_value, p.events AS p_events,
				  p.allowance AS p_allowance, p.prepaid AS p_prepaid, p.taken_at AS p_taken_at
				FROM usage_period_total t
				LEFT JOIN usage_period_total p ON p.meter_id = t.meter_id AND p.subject = t.subject
				  AND p.period_start = t.period_start AND p.revision = t.revision - 1
				WHERE\s""" + where + " ORDER BY t.subject, t.period_start, t.revision").params(params)
				.query((rs, n) -> {
					var current = revision(rs, n);
					Revision previous = null;
					if (rs.getObject("p_revision") != null) {
						previous = new Revision(current.meterId(), current.subject(), current.periodStart(),
								rs.getInt("p_revision"), rs.getTimestamp("p_closed_in").toInstant(), rs.getBigDecimal("p_value"),
								rs.getLong("p_events"), rs.getBigDecimal("p_allowance"), rs.getBigDecimal("p_prepaid"),
								current.subscriptionId(), current.planCode(), current.currency(), current.priceBookVersionId(),
								current.seats(), rs.getTimestamp("p_taken_at").toInstant());
					}
					return new RevisionPair(current, previous);
				}).list();
	}

	/** A closed period of a meter: subjects, events, and what arrived after it closed. */
	public record PeriodSummary(Instant periodStart, int subjects, long events, long lateEvents, int lateSubjects,
			int revisions, Instant closedAt) {
	}

	/** The latest closed periods of a meter, newest first. */
	public List<PeriodSummary> periods(UUID meterId, int limit) {
		return jdbc.sql("""
				WITH latest AS (
				  SELECT DISTINCT ON (subject, period_start) subject, period_start, events, revision FROM usage_period_total
				  WHERE meter_id = :meter ORDER BY subject, period_start, revision DESC
				),
				first AS (
				  SELECT subject, period_start, events, taken_at FROM usage_period_total
				  WHERE meter_id = :meter AND revision = 0 AND closed_in = period_start
				)
				SELECT l.period_start, count(*) AS subjects, sum(l.events) AS events,
				  sum(l.events - coalesce(f.events, 0)) AS late_events,
				  count(*) FILTER (WHERE l.events <> coalesce(f.events, 0) OR f.subject IS NULL) AS late_subjects,
				  sum(l.revision + 1) AS revisions, min(f.taken_at) AS closed_at
				FROM latest l LEFT JOIN first f ON f.subject = l.subject AND f.period_start = l.period_start
				GROUP BY l.period_start ORDER BY l.period_start DESC LIMIT :limit""")
				.param("meter", meterId).param("limit", limit)
				.query((rs, n) -> new PeriodSummary(rs.getTimestamp("period_start").toInstant(), rs.getInt("subjects"),
						rs.getLong("events"), rs.getLong("late_events"), rs.getInt("late_subjects"), rs.getInt("revisions"),
						rs.getTimestamp("closed_at") == null ? null : rs.getTimestamp("closed_at").toInstant()))
				.list();
	}

	// allowances ---------------------------------------------------------------------------------------

	/** The allowance of a subject for a meter in a period, and the subscription it comes from (null: none). */
	public record AllowanceRow(String subject, String meterCode, Instant periodStart, BigDecimal allowance,
			UUID subscriptionId, String subscriptionNumber, String planCode, Integer seats, String currency,
			UUID priceBookVersionId, Instant computedAt) {
	}

	public Optional<AllowanceRow> allowance(String subject, String meterCode, Instant periodStart) {
		return jdbc.sql("""
				SELECT * FROM usage_allowance WHERE subject = :subject AND meter_code = :meter AND period_start = :period""")
				.param("subject", subject).param("meter", meterCode).param("period", Timestamp.from(periodStart))
				.query(UsageRatingRepository::allowance).optional();
	}

	/** The epochs of a subject's allowances and of all subjects', summed: any forgetting changes it. */
	public long epoch(String subject) {
		return jdbc.sql("SELECT coalesce(sum(epoch), 0) FROM usage_allowance_epoch WHERE subject IN (:subject, '*')")
				.param("subject", subject).query(Long.class).single();
	}

	/**
	 * Keeps a worked-out allowance unless the subject's allowances were forgotten since {@code epoch}
	 * was read (it may rest on what was read before the change); one worked out at the same moment
	 * elsewhere is as good.
	 */
	public void save(AllowanceRow a, long epoch) {
		jdbc.sql("""
				INSERT INTO usage_allowance (subject, meter_code, period_start, allowance, subscription_id, subscription_number,
				  plan_code, seats, currency, price_book_version_id, computed_at)
				SELECT :subject, :meter, :period, :allowance, :subscription, :number, :plan, :seats, :currency, :book, :at
				WHERE (SELECT coalesce(sum(epoch), 0) FROM usage_allowance_epoch WHERE subject IN (:subject, '*')) = :epoch
				ON CONFLICT DO NOTHING""").param("epoch", epoch)
				.param("subject", a.subject()).param("meter", a.meterCode()).param("period", Timestamp.from(a.periodStart()))
				.param("allowance", a.allowance()).param("subscription", a.subscriptionId())
				.param("number", a.subscriptionNumber()).param("plan", a.planCode()).param("seats", a.seats())
				.param("currency", a.currency()).param("book", a.priceBookVersionId())
				.param("at", Timestamp.from(a.computedAt())).update();
	}

	/** Forgets the allowances of periods from {@code from} on, of one subject or (null) of all. */
	public int forgetAllowances(String subject, Instant from) {
		jdbc.sql("""
				INSERT INTO usage_allowance_epoch (subject, epoch) VALUES (:subject, 1)
				ON CONFLICT (subject) DO UPDATE SET epoch = usage_allowance_epoch.epoch + 1""")
				.param("subject", subject == null ? "*" : subject).update();
		return jdbc.sql("""
				DELETE FROM usage_allowance WHERE period_start >= :from AND (CAST(:subject AS text) IS NULL OR subject = :subject)""")
				.param("subject", subject).param("from", Timestamp.from(from)).update();
	}

	// packs -------------------------------------------------------------------------------------------

	/** A prepaid pack and what is drawn from it. */
	public record PackRow(UUID id, String subject, String meterCode, String planCode, BigDecimal units,
			BigDecimal drawn, Instant boughtAt, Instant expiresAt, UUID subscriptionId, int subscriptionVersion,
			UUID orderId) {

		public BigDecimal balance() {
			return units.subtract(drawn);
		}
	}

	/** Records a pack, once per subscription version and plan; false when it was recorded already. */
	public boolean insert(PackRow pack) {
		return jdbc.sql("""
				INSERT INTO usage_pack (id, subject, meter_code, plan_code, units, drawn, bought_at, expires_at,
				  subscription_id, subscription_version, order_id)
				VALUES (:id, :subject, :meter, :plan, :units, 0, :bought, :expires, :subscription, :version, :order)
				ON CONFLICT (subscription_id, subscription_version, plan_code) DO NOTHING""")
				.param("id", pack.id()).param("subject", pack.subject()).param("meter", pack.meterCode())
				.param("plan", pack.planCode()).param("units", pack.units()).param("bought", Timestamp.from(pack.boughtAt()))
				.param("expires", Timestamp.from(pack.expiresAt())).param("subscription", pack.subscriptionId())
				.param("version", pack.subscriptionVersion()).param("order", pack.orderId()).update() == 1;
	}

	/** A subject's packs of a meter, oldest first; with {@code lock}, locked for drawing on. */
	public List<PackRow> packs(String subject, String meterCode, boolean lock) {
		return jdbc.sql("SELECT * FROM usage_pack WHERE subject = :subject AND (CAST(:meter AS text) IS NULL OR meter_code = :meter)"
				+ " ORDER BY bought_at, id" + (lock ? " FOR UPDATE" : ""))
				.param("subject", subject).param("meter", meterCode).query(UsageRatingRepository::pack).list();
	}

	public void draw(UUID packId, Instant periodStart, int revision, BigDecimal units, Instant at) {
		jdbc.sql("UPDATE usage_pack SET drawn = drawn + :units WHERE id = :id").param("id", packId).param("units", units)
				.update();
		jdbc.sql("""
				INSERT INTO usage_pack_draw (pack_id, period_start, revision, units, drawn_at)
				VALUES (:id, :period, :revision, :units, :at)""")
				.param("id", packId).param("period", Timestamp.from(periodStart)).param("revision", revision)
				.param("units", units).param("at", Timestamp.from(at)).update();
	}

	// notices -----------------------------------------------------------------------------------------

	/** Records a notice once per subject, meter, period and threshold; false when it was sent already. */
	public boolean notice(String subject, String meterCode, Instant periodStart, int threshold, BigDecimal remaining,
			BigDecimal available, Instant at) {
		return jdbc.sql("""
				INSERT INTO usage_notice (subject, meter_code, period_start, threshold, remaining, available, raised_at)
				VALUES (:subject, :meter, :period, :threshold, :remaining, :available, :at) ON CONFLICT DO NOTHING""")
				.param("subject", subject).param("meter", meterCode).param("period", Timestamp.from(periodStart))
				.param("threshold", threshold).param("remaining", remaining).param("available", available)
				.param("at", Timestamp.from(at)).update() == 1;
	}

	/** A notice sent. */
	public record Notice(String meterCode, Instant periodStart, int threshold, BigDecimal remaining,
			BigDecimal available, Instant raisedAt) {
	}

	public List<Notice> notices(String subject, Instant from) {
		return jdbc.sql("""
				SELECT * FROM usage_notice WHERE subject = :subject AND period_start >= :from
				ORDER BY period_start DESC, meter_code, threshold DESC""")
				.param("subject", subject).param("from", Timestamp.from(from))
				.query((rs, n) -> new Notice(rs.getString("meter_code"), rs.getTimestamp("period_start").toInstant(),
						rs.getInt("threshold"), rs.getBigDecimal("remaining"), rs.getBigDecimal("available"),
						rs.getTimestamp("raised_at").toInstant()))
				.list();
	}

	/** Subjects that counted usage of a meter since {@code since}: those whose balance may have moved. */
	public List<String> subjectsActiveSince(UUID meterId, Instant since) {
		return jdbc.sql("SELECT DISTINCT subject FROM usage_hourly WHERE meter_id = :meter AND hour >= :since")
				.param("meter", meterId).param("since", Timestamp.from(since)).query(String.class).list();
	}

	// entitlements -------------------------------------------------------------------------------------

	/**
	 * What an entitlement check needs, read in one statement: the meter, the subject's allowance for
	 * the period (null when not worked out yet), its packs' balance now, what it used this period
	 * (summed from the hourly totals for SUM, COUNT and MAX meters; null for the others, which are
	 * totalled apart), and the lowest threshold it was told of this period.
	 */
	public record EntitlementRow(UUID meterId, String code, String name, String unit, String aggregation,
			BigDecimal allowance, UUID subscriptionId, String subscriptionNumber, BigDecimal packs, BigDecimal used,
			Integer notified) {
	}

	public Optional<EntitlementRow> entitlement(String subject, String feature, Instant period, Instant now) {
		return jdbc.sql("""
				SELECT m.id, m.code, m.name, m.unit, m.aggregation, a.allowance, a.subscription_id, a.subscription_number,
				  (SELECT coalesce(sum(p.units - p.drawn), 0) FROM usage_pack p
				   WHERE p.subject = :subject AND p.meter_code = m.code AND p.expires_at > :now AND p.bought_at <= :now) AS packs,
				  CASE WHEN m.aggregation IN ('SUM', 'COUNT', 'MAX') THEN
				    (SELECT CASE m.aggregation WHEN 'SUM' THEN coalesce(sum(h.total), 0) WHEN 'COUNT' THEN coalesce(sum(h.events), 0)
				       ELSE coalesce(max(h.maximum), 0) END
				     FROM usage_hourly h WHERE h.meter_id = m.id AND h.subject = :subject AND h.hour >= :period) END AS used,
				  (SELECT min(n.threshold) FROM usage_notice n
				   WHERE n.subject = :subject AND n.meter_code = m.code AND n.period_start = :period) AS notified
				FROM usage_meter m
				LEFT JOIN usage_allowance a ON a.subject = :subject AND a.meter_code = m.code AND a.period_start = :period
				WHERE m.code = :feature""")
				.param("subject", subject).param("feature", feature).param("period", Timestamp.from(period))
				.param("now", Timestamp.from(now))
				.query((rs, n) -> new EntitlementRow(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
						rs.getString("unit"), rs.getString("aggregation"), rs.getBigDecimal("allowance"),
						rs.getObject("subscription_id", UUID.class), rs.getString("subscription_number"),
						rs.getBigDecimal("packs"), rs.getBigDecimal("used"), rs.getObject("notified", Integer.class)))
				.optional();
	}

	// row mappers -------------------------------------------------------------------------------------

	private static Watermark watermark(ResultSet rs, int row) throws SQLException {
		return new Watermark(rs.getObject("meter_id", UUID.class), instant(rs, "closed_through"),
				instant(rs, "checked_at"));
	}

	private static Revision revision(ResultSet rs, int row) throws SQLException {
		return new Revision(rs.getObject("meter_id", UUID.class), rs.getString("subject"), instant(rs, "period_start"),
				rs.getInt("revision"), instant(rs, "closed_in"), rs.getBigDecimal("value"), rs.getLong("events"),
				rs.getBigDecimal("allowance"), rs.getBigDecimal("prepaid"), rs.getObject("subscription_id", UUID.class),
				rs.getString("plan_code"), rs.getString("currency"), rs.getObject("price_book_version_id", UUID.class),
				rs.getObject("seats", Integer.class), instant(rs, "taken_at"));
	}

	private static AllowanceRow allowance(ResultSet rs, int row) throws SQLException {
		return new AllowanceRow(rs.getString("subject"), rs.getString("meter_code"), instant(rs, "period_start"),
				rs.getBigDecimal("allowance"), rs.getObject("subscription_id", UUID.class),
				rs.getString("subscription_number"), rs.getString("plan_code"), rs.getObject("seats", Integer.class),
				rs.getString("currency"), rs.getObject("price_book_version_id", UUID.class), instant(rs, "computed_at"));
	}

	private static PackRow pack(ResultSet rs, int row) throws SQLException {
		return new PackRow(rs.getObject("id", UUID.class), rs.getString("subject"), rs.getString("meter_code"),
				rs.getString("plan_code"), rs.getBigDecimal("units"), rs.getBigDecimal("drawn"), instant(rs, "bought_at"),
				instant(rs, "expires_at"), rs.getObject("subscription_id", UUID.class), rs.getInt("subscription_version"),
				rs.getObject("order_id", UUID.class));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		var timestamp = rs.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}
}
