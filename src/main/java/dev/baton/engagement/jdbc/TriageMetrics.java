package dev.baton.engagement.jdbc;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.baton.engagement.EngagementFigures;
import dev.baton.engagement.RequestStatus;

/**
 * How a board or circle triages: volume, fast-track share, triage and SLA attainment, and time to
 * triage, over requests filed in a period.
 */
@Repository
public class TriageMetrics {

	private final JdbcClient jdbc;

	TriageMetrics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param triageAttainment share of triaged requests assigned or declined by their triage due time
	 * @param slaAttainment share of engaged requests started (SA Doing) by their SLA due time
	 * @param medianTimeToTriage wall-clock time from receipt to assignment, median
	 * @param ranked assignments that recorded the recommendation rank chosen
	 * @param topChoiceShare share of those that chose the top recommendation (rank 1)
	 * @param offTopChoices assignments that chose someone below the top recommendation (rank above 1)
	 * @param crossCircle assignments to an SA of another circle of the board
	 */
	public record Report(Instant from, Instant to, long filed, long fastTrack, double fastTrackShare, long triaged,
			double triageAttainment, long engaged, double slaAttainment, Duration medianTimeToTriage, long waiting,
			long declined, long open, long ranked, double topChoiceShare, long offTopChoices, long crossCircle) {
	}

	/** The figures of a set of requests, as aggregate columns: one definition for a board or circle and per circle. */
	private static final String FIGURES = """
			count(*) AS filed,
			count(*) FILTER (WHERE fast_track) AS fast_track,
			count(*) FILTER (WHERE triaged_at IS NOT NULL OR status = 'DECLINED') AS triaged,
			count(*) FILTER (WHERE (triaged_at IS NOT NULL AND triaged_at <= triage_due_at)
			                    OR (status = 'DECLINED' AND closed_at <= triage_due_at)) AS triaged_on_time,
			count(*) FILTER (WHERE engaged_at IS NOT NULL) AS engaged,
			count(*) FILTER (WHERE engaged_at IS NOT NULL AND engaged_at <= sla_due_at) AS engaged_on_time,
			percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM (triaged_at - received_at)))
			    FILTER (WHERE triaged_at IS NOT NULL) AS median_seconds,
			count(*) FILTER (WHERE status = 'SA_WAITING') AS waiting,
			count(*) FILTER (WHERE status = 'DECLINED') AS declined,
			count(*) FILTER (WHERE %s) AS open,
			count(*) FILTER (WHERE triaged_at IS NOT NULL AND recommendation_rank IS NOT NULL) AS ranked,
			count(*) FILTER (WHERE triaged_at IS NOT NULL AND recommendation_rank = 1) AS top_choice,
			count(*) FILTER (WHERE triaged_at IS NOT NULL AND recommendation_rank > 1) AS off_top,
			count(*) FILTER (WHERE triaged_at IS NOT NULL AND assignee_circle_id IS NOT NULL
			                   AND assignee_circle_id <> circle_id) AS cross_circle
			""".formatted(SaRequestSql.OPEN);

	public Report report(String boardKey, UUID circleId, Instant from, Instant to) {
		return jdbc.sql("SELECT " + FIGURES + """
				FROM sa_request
				WHERE created_at >= :from AND created_at < :to
				  AND (CAST(:board AS text) IS NULL OR board_key = :board)
				  AND (CAST(:circle AS uuid) IS NULL OR circle_id = :circle)
				""")
				.param("from", java.sql.Timestamp.from(from)).param("to", java.sql.Timestamp.from(to))
				.param("board", boardKey).param("circle", circleId)
				.query((rs, n) -> report(rs, from, to)).single();
	}

	/** The figures of every circle that had requests filed in the period, in one statement. */
	public java.util.Map<UUID, Report> reportsByCircle(Instant from, Instant to) {
		var reports = new java.util.HashMap<UUID, Report>();
		jdbc.sql("SELECT circle_id, " + FIGURES + """
				FROM sa_request
				WHERE created_at >= :from AND created_at < :to AND circle_id IS NOT NULL
				GROUP BY circle_id
				""")
				.param("from", java.sql.Timestamp.from(from)).param("to", java.sql.Timestamp.from(to))
				.query(rs -> {
					reports.put(rs.getObject("circle_id", UUID.class), report(rs, from, to));
				});
		return reports;
	}

