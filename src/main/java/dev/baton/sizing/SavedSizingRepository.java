package dev.baton.sizing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.baton.sizing.Recommendation.DeploymentType;
import dev.baton.sizing.Recommendation.GitalyTopology;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Saved recommendations in PostgreSQL; the metrics and the recommendation are JSON documents.
 */
@Repository
class SavedSizingRepository {

	private static final String BRIEF_COLUMNS = "id, opportunity_id, edition, architecture, deployment, "
			+ "gitaly_topology, summary, note, saved_by, saved_at";

	private final JdbcClient jdbc;
	// tolerant on read, so documents saved before a field was dropped still load
	private final JsonMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.build();

	SavedSizingRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(StoredSizing sizing) {
		Recommendation recommendation = sizing.recommendation();
		jdbc.sql("""
				INSERT INTO sizing_recommendation (id, opportunity_id, edition, architecture, deployment, gitaly_topology,
				                                   summary, metrics, recommendation, note, saved_by, saved_at)
				VALUES (:id, :opportunityId, :edition, :architecture, :deployment, :gitaly, :summary,
				        CAST(:metrics AS jsonb), CAST(:recommendation AS jsonb), :note, :savedBy, :savedAt)
				""")
				.param("id", sizing.id()).param("opportunityId", sizing.opportunityId())
				.param("edition", sizing.edition()).param("architecture", recommendation.architecture().id())
				.param("deployment", recommendation.deployment().name())
				.param("gitaly", recommendation.gitaly().topology().name()).param("summary", recommendation.summary())
				.param("metrics", json.writeValueAsString(sizing.metrics()))
				.param("recommendation", json.writeValueAsString(recommendation)).param("note", sizing.note())
				.param("savedBy", sizing.savedBy()).param("savedAt", Timestamp.from(sizing.savedAt())).update();
	}

	Optional<StoredSizing> find(UUID id) {
		return jdbc.sql("SELECT * FROM sizing_recommendation WHERE id = :id").param("id", id).query(this::mapStored)
				.optional();
	}

	List<SavedSizing> listFor(UUID opportunityId, long offset, int limit) {
		return jdbc.sql("SELECT " + BRIEF_COLUMNS + """
				 FROM sizing_recommendation WHERE opportunity_id = :opportunityId
				ORDER BY saved_at DESC, seq DESC LIMIT :limit OFFSET :offset
				""")
				.param("opportunityId", opportunityId).param("limit", limit).param("offset", offset)
				.query(SavedSizingRepository::mapBrief).list();
	}

	long countFor(UUID opportunityId) {
		return jdbc.sql("SELECT count(*) FROM sizing_recommendation WHERE opportunity_id = :opportunityId")
				.param("opportunityId", opportunityId).query(Long.class).single();
	}

	Optional<SavedSizing> latestFor(UUID opportunityId) {
		return listFor(opportunityId, 0, 1).stream().findFirst();
	}

	private StoredSizing mapStored(ResultSet rs, int row) throws SQLException {
		return new StoredSizing(rs.getObject("id", UUID.class), rs.getObject("opportunity_id", UUID.class),
				rs.getString("edition"), rs.getString("note"), rs.getString("saved_by"),
				rs.getTimestamp("saved_at").toInstant(), json.readValue(rs.getString("metrics"), MetricsInput.class),
				json.readValue(rs.getString("recommendation"), Recommendation.class));
	}

	private static SavedSizing mapBrief(ResultSet rs, int row) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		return new SavedSizing(id, rs.getObject("opportunity_id", UUID.class), rs.getString("edition"),
				rs.getString("architecture"), DeploymentType.valueOf(rs.getString("deployment")),
				GitalyTopology.valueOf(rs.getString("gitaly_topology")), rs.getString("summary"), rs.getString("note"),
				rs.getString("saved_by"), rs.getTimestamp("saved_at").toInstant(), SavedSizing.printLink(id));
	}
}
