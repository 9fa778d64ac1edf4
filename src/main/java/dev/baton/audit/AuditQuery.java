package dev.baton.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the audit trail, newest first, a page at a time by cursor.
 */
@Repository
class AuditQuery {

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final JsonMapper json = JsonMapper.builder().build();

	AuditQuery(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Filter(String entityType, String entityId, String actor, String action, Instant from, Instant to,
			Long before, int limit) {
	}

	List<AuditEntry> find(Filter filter) {
		var sql = new StringBuilder("SELECT * FROM audit_entry WHERE TRUE");
		var params = new java.util.HashMap<String, Object>();
		if (filter.entityType() != null) {
			sql.append(" AND entity_type = :entityType");
			params.put("entityType", filter.entityType());
		}
		if (filter.entityId() != null) {
			sql.append(" AND entity_id = :entityId");
			params.put("entityId", filter.entityId());
		}
		if (filter.actor() != null) {
			sql.append(" AND actor = :actor");
			params.put("actor", filter.actor());
		}
		if (filter.action() != null) {
			sql.append(" AND action = :action");
			params.put("action", filter.action());
		}
		if (filter.from() != null) {
			sql.append(" AND occurred_at >= :from");
			params.put("from", java.sql.Timestamp.from(filter.from()));
		}
		if (filter.to() != null) {
			sql.append(" AND occurred_at < :to");
			params.put("to", java.sql.Timestamp.from(filter.to()));
		}
		if (filter.before() != null) {
			sql.append(" AND id < :before");
			params.put("before", filter.before());
		}
		sql.append(" ORDER BY id DESC LIMIT :limit");
		params.put("limit", filter.limit());
		return new ArrayList<>(jdbc.sql(sql.toString()).params(params).query(this::map).list());
	}

	private AuditEntry map(ResultSet rs, int row) throws SQLException {
		return new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
				rs.getString("action"), rs.getString("entity_type"), rs.getString("entity_id"), rs.getString("reason"),
				json.readValue(rs.getString("details"), MAP), rs.getString("request_id"));
	}
}
