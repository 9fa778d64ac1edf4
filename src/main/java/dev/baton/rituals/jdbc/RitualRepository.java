package dev.baton.rituals.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.baton.rituals.Ritual;
import dev.baton.rituals.RitualKind;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ritual occurrences in PostgreSQL, one per circle, kind and day (a unique key); presenters and
 * deals are JSON lists of ids.
 */
@Repository
public class RitualRepository {

	private static final TypeReference<List<UUID>> IDS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final JsonMapper json = JsonMapper.builder().build();

	RitualRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Takes the circle's planning lock until the current transaction ends. */
	public void lockPlanning(UUID circleId) {
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(:key))").param("key", "ritual-plan:" + circleId)
				.query((rs, n) -> 1).list();
	}

	/** Adds the occurrence unless the circle already has one of this kind that day; true when added. */
	public boolean insertUnlessPlanned(Ritual ritual, Instant now) {
		return jdbc.sql("""
				INSERT INTO ritual (id, circle_id, kind, day, starts_at, minutes, presenter_ids, opportunity_ids, created_at)
				VALUES (:id, :circle, :kind, :day, :start, :minutes, CAST(:presenters AS jsonb), CAST(:opportunities AS jsonb), :now)
				ON CONFLICT (circle_id, kind, day) DO NOTHING
				""").param("id", ritual.id()).param("circle", ritual.circleId()).param("kind", ritual.kind().name())
				.param("day", ritual.day()).param("start", Timestamp.from(ritual.startsAt()))
				.param("minutes", ritual.minutes()).param("presenters", json.writeValueAsString(ritual.presenterIds()))
				.param("opportunities", json.writeValueAsString(ritual.opportunityIds()))
				.param("now", Timestamp.from(now)).update() == 1;
	}

	/** The circle's last occurrence of the kind before the day. */
	public Optional<Ritual> previous(UUID circleId, RitualKind kind, LocalDate before) {
		return jdbc.sql("""
				SELECT * FROM ritual WHERE circle_id = :circle AND kind = :kind AND day < :day ORDER BY day DESC LIMIT 1
				""").param("circle", circleId).param("kind", kind.name()).param("day", before).query(this::map).optional();
	}

	/** The circle's occurrences from..to inclusive, in order. */
	public List<Ritual> between(UUID circleId, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				SELECT * FROM ritual WHERE circle_id = :circle AND day >= :from AND day <= :to ORDER BY starts_at, kind
				""").param("circle", circleId).param("from", from).param("to", to).query(this::map).list();
	}

	private Ritual map(ResultSet rs, int row) throws SQLException {
		return new Ritual(rs.getObject("id", UUID.class), rs.getObject("circle_id", UUID.class),
				RitualKind.valueOf(rs.getString("kind")), rs.getObject("day", LocalDate.class),
				rs.getTimestamp("starts_at").toInstant(), rs.getInt("minutes"),
				json.readValue(rs.getString("presenter_ids"), IDS), json.readValue(rs.getString("opportunity_ids"), IDS));
	}
}
