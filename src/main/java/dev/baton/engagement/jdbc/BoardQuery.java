package dev.baton.engagement.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.baton.engagement.RequestLabel;
import dev.baton.engagement.RequestStatus;

/**
 * Reads the board: a page of cards per column (a status or a label) in one query, with each
 * column's total, so a board never loads more cards than it shows.
 */
@Repository
public class BoardQuery {

	private final JdbcClient jdbc;

	BoardQuery(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** What the board is narrowed to; null means any. {@code opportunityIds} non-null limits to those. */
	public record Filter(String boardKey, UUID circleId, UUID assigneeId, RequestLabel label, List<UUID> opportunityIds,
			UUID requesterId) {
	}

	/** One card's worth of a request. */
	public record Row(UUID id, String title, UUID opportunityId, UUID requesterId, String boardKey, RequestStatus status,
			Set<RequestLabel> labels, boolean fastTrack, Instant receivedAt, Instant triageDueAt, Instant slaDueAt,
			Instant pausedAt, UUID assigneeId, Instant triagedAt, Instant engagedAt, Instant closedAt,
			Instant createdAt, String column, long columnTotal) {

		public boolean expedite() {
			return labels.contains(RequestLabel.EXPEDITE);
		}
	}

	/**
	 * Rows {@code offset+1 .. offset+limit} of every column; by status, or by label over open
	 * requests (a request shows under each of its labels). {@code only} keeps one column.
	 */
	public List<Row> columns(Filter filter, boolean byLabel, String only, int offset, int limit) {
		var params = new HashMap<String, Object>();
		var where = where(filter, params);
		var column = byLabel ? "lbl" : "status";
		var from = byLabel ? "sa_request CROSS JOIN LATERAL unnest(labels) AS lbl" : "sa_request";
		if (byLabel) {
			where.append(" AND ").append(SaRequestSql.OPEN);
		}
		if (only != null) {
			where.append(" AND ").append(column).append(" = :only");
			params.put("only", only);
		}
		params.put("offset", offset);
		params.put("limit", limit);
		var sql = """
				SELECT * FROM (
				  SELECT sa_request.*, %1$s AS board_column,
				    row_number() OVER (PARTITION BY %1$s ORDER BY closed_at DESC NULLS FIRST, triage_due_at NULLS LAST,
				      created_at, id) AS position,
				    count(*) OVER (PARTITION BY %1$s) AS column_total
				  FROM %2$s WHERE %3$s
				) ranked WHERE position > :offset AND position <= :offset + :limit
				ORDER BY board_column, position
				""".formatted(column, from, where);
		return jdbc.sql(sql).params(params).query(BoardQuery::map).list();
	}

	/** A page of requests, newest first: an AE's list. */
	public List<Row> newest(Filter filter, int offset, int limit) {
		var params = new HashMap<String, Object>();
		var where = where(filter, params);
		params.put("offset", offset);
		params.put("limit", limit);
		return jdbc.sql("SELECT sa_request.*, status AS board_column, count(*) OVER () AS column_total FROM sa_request WHERE "
				+ where + " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset").params(params).query(BoardQuery::map)
				.list();
	}

	private static StringBuilder where(Filter filter, Map<String, Object> params) {
		var where = new StringBuilder("TRUE");
		if (filter.boardKey() != null) {
			where.append(" AND board_key = :board");
			params.put("board", filter.boardKey());
		}
		if (filter.circleId() != null) {
			where.append(" AND circle_id = :circle");
			params.put("circle", filter.circleId());
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
		var r = SaRequestSql.request(rs, row);
		return new Row(r.id().value(), r.title(), r.opportunityId(), r.requesterId(), r.boardKey(), r.status(), r.labels(),
				r.fastTrack(), r.receivedAt(), r.triageDueAt(), r.slaDueAt(), r.pausedAt(), r.assigneeId(), r.triagedAt(),
				r.engagedAt(), r.closedAt(), r.createdAt(), rs.getString("board_column"), rs.getLong("column_total"));
	}
}
