package dev.baton.engagement.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.baton.engagement.Engagement;
import dev.baton.engagement.ApprovalDecision;
import dev.baton.engagement.RequestActivity;
import dev.baton.engagement.RequestStatus;
import dev.baton.engagement.ReviewVerdict;
import dev.baton.engagement.SaRequestClockAlert;
import dev.baton.engagement.SaRequestId;
import dev.baton.engagement.domain.SaRequest;
import dev.baton.engagement.domain.SlaPolicy;
import dev.baton.engagement.domain.ThreadItems;
import dev.baton.engagement.domain.TimeBasis;
import dev.baton.identity.Role;

/**
 * SA requests and their threads in PostgreSQL. An update names the version it read; zero rows
 * changed means another writer won.
 */
@Repository
public class SaRequestRepository {

	private final tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
	private final JdbcClient jdbc;

	SaRequestRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(SaRequest request) {
		jdbc.sql("""
				INSERT INTO sa_request (id, opportunity_id, requester_id, circle_id, board_key, template, title, details,
				  advisories, approval_gate, tech_eval_target, tech_eval_at_risk, fast_track, status, labels, received_at,
				  triage_due_at, sla_due_at, version, created_at, updated_at, number, reference)
				VALUES (:id, :opportunity, :requester, :circle, :board, :template, :title, CAST(:details AS jsonb),
				  CAST(:advisories AS jsonb), :gate, :target, :atRisk, :fastTrack, :status, CAST(:labels AS text[]),
				  :receivedAt, :triageDue, :slaDue, 0, :createdAt, :updatedAt, :number, :reference)
				""")
				.param("number", RequestNumber.parse(request.reference()).number())
				.param("reference", request.reference())
				.param("id", request.id().value()).param("opportunity", request.opportunityId())
				.param("requester", request.requesterId()).param("circle", request.circleId())
				.param("board", request.boardKey()).param("template", request.template().name())
				.param("title", request.title()).param("details", SaRequestSql.JSON.writeValueAsString(request.details()))
				.param("advisories", SaRequestSql.JSON.writeValueAsString(request.advisories()))
				.param("gate", request.gate().name()).param("target", request.techEvalTarget())
				.param("atRisk", request.techEvalAtRisk()).param("fastTrack", request.fastTrack())
				.param("status", request.status().name()).param("labels", SaRequestSql.labels(request.labels()))
				.param("receivedAt", SaRequestSql.ts(request.receivedAt())).param("triageDue", SaRequestSql.ts(request.triageDueAt()))
				.param("slaDue", SaRequestSql.ts(request.slaDueAt())).param("createdAt", SaRequestSql.ts(request.createdAt()))
				.param("updatedAt", SaRequestSql.ts(request.updatedAt())).update();
	}

	/** Saves the changeable state if nobody changed it since {@code request.version()}. */
	public boolean update(SaRequest request) {
		return updateReturning(request).isPresent();
	}

	/**
	 * Saves the changeable state if nobody changed it since {@code request.version()}, and answers
	 * the request as stored (new version included) in the same statement; empty when another
	 * writer won.
	 */
	public Optional<SaRequest> updateReturning(SaRequest request) {
		return jdbc.sql("""
				UPDATE sa_request SET status = :status, labels = CAST(:labels AS text[]), received_at = :receivedAt,
				  triage_due_at = :triageDue, sla_due_at = :slaDue, paused_at = :pausedAt, waiting_from = :waitingFrom,
				  assignee_id = :assignee, assist_id = :assist, triaged_at = :triagedAt, engaged_at = :engagedAt,
				  closed_at = :closedAt, decline_reason = :declineReason, recommendation_rank = :rank,
				  rank_reason = :rankReason, assignee_circle_id = :assigneeCircle, updated_at = :updatedAt,
				  version = version + 1
				WHERE id = :id AND version = :version
				RETURNING *
				""")
				.param("status", request.status().name()).param("labels", SaRequestSql.labels(request.labels()))
				.param("receivedAt", SaRequestSql.ts(request.receivedAt())).param("triageDue", SaRequestSql.ts(request.triageDueAt()))
				.param("slaDue", SaRequestSql.ts(request.slaDueAt())).param("pausedAt", SaRequestSql.ts(request.pausedAt()))
				.param("waitingFrom", request.waitingFrom() == null ? null : request.waitingFrom().name())
				.param("assignee", request.assigneeId()).param("assist", request.assistId())
				.param("triagedAt", SaRequestSql.ts(request.triagedAt())).param("engagedAt", SaRequestSql.ts(request.engagedAt()))
				.param("closedAt", SaRequestSql.ts(request.closedAt())).param("declineReason", request.declineReason())
				.param("rank", request.recommendationRank()).param("rankReason", request.rankReason())
				.param("assigneeCircle", request.assigneeCircleId())
				.param("updatedAt", SaRequestSql.ts(request.updatedAt())).param("id", request.id().value())
				.param("version", request.version()).query(SaRequestSql::request).optional();
	}

