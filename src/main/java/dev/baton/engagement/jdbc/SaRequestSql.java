package dev.baton.engagement.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.baton.engagement.RequestDetails;
import dev.baton.engagement.RequestLabel;
import dev.baton.engagement.RequestStatus;
import dev.baton.engagement.RequestTemplate;
import dev.baton.engagement.SaRequestId;
import dev.baton.engagement.domain.Advisory;
import dev.baton.engagement.domain.ApprovalGate;
import dev.baton.engagement.domain.SaRequest;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code sa_request} table as the module's queries share it: the row mapper of the table and
 * the predicates that more than one query needs, each defined once.
 */
final class SaRequestSql {

	/** An open request: neither done nor declined. */
	static final String OPEN = "status NOT IN ('DONE', 'DECLINED')";

	/** An open request whose clocks run: open, not waiting on the requestor nor awaiting approval. */
	static final String CLOCKS_RUNNING = OPEN + " AND status NOT IN ('SA_WAITING', 'AWAITING_APPROVAL')";

	private static final TypeReference<List<Advisory>> ADVISORIES = new TypeReference<>() {
	};

	static final JsonMapper JSON = JsonMapper.builder().build();

	private SaRequestSql() {
	}

	/** The row mapper of {@code sa_request}. */
	static SaRequest request(ResultSet rs, int row) throws SQLException {
		var waitingFrom = rs.getString("waiting_from");
		return SaRequest.builder().id(SaRequestId.of(rs.getObject("id", UUID.class)))
				.opportunityId(rs.getObject("opportunity_id", UUID.class)).requesterId(rs.getObject("requester_id", UUID.class))
				.circleId(rs.getObject("circle_id", UUID.class)).boardKey(rs.getString("board_key"))
				.template(RequestTemplate.valueOf(rs.getString("template"))).title(rs.getString("title"))
				.reference(rs.getString("reference"))
				.details(JSON.readValue(rs.getString("details"), RequestDetails.class))
				.advisories(JSON.readValue(rs.getString("advisories"), ADVISORIES))
				.gate(ApprovalGate.valueOf(rs.getString("approval_gate")))
				.techEvalTarget(rs.getObject("tech_eval_target", LocalDate.class))
				.techEvalAtRisk(rs.getBoolean("tech_eval_at_risk")).fastTrack(rs.getBoolean("fast_track"))
				.createdAt(instant(rs, "created_at")).version(rs.getInt("version"))
				.status(RequestStatus.valueOf(rs.getString("status"))).labels(labels(rs))
				.receivedAt(instant(rs, "received_at")).triageDueAt(instant(rs, "triage_due_at"))
				.slaDueAt(instant(rs, "sla_due_at")).pausedAt(instant(rs, "paused_at"))
				.waitingFrom(waitingFrom == null ? null : RequestStatus.valueOf(waitingFrom))
				.assigneeId(rs.getObject("assignee_id", UUID.class)).assistId(rs.getObject("assist_id", UUID.class))
				.triagedAt(instant(rs, "triaged_at")).engagedAt(instant(rs, "engaged_at"))
				.closedAt(instant(rs, "closed_at")).declineReason(rs.getString("decline_reason"))
				.recommendationRank(rs.getObject("recommendation_rank", Integer.class)).rankReason(rs.getString("rank_reason"))
				.assigneeCircleId(rs.getObject("assignee_circle_id", UUID.class)).updatedAt(instant(rs, "updated_at"))
				.build();
	}

	/** The labels as PostgreSQL's {@code text[]} literal. */
	static String labels(Set<RequestLabel> labels) {
		return labels.stream().map(Enum::name).sorted().collect(Collectors.joining(",", "{", "}"));
	}

	private static Set<RequestLabel> labels(ResultSet rs) throws SQLException {
		var labels = EnumSet.noneOf(RequestLabel.class);
		Arrays.stream((String[]) rs.getArray("labels").getArray()).map(RequestLabel::valueOf).forEach(labels::add);
		return labels;
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		var timestamp = rs.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}

	static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}
}
