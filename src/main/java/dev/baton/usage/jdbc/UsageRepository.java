package dev.baton.usage.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.baton.usage.Aggregation;
import dev.baton.usage.Meter;
import dev.baton.usage.MeterId;
import dev.baton.usage.UsageSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Meters and usage sources in PostgreSQL.
 */
@Repository
public class UsageRepository {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	UsageRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insertMeter(Meter meter) {
		jdbc.sql("""
				INSERT INTO usage_meter (id, code, name, event_type, aggregation, value_property, dimensions, unit,
				  created_by, created_at)
				VALUES (:id, :code, :name, :type, :aggregation, :value, CAST(:dimensions AS jsonb), :unit, :by, :at)""")
				.param("id", meter.id().value()).param("code", meter.code()).param("name", meter.name())
				.param("type", meter.eventType()).param("aggregation", meter.aggregation().name())
				.param("value", meter.valueProperty()).param("dimensions", JSON.writeValueAsString(meter.dimensions()))
				.param("unit", meter.unit()).param("by", meter.createdBy()).param("at", Timestamp.from(meter.createdAt()))
				.update();
	}

	public boolean codeTaken(String code) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM usage_meter WHERE code = :code)").param("code", code)
				.query(Boolean.class).single();
	}

	public List<Meter> meters() {
		return jdbc.sql("SELECT * FROM usage_meter ORDER BY archived_at NULLS FIRST, code").query(UsageRepository::meter).list();
	}

	public Optional<Meter> meter(String code) {
		return jdbc.sql("SELECT * FROM usage_meter WHERE code = :code").param("code", code)
				.query(UsageRepository::meter).optional();
	}

	/** The active meters of the given event types. */
	public List<Meter> activeMeters(Collection<String> eventTypes) {
		if (eventTypes.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT * FROM usage_meter WHERE archived_at IS NULL AND event_type = ANY (:types)")
				.param("types", eventTypes.toArray(String[]::new)).query(UsageRepository::meter).list();
	}

	public boolean archive(MeterId id, Instant at) {
		return jdbc.sql("UPDATE usage_meter SET archived_at = :at WHERE id = :id AND archived_at IS NULL")
				.param("id", id.value()).param("at", Timestamp.from(at)).update() == 1;
	}

	public void insertSource(UsageSource source, String tokenHash) {
		jdbc.sql("""
				INSERT INTO usage_source (id, source, description, token_hash, token_prefix, created_by, created_at)
				VALUES (:id, :source, :description, :hash, :prefix, :by, :at)""")
				.param("id", source.id()).param("source", source.source()).param("description", source.description())
				.param("hash", tokenHash).param("prefix", source.tokenPrefix()).param("by", source.createdBy())
				.param("at", Timestamp.from(source.createdAt())).update();
	}

	public boolean sourceTaken(String source) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM usage_source WHERE source = :source)").param("source", source)
				.query(Boolean.class).single();
	}

	public List<UsageSource> sources() {
		return jdbc.sql("SELECT * FROM usage_source ORDER BY revoked_at NULLS FIRST, source").query(UsageRepository::source)
				.list();
	}

	public Optional<UsageSource> source(UUID id) {
		return jdbc.sql("SELECT * FROM usage_source WHERE id = :id").param("id", id).query(UsageRepository::source).optional();
	}

	/** The source an active token was issued for, marking it used (at most once a minute, to spare the row). */
	public Optional<String> authenticate(String tokenHash, Instant now) {
		var source = jdbc.sql("SELECT source FROM usage_source WHERE token_hash = :hash AND revoked_at IS NULL")
				.param("hash", tokenHash).query(String.class).optional();
		source.ifPresent(s -> jdbc.sql("""
				UPDATE usage_source SET last_used_at = :now
				WHERE token_hash = :hash AND (last_used_at IS NULL OR last_used_at < CAST(:now AS timestamptz) - interval '1 minute')""")
				.param("hash", tokenHash).param("now", Timestamp.from(now)).update());
		return source;
	}

	public boolean revoke(UUID id, Instant at) {
		return jdbc.sql("UPDATE usage_source SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
				.param("id", id).param("at", Timestamp.from(at)).update() == 1;
	}

	public boolean rotate(UUID id, String tokenHash, String prefix) {
		return jdbc.sql("UPDATE usage_source SET token_hash = :hash, token_prefix = :prefix WHERE id = :id AND revoked_at IS NULL")
				.param("id", id).param("hash", tokenHash).param("prefix", prefix).update() == 1;
	}

	private static Meter meter(ResultSet rs, int row) throws SQLException {
		Map<String, String> dimensions = new LinkedHashMap<>(JSON.readValue(rs.getString("dimensions"),
				new TypeReference<Map<String, String>>() {
				}));
		return new Meter(MeterId.of(rs.getObject("id", UUID.class)), rs.getString("code"), rs.getString("name"),
				rs.getString("event_type"), Aggregation.valueOf(rs.getString("aggregation")), rs.getString("value_property"),
				dimensions, rs.getString("unit"), rs.getString("created_by"), instant(rs, "created_at"),
				instant(rs, "archived_at"));
	}

	private static UsageSource source(ResultSet rs, int row) throws SQLException {
		return new UsageSource(rs.getObject("id", UUID.class), rs.getString("source"), rs.getString("description"),
				rs.getString("token_prefix"), rs.getString("created_by"), instant(rs, "created_at"),
				instant(rs, "last_used_at"), instant(rs, "revoked_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		var timestamp = rs.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}
}