	/**
	 * The next number of a board, in the filing's transaction: one upsert on the board's counter
	 * row, which concurrent filings on the board wait for, so each gets its own number. A board's
	 * first filing creates the row with the prefix {@link RequestNumber#prefixOf} derives, or the
	 * whole key when another board has that prefix already.
	 */
	public RequestNumber nextNumber(String boardKey) {
		return jdbc.sql("""
				INSERT INTO sa_request_counter (board_key, prefix, last_number)
				VALUES (:board, CASE WHEN EXISTS (SELECT 1 FROM sa_request_counter WHERE prefix = :prefix)
				  THEN :fallback ELSE :prefix END, 1)
				ON CONFLICT (board_key) DO UPDATE SET last_number = sa_request_counter.last_number + 1
				RETURNING prefix, last_number
				""").param("board", boardKey).param("prefix", RequestNumber.prefixOf(boardKey))
				.param("fallback", boardKey.replace("-", "").toUpperCase(java.util.Locale.ROOT))
				.query((rs, n) -> new RequestNumber(rs.getString("prefix"), rs.getInt("last_number"))).single();
	}

	public Optional<SaRequest> find(SaRequestId id) {
		return jdbc.sql("SELECT * FROM sa_request WHERE id = :id").param("id", id.value()).query(SaRequestSql::request).optional();
	}

	public record Filter(RequestStatus status, UUID circleId, String boardKey, UUID assigneeId, UUID requesterId,
			UUID opportunityId, String reference) {

		public Filter(RequestStatus status, UUID circleId, String boardKey, UUID assigneeId, UUID requesterId,
				UUID opportunityId) {
			this(status, circleId, boardKey, assigneeId, requesterId, opportunityId, null);
		}
	}

	public List<SaRequest> find(Filter filter, long offset, int limit) {
		return jdbc.sql("SELECT * FROM sa_request WHERE " + where(filter) + " ORDER BY " + LIST_ORDER
				+ " LIMIT :limit OFFSET :offset")
				.params(params(filter)).param("limit", limit).param("offset", offset).query(SaRequestSql::request).list();
	}

	/**
	 * The page after a cursor: the requests that come after {@code after} in the list's order
	 * (keyset pagination, an index range scan however deep the page).
	 */
	public List<SaRequest> findAfter(Filter filter, Cursor after, int limit) {
		var params = params(filter);
		params.put("limit", limit);
		if (after == null) {
			return jdbc.sql("SELECT * FROM sa_request WHERE " + where(filter) + " ORDER BY " + LIST_ORDER + " LIMIT :limit")
					.params(params).query(SaRequestSql::request).list();
		}
		params.put("afterCreated", SaRequestSql.ts(after.createdAt()));
		params.put("afterId", after.id());
		// (triage_due_at NULLS LAST, created_at, id) after the cursor's, as row comparisons an index
		// range answers: the rest of the due requests, then those without a due time
		if (after.triageDueAt() == null) {
			return jdbc.sql("SELECT * FROM sa_request WHERE " + where(filter)
					+ " AND triage_due_at IS NULL AND (created_at, id) > (:afterCreated, :afterId) ORDER BY " + LIST_ORDER
					+ " LIMIT :limit").params(params).query(SaRequestSql::request).list();
		}
		// every request without a due time comes after one with a due time
		var undue = "SELECT * FROM sa_request WHERE " + where(filter) + " AND triage_due_at IS NULL ORDER BY "
				+ LIST_ORDER + " LIMIT :limit";
		params.put("afterDue", SaRequestSql.ts(after.triageDueAt()));
		var due = "SELECT * FROM sa_request WHERE " + where(filter)
				+ " AND (triage_due_at, created_at, id) > (:afterDue, :afterCreated, :afterId) ORDER BY " + LIST_ORDER
				+ " LIMIT :limit";
		return jdbc.sql("SELECT * FROM ((" + due + ") UNION ALL (" + undue + ")) page ORDER BY " + LIST_ORDER
				+ " LIMIT :limit").params(params).query(SaRequestSql::request).list();
	}

