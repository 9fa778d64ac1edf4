package dev.baton.judgment.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.baton.judgment.JudgmentColor;
import dev.baton.judgment.SaJudgment;
import dev.baton.pipeline.Stage;
import tools.jackson.databind.json.JsonMapper;

/**
 * SA Judgments in PostgreSQL, append-only; the checklist is a JSON document. "Newest" is by
 * recording time, then by insertion order.
 */
@Repository
public class JudgmentRepository {

	private final JdbcClient jdbc;
	private final JsonMapper json = JsonMapper.builder().build();

	JudgmentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(SaJudgment judgment) {
		jdbc.sql("""
				INSERT INTO sa_judgment (id, opportunity_id, sa_id, color, comment, checklist, stage, forecast_category, recorded_at)
				VALUES (:id, :opportunity, :sa, :color, :comment, CAST(:checklist AS jsonb), :stage, :forecast, :at)
				""").param("id", judgment.id()).param("opportunity", judgment.opportunityId())
				.param("sa", judgment.saId()).param("color", judgment.color().name())
				.param("comment", judgment.comment()).param("checklist", json.writeValueAsString(judgment.checklist()))
				.param("stage", judgment.stage().name()).param("forecast", judgment.forecastCategory())
				.param("at", Timestamp.from(judgment.recordedAt())).update();
	}

	/** Every judgment on an opportunity, newest first. */
	public List<SaJudgment> history(UUID opportunityId) {
		return jdbc.sql("SELECT * FROM sa_judgment WHERE opportunity_id = :o ORDER BY recorded_at DESC, seq DESC")
				.param("o", opportunityId).query(this::map).list();
	}

	/** The newest judgment of each opportunity. */
	public Map<UUID, SaJudgment> current() {
		var result = new HashMap<UUID, SaJudgment>();
		jdbc.sql("""
				SELECT DISTINCT ON (opportunity_id) * FROM sa_judgment ORDER BY opportunity_id, recorded_at DESC, seq DESC
				""").query(this::map).list().forEach(j -> result.put(j.opportunityId(), j));
		return result;
	}

	/** The newest judgment of each of these opportunities that has one, in one statement. */
	public Map<UUID, SaJudgment> current(java.util.Collection<UUID> opportunityIds) {
		var result = new HashMap<UUID, SaJudgment>();
		if (opportunityIds.isEmpty()) {
			return result;
		}
		jdbc.sql("""
				SELECT DISTINCT ON (opportunity_id) * FROM sa_judgment
				WHERE opportunity_id = ANY (CAST(:ids AS uuid[]))
				ORDER BY opportunity_id, recorded_at DESC, seq DESC
				""").param("ids", opportunityIds.stream().map(UUID::toString).toArray(String[]::new))
				.query(this::map).list().forEach(j -> result.put(j.opportunityId(), j));
		return result;
	}

	/** Each SA's newest judgment on each opportunity. */
	public List<SaJudgment> latestPerSa() {
		return jdbc.sql("""
				SELECT DISTINCT ON (opportunity_id, sa_id) * FROM sa_judgment
				ORDER BY opportunity_id, sa_id, recorded_at DESC, seq DESC
				""").query(this::map).list();
	}

	private SaJudgment map(ResultSet rs, int row) throws SQLException {
		return new SaJudgment(rs.getObject("id", UUID.class), rs.getObject("opportunity_id", UUID.class),
				rs.getObject("sa_id", UUID.class), JudgmentColor.valueOf(rs.getString("color")), rs.getString("comment"),
				json.readValue(rs.getString("checklist"), SaJudgment.Checklist.class), Stage.valueOf(rs.getString("stage")),
				rs.getString("forecast_category"), rs.getTimestamp("recorded_at").toInstant());
	}
}