	/** Everyone's open requests, as assignee and as assist, counted in one statement. */
	public java.util.Map<UUID, EngagementFigures.OpenWork> openWork() {
		var work = new java.util.HashMap<UUID, EngagementFigures.OpenWork>();
		jdbc.sql("""
				SELECT person_id, count(*) FILTER (WHERE assist = false) AS assigned,
				       count(*) FILTER (WHERE assist) AS assisting
				FROM (SELECT assignee_id AS person_id, false AS assist FROM sa_request WHERE %1$s AND assignee_id IS NOT NULL
				      UNION ALL
				      SELECT assist_id, true FROM sa_request WHERE %1$s AND assist_id IS NOT NULL) w
				GROUP BY person_id
				""".formatted(SaRequestSql.OPEN))
				.query(rs -> {
					work.put(rs.getObject("person_id", UUID.class),
							new EngagementFigures.OpenWork(rs.getLong("assigned"), rs.getLong("assisting")));
				});
		return work;
	}

	private static Report report(java.sql.ResultSet rs, Instant from, Instant to) throws java.sql.SQLException {
		var filed = rs.getLong("filed");
		var triaged = rs.getLong("triaged");
		var engaged = rs.getLong("engaged");
		var median = rs.getObject("median_seconds") == null ? null
				: Duration.ofSeconds(Math.round(rs.getDouble("median_seconds")));
		return new Report(from, to, filed, rs.getLong("fast_track"), share(rs.getLong("fast_track"), filed), triaged,
				share(rs.getLong("triaged_on_time"), triaged), engaged, share(rs.getLong("engaged_on_time"), engaged),
				median, rs.getLong("waiting"), rs.getLong("declined"), rs.getLong("open"), rs.getLong("ranked"),
				share(rs.getLong("top_choice"), rs.getLong("ranked")), rs.getLong("off_top"), rs.getLong("cross_circle"));
	}

	/** The SA most recently assigned to a request on the opportunity, if any. */
	public Optional<UUID> assignedSa(UUID opportunityId) {
		return jdbc.sql("""
				SELECT assignee_id FROM sa_request
				WHERE opportunity_id = :opportunity AND assignee_id IS NOT NULL
				ORDER BY triaged_at DESC NULLS LAST, created_at DESC LIMIT 1
				""").param("opportunity", opportunityId).query(UUID.class).optional();
	}

	/** Requests filed from {@code from} up to {@code to} that were declined or wait on the requestor, newest first. */
	public List<EngagementFigures.Stalled> declinedOrWaiting(UUID circleId, Instant from, Instant to) {
		return jdbc.sql("""
				SELECT id, title, opportunity_id, requester_id, circle_id, status, decline_reason, created_at
				FROM sa_request
				WHERE status IN ('DECLINED', 'SA_WAITING') AND created_at >= :from AND created_at < :to
				  AND (CAST(:circle AS uuid) IS NULL OR circle_id = :circle)
				ORDER BY created_at DESC LIMIT 1000
				""").param("from", java.sql.Timestamp.from(from)).param("to", java.sql.Timestamp.from(to))
				.param("circle", circleId)
				.query((rs, n) -> new EngagementFigures.Stalled(rs.getObject("id", UUID.class), rs.getString("title"),
						rs.getObject("opportunity_id", UUID.class), rs.getObject("requester_id", UUID.class),
						rs.getObject("circle_id", UUID.class), RequestStatus.valueOf(rs.getString("status")),
						rs.getString("decline_reason"), rs.getTimestamp("created_at").toInstant()))
				.list();
	}

	private static double share(long part, long whole) {
		return whole == 0 ? 0.0 : Math.round(1000.0 * part / whole) / 1000.0;
	}
}