	/** Where a page of the request list ended: the sort key of its last request. */
	public record Cursor(Instant triageDueAt, Instant createdAt, UUID id) {

		public static Cursor of(SaRequest request) {
			return new Cursor(request.triageDueAt(), request.createdAt(), request.id().value());
		}
	}

	/** The request list's order; {@code id} makes it total, so that a cursor names one place. */
	private static final String LIST_ORDER = "triage_due_at NULLS LAST, created_at, id";

	public long count(Filter filter) {
		return jdbc.sql("SELECT count(*) FROM sa_request WHERE " + where(filter)).params(params(filter))
				.query(Long.class).single();
	}

	/** Only the conditions a filter sets, so that the planner sees them and an index answers them. */
	private static String where(Filter filter) {
		var where = new StringBuilder("TRUE");
		if (filter.status() != null) {
			where.append(" AND status = :status");
		}
		if (filter.circleId() != null) {
			where.append(" AND circle_id = :circle");
		}
		if (filter.boardKey() != null) {
			where.append(" AND board_key = :board");
		}
		if (filter.assigneeId() != null) {
			where.append(" AND assignee_id = :assignee");
		}
		if (filter.requesterId() != null) {
			where.append(" AND requester_id = :requester");
		}
		if (filter.opportunityId() != null) {
			where.append(" AND opportunity_id = :opportunity");
		}
		if (filter.reference() != null) {
			where.append(" AND upper(reference) = upper(:reference)");
		}
		return where.toString();
	}

	private static java.util.Map<String, Object> params(Filter filter) {
		var params = new java.util.HashMap<String, Object>();
		params.put("status", filter.status() == null ? null : filter.status().name());
		params.put("circle", filter.circleId());
		params.put("board", filter.boardKey());
		params.put("assignee", filter.assigneeId());
		params.put("requester", filter.requesterId());
		params.put("opportunity", filter.opportunityId());
		params.put("reference", filter.reference() == null ? null : filter.reference().strip());
		return params;
	}

