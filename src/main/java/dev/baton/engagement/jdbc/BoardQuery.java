package dev.baton.engagement.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.baton.engagement.domain.TimeBasis;
import dev.baton.engagement.RequestLabel;
import dev.baton.engagement.RequestStatus;

/**
 * Reads the board: a page of cards per column (a status or a label) in one query, with each
 * column's total, so a board never loads more cards than it shows. Each column is a bounded
 * index scan of its own ({@code LATERAL ... LIMIT}); the Done and Declined columns hold the work
 * closed since a given instant, so neither the cards nor the totals cost more as history grows.
 */
@Repository
public class BoardQuery {

	private final JdbcClient jdbc;

	BoardQuery(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * What the board is narrowed to; null means any. {@code circleIds} and {@code opportunityIds}
	 * non-null limit to those.
	 */
	public record Filter(String boardKey, java.util.Collection<UUID> circleIds, UUID assigneeId, RequestLabel label,
			List<UUID> opportunityIds, UUID requesterId, String search) {

		/** The requests an AE filed. */
		public static Filter ofRequester(UUID requesterId) {
			return new Filter(null, null, null, null, null, requesterId, null);
		}

		/** The requests of these circles. */
		public static Filter ofCircles(java.util.Collection<UUID> circleIds) {
			return new Filter(null, List.copyOf(circleIds), null, null, null, null, null);
		}

		/** The requests a person holds or assists. */
		public static Filter ofHolder(UUID personId) {
			return new Filter(null, null, personId, null, null, null, null);
		}
	}

	/** One card's worth of a request. */
	public record Row(UUID id, String title, UUID opportunityId, UUID requesterId, String boardKey, RequestStatus status,
			Set<RequestLabel> labels, boolean fastTrack, Instant receivedAt, Instant triageDueAt, Instant slaDueAt,
			Instant pausedAt, UUID assigneeId, Instant triagedAt, Instant engagedAt, Instant closedAt,
			Instant createdAt, String column, long columnTotal, TimeBasis slaBasis, String reference,
			dev.baton.engagement.RequestTemplate template, UUID circleId, UUID assistId) {

		public boolean expedite() {
			return labels.contains(RequestLabel.EXPEDITE);
		}
	}

	/**
	 * Rows {@code offset+1 .. offset+limit} of every column; by status, or by label over open
	 * requests (a request shows under each of its labels). {@code only} keeps one column. The
	 * closed columns (Done, Declined) hold what was closed since {@code closedSince}, newest
	 * first (all of it when null); open columns the open work by triage due time.
	 */
	public List<Row> columns(Filter filter, boolean byLabel, String only, int offset, int limit, Instant closedSince) {
		var params = new HashMap<String, Object>();
		var where = where(filter, params);
		params.put("offset", offset);
		params.put("limit", limit);
		String sql;
		if (byLabel) {
			var keys = only == null ? Arrays.stream(RequestLabel.values()).map(Enum::name).toList() : List.of(only);
			params.put("keys", keys.toArray(String[]::new));
			sql = column("k.key = ANY(labels) AND status NOT IN ('DONE', 'DECLINED')", OPEN_ORDER, where);
		} else {
			var keys = only == null ? Arrays.stream(RequestStatus.values()).map(Enum::name).toList() : List.of(only);
			params.put("keys", keys.stream().filter(k -> RequestStatus.valueOf(k).isOpen()).toArray(String[]::new));
			params.put("closedKeys", keys.stream().filter(k -> !RequestStatus.valueOf(k).isOpen()).toArray(String[]::new));
			var closed = "status = k.key";
			if (closedSince != null) {
				closed += " AND closed_at >= :closedSince";
				params.put("closedSince", java.sql.Timestamp.from(closedSince));
			}
			sql = column("status = k.key", OPEN_ORDER, where) + "\nUNION ALL\n"
					+ column(closed, CLOSED_ORDER, where).replace(":keys", ":closedKeys");
		}
		return jdbc.sql("SELECT * FROM (" + sql + ") board ORDER BY board_column, position").params(params)
				.query(BoardQuery::map).list();
	}

	/** The order of open work: by triage due time; it matches the open-columns index. */
	private static final String OPEN_ORDER = "triage_due_at NULLS LAST, created_at, id";
	/** The order of closed work: the newest closed first; it matches the closed-columns index. */
	private static final String CLOSED_ORDER = "closed_at DESC, id";

	/** One page of each column of {@code :keys}, with the column's total; both are index scans bounded by the column. */
	private static String column(String inColumn, String order, CharSequence where) {
		return """
				SELECT r.*, k.key AS board_column, t.total AS column_total,
				  (SELECT p.time_basis FROM sla_policy p WHERE p.board_key = r.board_key) AS sla_basis
				FROM unnest(CAST(:keys AS text[])) AS k(key)
				CROSS JOIN LATERAL (SELECT count(*) AS total FROM sa_request WHERE %1$s AND %2$s) t
				CROSS JOIN LATERAL (
				  SELECT page.*, row_number() OVER () AS position FROM (
				    SELECT * FROM sa_request WHERE %1$s AND %2$s ORDER BY %3$s LIMIT :limit OFFSET :offset
				  ) page
				) r""".formatted(where, inColumn, order);
	}

	/** A page of requests, newest first: an AE's list. */
	public List<Row> newest(Filter filter, int offset, int limit) {
		var params = new HashMap<String, Object>();
		var where = where(filter, params);
		params.put("offset", offset);
		params.put("limit", limit);
		return jdbc.sql("SELECT sa_request.*, status AS board_column, count(*) OVER () AS column_total,"
				+ " (SELECT p.time_basis FROM sla_policy p WHERE p.board_key = sa_request.board_key) AS sla_basis FROM sa_request WHERE "
				+ where + " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset").params(params).query(BoardQuery::map)
				.list();
	}

	/**
	 * The first {@code limit} open requests of a filter by when they are due (the triage due time,
	 * then the SLA's): someone's work queue. Only open work is read, never the history: an AE's
	 * queue is one bounded scan of {@code sa_request_requester_open_idx}, which is in this order;
	 * the New requests of circles come from {@code sa_request_circle_status_idx} and an SA's open
	 * work from {@code sa_request_assignee_open_idx} and {@code sa_request_assist_idx}, then sorted
	 * (see V97__open_work_indexes.sql).
	 */
	public List<Row> openByDue(Filter filter, java.util.Collection<RequestStatus> statuses, int limit) {
		var params = new HashMap<String, Object>();
		var where = where(filter, params);
		params.put("limit", limit);
		params.put("statuses", statuses.stream().map(Enum::name).toList());
		// the open predicate written out, so that the partial indexes of open work apply to any plan
		return jdbc.sql("SELECT sa_request.*, status AS board_column, 0 AS column_total,"
				+ " (SELECT p.time_basis FROM sla_policy p WHERE p.board_key = sa_request.board_key) AS sla_basis FROM sa_request WHERE "
				+ where + " AND " + SaRequestSql.OPEN + " AND status IN (:statuses)"
				+ " ORDER BY COALESCE(triage_due_at, sla_due_at) NULLS LAST, created_at, id LIMIT :limit").params(params)
				.query(BoardQuery::map).list();
	}

	/** How a circle is doing now: breaches, what waits for triage and for reviews, and its open work. */
	public record Health(UUID circleId, long open, long awaitingTriage, long triageOverdue, long slaBreached,
			long waitingOnReviews, long waitingOnRequestor) {
	}

	/**
	 * The health of these circles, in one statement over their open requests. {@code counting}
	 * names, per circle, the people whose approving reviews count toward its second review (its
	 * members and manager, as {@code AssignmentPolicy.countingReviewers} says), so that a request
	 * waits on reviews here exactly when the triage rule would refuse it for them.
	 */
	public List<Health> health(Map<UUID, ? extends java.util.Collection<UUID>> counting, Instant now) {
		if (counting.isEmpty()) {
			return List.of();
		}
		var circles = new java.util.ArrayList<UUID>();
		var people = new java.util.ArrayList<UUID>();
		counting.forEach((circle, reviewers) -> reviewers.forEach(person -> {
			circles.add(circle);
			people.add(person);
		}));
		return jdbc.sql("""
				WITH counting (circle_id, person_id) AS (
				  SELECT * FROM unnest(CAST(:reviewerCircles AS uuid[]), CAST(:reviewers AS uuid[])))
				SELECT r.circle_id, count(*) AS open,
				  count(*) FILTER (WHERE r.status = 'NEW') AS awaiting_triage,
				  count(*) FILTER (WHERE r.status = 'NEW' AND r.triage_due_at <= :now) AS triage_overdue,
				  count(*) FILTER (WHERE r.status IN ('NEW', 'SA_TRIAGED') AND r.sla_due_at <= :now) AS sla_breached,
				  count(*) FILTER (WHERE r.status = 'NEW' AND NOT r.fast_track
				    AND NOT EXISTS (SELECT 1 FROM sa_request_waiver w WHERE w.request_id = r.id)
				    AND (SELECT count(DISTINCT v.reviewer_id) FROM sa_request_review v
				         JOIN counting c ON c.circle_id = r.circle_id AND c.person_id = v.reviewer_id
				         WHERE v.request_id = r.id AND v.verdict = 'APPROVE' AND v.reviewer_id <> r.requester_id) < 2)
				    AS waiting_on_reviews,
				  count(*) FILTER (WHERE r.status = 'SA_WAITING') AS waiting_on_requestor
				FROM sa_request r
				WHERE r.circle_id IN (:circles) AND r.status NOT IN ('DONE', 'DECLINED')
				GROUP BY r.circle_id
				""").param("circles", counting.keySet())
				.param("reviewerCircles", circles.toArray(UUID[]::new)).param("reviewers", people.toArray(UUID[]::new))
				.param("now", java.sql.Timestamp.from(now))
				.query((rs, n) -> new Health(rs.getObject("circle_id", UUID.class), rs.getLong("open"),
						rs.getLong("awaiting_triage"), rs.getLong("triage_overdue"), rs.getLong("sla_breached"),
						rs.getLong("waiting_on_reviews"), rs.getLong("waiting_on_requestor")))
				.list();
	}

	/**
	 * Open requests per person who holds or assists them, per circle of these: each circle's load.
	 * A person who holds requests of two circles (a cross-circle hand-off) counts in each circle
	 * for that circle's requests only.
	 */
	public Map<UUID, Map<UUID, Long>> openPerPerson(java.util.Collection<UUID> circleIds) {
		var load = new HashMap<UUID, Map<UUID, Long>>();
		if (circleIds.isEmpty()) {
			return load;
		}
		jdbc.sql("""
				SELECT circle_id, person, count(*) AS open FROM (
				  SELECT circle_id, assignee_id AS person FROM sa_request
				  WHERE circle_id IN (:circles) AND status NOT IN ('DONE', 'DECLINED') AND assignee_id IS NOT NULL
				  UNION ALL
				  SELECT circle_id, assist_id FROM sa_request
				  WHERE circle_id IN (:circles) AND status NOT IN ('DONE', 'DECLINED') AND assist_id IS NOT NULL
				) held GROUP BY circle_id, person
				""").param("circles", circleIds)
				.query((rs, n) -> load.computeIfAbsent(rs.getObject("circle_id", UUID.class), circle -> new HashMap<>())
						.put(rs.getObject("person", UUID.class), rs.getLong("open")))
				.list();
		return load;
	}

	private static StringBuilder where(Filter filter, Map<String, Object> params) {
		var where = new StringBuilder("TRUE");
		if (filter.boardKey() != null) {
			where.append(" AND board_key = :board");
			params.put("board", filter.boardKey());
		}
		if (filter.circleIds() != null) {
			if (filter.circleIds().isEmpty()) {
				where.append(" AND FALSE");
			} else {
				where.append(" AND circle_id IN (:circles)");
				params.put("circles", filter.circleIds());
			}
		}
		if (filter.assigneeId() != null) {
			where.append(" AND (assignee_id = :assignee OR assist_id = :assignee)");
			params.put("assignee", filter.assigneeId());
		}
		if (filter.requesterId() != null) {
			where.append(" AND requester_id = :requester");
			params.put("requester", filter.requesterId());
		}
		if (filter.label() != null) {
			where.append(" AND CAST(:label AS text) = ANY(labels)");
			params.put("label", filter.label().name());
		}
		if (filter.search() != null && !filter.search().isBlank()) {
			// a request number finds its request by the unique index; other text searches the titles
			var search = filter.search().strip();
			if (search.matches("(?i)[a-z][a-z0-9]{0,11}-\\d{1,9}")) {
				where.append(" AND upper(reference) = upper(:search)");
				params.put("search", search);
			} else {
				where.append(" AND (title ILIKE :search ESCAPE '\\' OR reference ILIKE :search ESCAPE '\\')");
				params.put("search", "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
			}
		}
		if (filter.opportunityIds() != null) {
			if (filter.opportunityIds().isEmpty()) {
				where.append(" AND FALSE");
			} else {
				where.append(" AND opportunity_id IN (:opportunities)");
				params.put("opportunities", filter.opportunityIds());
			}
		}
		return where;
	}

	private static Row map(ResultSet rs, int row) throws SQLException {
		var labels = EnumSet.noneOf(RequestLabel.class);
		Arrays.stream((String[]) rs.getArray("labels").getArray()).map(RequestLabel::valueOf).forEach(labels::add);
		return new Row(rs.getObject("id", UUID.class), rs.getString("title"), rs.getObject("opportunity_id", UUID.class),
				rs.getObject("requester_id", UUID.class), rs.getString("board_key"),
				RequestStatus.valueOf(rs.getString("status")), labels, rs.getBoolean("fast_track"),
				instant(rs, "received_at"), instant(rs, "triage_due_at"), instant(rs, "sla_due_at"),
				instant(rs, "paused_at"), rs.getObject("assignee_id", UUID.class), instant(rs, "triaged_at"),
				instant(rs, "engaged_at"), instant(rs, "closed_at"), instant(rs, "created_at"),
				rs.getString("board_column"), rs.getLong("column_total"),
				rs.getString("sla_basis") == null ? null : TimeBasis.valueOf(rs.getString("sla_basis")),
				rs.getString("reference"), dev.baton.engagement.RequestTemplate.valueOf(rs.getString("template")),
				rs.getObject("circle_id", UUID.class), rs.getObject("assist_id", UUID.class));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		var timestamp = rs.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}
}