	public List<SaRequest> openFor(List<UUID> people) {
		if (people.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT * FROM sa_request WHERE %s
				  AND (assignee_id IN (:people) OR assist_id IN (:people))
				ORDER BY created_at
				""".formatted(SaRequestSql.OPEN)).param("people", people).query(SaRequestSql::request).list();
	}

	/**
	 * The circle's requests filed since {@code filedSince} that are open or were closed since
	 * {@code activeFrom}: the work that can count in a chart from then on, which grows with the
	 * circle's recent work and not with its history (each part is an index range: the circle's open
	 * states, the closed states by {@code closed_at}).
	 */
	public List<RequestActivity> activity(UUID circleId, Instant filedSince, Instant activeFrom) {
		var open = Arrays.stream(RequestStatus.values()).filter(RequestStatus::isOpen).map(Enum::name).toList();
		return jdbc.sql("""
				SELECT id, assignee_id, assist_id, triaged_at, engaged_at, closed_at FROM sa_request
				WHERE circle_id = :circle AND created_at >= :since AND status IN (:open)
				UNION ALL
				SELECT id, assignee_id, assist_id, triaged_at, engaged_at, closed_at FROM sa_request
				WHERE circle_id = :circle AND created_at >= :since AND status IN ('DONE', 'DECLINED')
				  AND closed_at >= :from
				""").param("circle", circleId).param("since", SaRequestSql.ts(filedSince)).param("open", open)
				.param("from", SaRequestSql.ts(activeFrom))
				.query((rs, n) -> new RequestActivity(rs.getObject("id", UUID.class), rs.getObject("assignee_id", UUID.class),
						rs.getObject("assist_id", UUID.class), SaRequestSql.instant(rs, "triaged_at"),
						SaRequestSql.instant(rs, "engaged_at"), SaRequestSql.instant(rs, "closed_at")))
				.list();
	}

	public List<SaRequest> filedSince(Collection<UUID> circleIds, Instant since) {
		if (circleIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT * FROM sa_request WHERE circle_id = ANY(:circles) AND created_at >= :since ORDER BY created_at")
				.param("circles", circleIds.toArray(UUID[]::new)).param("since", SaRequestSql.ts(since))
				.query(SaRequestSql::request).list();
	}

	/** Open requests with a clock that is due before {@code horizon}, for the alert scan. */
	public List<SaRequest> openWithClocksBefore(Instant horizon) {
		return jdbc.sql("""
				SELECT * FROM sa_request
				WHERE %s
				  AND (triage_due_at < :horizon OR sla_due_at < :horizon)
				""".formatted(SaRequestSql.CLOCKS_RUNNING)).param("horizon", SaRequestSql.ts(horizon)).query(SaRequestSql::request).list();
	}

	/** Records an alert; false when it was raised before. */
	public boolean recordAlert(SaRequestId requestId, SaRequestClockAlert.Kind kind, Instant at) {
		return jdbc.sql("""
				INSERT INTO sa_request_alert (request_id, kind, raised_at) VALUES (:id, :kind, :at)
				ON CONFLICT DO NOTHING
				""").param("id", requestId.value()).param("kind", kind.name()).param("at", SaRequestSql.ts(at)).update() == 1;
	}

	// thread -----------------------------------------------------------------------------------------

	public void insert(SaRequestId requestId, ThreadItems.Comment comment) {
		jdbc.sql("""
				INSERT INTO sa_request_comment (id, request_id, author_id, kind, body, created_at)
				VALUES (:id, :request, :author, :kind, :body, :at)
				""").param("id", comment.id()).param("request", requestId.value()).param("author", comment.authorId())
				.param("kind", comment.kind().name()).param("body", comment.body()).param("at", SaRequestSql.ts(comment.createdAt()))
				.update();
	}

	public List<ThreadItems.Comment> comments(SaRequestId requestId) {
		return jdbc.sql("SELECT * FROM sa_request_comment WHERE request_id = :id ORDER BY created_at, id")
				.param("id", requestId.value())
				.query((rs, n) -> new ThreadItems.Comment(rs.getObject("id", UUID.class), rs.getObject("author_id", UUID.class),
						ThreadItems.Comment.Kind.valueOf(rs.getString("kind")), rs.getString("body"),
						rs.getTimestamp("created_at").toInstant()))
				.list();
	}

	public void saveAnswers(SaRequestId requestId, ThreadItems.TriageAnswers answers) {
		jdbc.sql("""
				INSERT INTO sa_request_answers (request_id, command_plan_complete, understands_context, lead_time,
				  relatable_experience, note, answered_by, answered_at)
				VALUES (:id, :q1, :q2, :q3, :q4, :note, :by, :at)
				ON CONFLICT (request_id) DO UPDATE SET command_plan_complete = EXCLUDED.command_plan_complete,
				  understands_context = EXCLUDED.understands_context, lead_time = EXCLUDED.lead_time,
				  relatable_experience = EXCLUDED.relatable_experience, note = EXCLUDED.note,
				  answered_by = EXCLUDED.answered_by, answered_at = EXCLUDED.answered_at
				""").param("id", requestId.value()).param("q1", answers.commandPlanComplete())
				.param("q2", answers.understandsContext()).param("q3", answers.leadTime())
				.param("q4", answers.relatableExperience()).param("note", answers.note())
				.param("by", answers.answeredById()).param("at", SaRequestSql.ts(answers.answeredAt())).update();
	}

	public Optional<ThreadItems.TriageAnswers> answers(SaRequestId requestId) {
		return jdbc.sql("SELECT * FROM sa_request_answers WHERE request_id = :id").param("id", requestId.value())
				.query((rs, n) -> new ThreadItems.TriageAnswers(bool(rs, "command_plan_complete"),
						bool(rs, "understands_context"), bool(rs, "lead_time"), bool(rs, "relatable_experience"),
						rs.getString("note"), rs.getObject("answered_by", UUID.class), rs.getTimestamp("answered_at").toInstant()))
				.optional();
	}

	/** Saves the reviewer's review, replacing their earlier one; whether it is their first. */
	public boolean saveReview(SaRequestId requestId, ThreadItems.Review review) {
		// xmax is 0 on a row this statement inserted, and set on one it updated
		return jdbc.sql("""
				INSERT INTO sa_request_review (request_id, reviewer_id, verdict, note, created_at)
				VALUES (:id, :reviewer, :verdict, :note, :at)
				ON CONFLICT (request_id, reviewer_id) DO UPDATE SET verdict = EXCLUDED.verdict, note = EXCLUDED.note,
				  created_at = EXCLUDED.created_at
				RETURNING (xmax = 0) AS inserted
				""").param("id", requestId.value()).param("reviewer", review.reviewerId()).param("verdict", review.verdict().name())
				.param("note", review.note()).param("at", SaRequestSql.ts(review.createdAt())).query(Boolean.class).single();
	}

	public List<ThreadItems.Review> reviews(SaRequestId requestId) {
		return jdbc.sql("SELECT * FROM sa_request_review WHERE request_id = :id ORDER BY created_at").param("id", requestId.value())
				.query((rs, n) -> new ThreadItems.Review(rs.getObject("reviewer_id", UUID.class),
						ReviewVerdict.valueOf(rs.getString("verdict")), rs.getString("note"),
						rs.getTimestamp("created_at").toInstant()))
				.list();
	}

	public void saveWaiver(SaRequestId requestId, ThreadItems.Waiver waiver) {
		jdbc.sql("""
				INSERT INTO sa_request_waiver (request_id, waived_by, reason, created_at) VALUES (:id, :by, :reason, :at)
				ON CONFLICT (request_id) DO UPDATE SET waived_by = EXCLUDED.waived_by, reason = EXCLUDED.reason,
				  created_at = EXCLUDED.created_at
				""").param("id", requestId.value()).param("by", waiver.waivedById()).param("reason", waiver.reason())
				.param("at", SaRequestSql.ts(waiver.createdAt())).update();
	}

	public Optional<ThreadItems.Waiver> waiver(SaRequestId requestId) {
		return jdbc.sql("SELECT * FROM sa_request_waiver WHERE request_id = :id").param("id", requestId.value())
				.query((rs, n) -> new ThreadItems.Waiver(rs.getObject("waived_by", UUID.class), rs.getString("reason"),
						rs.getTimestamp("created_at").toInstant()))
				.optional();
	}

	public void insert(SaRequestId requestId, ThreadItems.Approval approval) {
		jdbc.sql("""
				INSERT INTO sa_request_approval (request_id, role, approver_id, decision, reason, created_at)
				VALUES (:id, :role, :approver, :decision, :reason, :at)
				""").param("id", requestId.value()).param("role", approval.role().name()).param("approver", approval.approverId())
				.param("decision", approval.decision().name()).param("reason", approval.reason())
				.param("at", SaRequestSql.ts(approval.createdAt())).update();
	}

	public List<ThreadItems.Approval> approvals(SaRequestId requestId) {
		return jdbc.sql("SELECT * FROM sa_request_approval WHERE request_id = :id ORDER BY created_at").param("id", requestId.value())
				.query((rs, n) -> new ThreadItems.Approval(rs.getObject("approver_id", UUID.class),
						Role.valueOf(rs.getString("role")), ApprovalDecision.valueOf(rs.getString("decision")),
						rs.getString("reason"), rs.getTimestamp("created_at").toInstant()))
				.list();
	}

	/** A request with its whole thread and its board's stored SLA policy, if any. */
	public record Loaded(SaRequest request, Engagement.RequestThread thread, Optional<SlaPolicy> policy) {
	}

	/**
	 * A request, its thread (comments, the 4 answers, reviews, waiver, approvals) and its board's
	 * SLA policy in one statement: what the request page and an assignment read.
	 */
	public Optional<Loaded> findWithThread(SaRequestId id) {
		return jdbc.sql("""
				SELECT r.*,
				  (SELECT json_agg(json_build_object('id', c.id, 'authorId', c.author_id, 'kind', c.kind, 'body', c.body,
				          'createdAt', c.created_at) ORDER BY c.created_at, c.id)
				     FROM sa_request_comment c WHERE c.request_id = r.id) AS thread_comments,
				  (SELECT json_build_object('q1', a.command_plan_complete, 'q2', a.understands_context, 'q3', a.lead_time,
				          'q4', a.relatable_experience, 'note', a.note, 'by', a.answered_by, 'at', a.answered_at)
				     FROM sa_request_answers a WHERE a.request_id = r.id) AS thread_answers,
				  (SELECT json_agg(json_build_object('by', v.reviewer_id, 'verdict', v.verdict, 'note', v.note,
				          'at', v.created_at) ORDER BY v.created_at)
				     FROM sa_request_review v WHERE v.request_id = r.id) AS thread_reviews,
				  (SELECT json_build_object('by', w.waived_by, 'reason', w.reason, 'at', w.created_at)
				     FROM sa_request_waiver w WHERE w.request_id = r.id) AS thread_waiver,
				  (SELECT json_agg(json_build_object('by', p.approver_id, 'role', p.role, 'decision', p.decision,
				          'reason', p.reason, 'at', p.created_at) ORDER BY p.created_at)
				     FROM sa_request_approval p WHERE p.request_id = r.id) AS thread_approvals,
				  (SELECT json_build_object('triageDays', s.triage_days, 'activityDays', s.activity_days,
				          'expediteMinutes', s.expedite_minutes, 'bufferMinutes', s.preparation_buffer_minutes,
				          'dueSoonMinutes', s.due_soon_minutes, 'basis', s.time_basis, 'version', s.version)
				     FROM sla_policy s WHERE s.board_key = r.board_key) AS board_sla_policy
				FROM sa_request r WHERE r.id = :id
				""").param("id", id.value()).query((rs, n) -> {
			var request = SaRequestSql.request(rs, n);
			var comments = new java.util.ArrayList<ThreadItems.Comment>();
			for (var c : array(rs.getString("thread_comments"))) {
				comments.add(new ThreadItems.Comment(uuid(c, "id"), uuid(c, "authorId"),
						ThreadItems.Comment.Kind.valueOf(c.path("kind").asString()), text(c, "body"), at(c, "createdAt")));
			}
			ThreadItems.TriageAnswers answers = null;
			var a = object(rs.getString("thread_answers"));
			if (a != null) {
				answers = new ThreadItems.TriageAnswers(bool(a, "q1"), bool(a, "q2"), bool(a, "q3"), bool(a, "q4"),
						text(a, "note"), uuid(a, "by"), at(a, "at"));
			}
			var reviews = new java.util.ArrayList<ThreadItems.Review>();
			for (var v : array(rs.getString("thread_reviews"))) {
				reviews.add(new ThreadItems.Review(uuid(v, "by"), ReviewVerdict.valueOf(v.path("verdict").asString()),
						text(v, "note"), at(v, "at")));
			}
			ThreadItems.Waiver waiver = null;
			var w = object(rs.getString("thread_waiver"));
			if (w != null) {
				waiver = new ThreadItems.Waiver(uuid(w, "by"), text(w, "reason"), at(w, "at"));
			}
			var approvals = new java.util.ArrayList<ThreadItems.Approval>();
			for (var p : array(rs.getString("thread_approvals"))) {
				approvals.add(new ThreadItems.Approval(uuid(p, "by"), Role.valueOf(p.path("role").asString()),
						ApprovalDecision.valueOf(p.path("decision").asString()), text(p, "reason"), at(p, "at")));
			}
			var s = object(rs.getString("board_sla_policy"));
			var policy = s == null ? Optional.<SlaPolicy>empty() : Optional.of(new SlaPolicy(request.boardKey(),
					s.path("triageDays").asInt(), s.path("activityDays").asInt(),
					Duration.ofMinutes(s.path("expediteMinutes").asInt()), Duration.ofMinutes(s.path("bufferMinutes").asInt()),
					Duration.ofMinutes(s.path("dueSoonMinutes").asInt()), TimeBasis.valueOf(s.path("basis").asString()),
					s.path("version").asInt()));
			return new Loaded(request, new Engagement.RequestThread(List.copyOf(comments), answers, List.copyOf(reviews),
					waiver, List.copyOf(approvals)), policy);
		}).optional();
	}

	private List<tools.jackson.databind.JsonNode> array(String value) {
		if (value == null) {
			return List.of();
		}
		var nodes = new java.util.ArrayList<tools.jackson.databind.JsonNode>();
		json.readTree(value).forEach(nodes::add);
		return nodes;
	}

	private tools.jackson.databind.JsonNode object(String value) {
		return value == null ? null : json.readTree(value);
	}

	private static UUID uuid(tools.jackson.databind.JsonNode node, String field) {
		var value = node.get(field);
		return value == null || value.isNull() ? null : UUID.fromString(value.asString());
	}

	private static String text(tools.jackson.databind.JsonNode node, String field) {
		var value = node.get(field);
		return value == null || value.isNull() ? null : value.asString();
	}

	private static Boolean bool(tools.jackson.databind.JsonNode node, String field) {
		var value = node.get(field);
		return value == null || value.isNull() ? null : value.asBoolean();
	}

	/** A timestamptz as json_build_object writes it (ISO 8601 with the session's offset). */
	private static Instant at(tools.jackson.databind.JsonNode node, String field) {
		var value = text(node, field);
		return value == null ? null : java.time.OffsetDateTime.parse(value).toInstant();
	}

	// SLA policies -----------------------------------------------------------------------------------

	public Optional<SlaPolicy> slaPolicy(String boardKey) {
		return jdbc.sql("SELECT * FROM sla_policy WHERE board_key = :board").param("board", boardKey)
				.query((rs, n) -> new SlaPolicy(rs.getString("board_key"), rs.getInt("triage_days"), rs.getInt("activity_days"),
						Duration.ofMinutes(rs.getInt("expedite_minutes")), Duration.ofMinutes(rs.getInt("preparation_buffer_minutes")),
						Duration.ofMinutes(rs.getInt("due_soon_minutes")), TimeBasis.valueOf(rs.getString("time_basis")),
						rs.getInt("version")))
				.optional();
	}

	/** Creates or updates a board's policy if its version is {@code expectedVersion} (0 when none is stored). */
	public boolean saveSlaPolicy(SlaPolicy policy, int expectedVersion) {
		return jdbc.sql("""
				INSERT INTO sla_policy (board_key, triage_days, activity_days, expedite_minutes, preparation_buffer_minutes,
				  due_soon_minutes, time_basis, version)
				VALUES (:board, :triage, :activity, :expedite, :buffer, :soon, :basis, 1)
				ON CONFLICT (board_key) DO UPDATE SET triage_days = EXCLUDED.triage_days, time_basis = EXCLUDED.time_basis,
				  activity_days = EXCLUDED.activity_days, expedite_minutes = EXCLUDED.expedite_minutes,
				  preparation_buffer_minutes = EXCLUDED.preparation_buffer_minutes,
				  due_soon_minutes = EXCLUDED.due_soon_minutes, version = sla_policy.version + 1
				WHERE sla_policy.version = :expected
				""").param("board", policy.boardKey()).param("triage", policy.triageDays())
				.param("activity", policy.activityDays()).param("expedite", (int) policy.expediteTime().toMinutes())
				.param("buffer", (int) policy.preparationBuffer().toMinutes())
				.param("soon", (int) policy.dueSoonWithin().toMinutes()).param("basis", policy.basis().name())
				.param("expected", expectedVersion).update() == 1;
	}

	// mapping ----------------------------------------------------------------------------------------

	private static Boolean bool(ResultSet rs, String column) throws SQLException {
		var value = rs.getBoolean(column);
		return rs.wasNull() ? null : value;
	}
}
