package dev.baton.onsite.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.baton.onsite.OnsiteSpend;
import dev.baton.onsite.OnsiteStatus;
import dev.baton.onsite.domain.OnsiteRequest;
import dev.baton.platform.Money;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * On-site requests in PostgreSQL; lists are JSON documents. Updates check the version.
 */
@Repository
public class OnsiteRepository {

	private final JdbcClient jdbc;
	private final JsonMapper json = JsonMapper.builder().build();

	OnsiteRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(OnsiteRequest r) {
		bind(jdbc.sql("""
				INSERT INTO onsite_request (id, opportunity_id, requester_id, status, cost_amount, cost_currency,
				    attendee_ids, engagement_summary, stakeholders, proposed_dates, first_date, agenda,
				    outstanding_activities, customer_agreed_agenda, budgeted_initiative, sa_manager_id,
				    sa_manager_approved_at, asm_id, asm_approved_at, rejected_by, rejection_reason, decided_at, csm_id,
				    version, created_at, updated_at)
				VALUES (:id, :opportunity, :requester, :status, :amount, :currency, CAST(:attendees AS jsonb), :summary,
				    CAST(:stakeholders AS jsonb), CAST(:dates AS jsonb), :firstDate, CAST(:agenda AS jsonb), :outstanding,
				    :agreed, :budgeted, :saManager, :saManagerAt, :asm, :asmAt, :rejectedBy, :rejectionReason,
				    :decidedAt, :csm, 0, :createdAt, :updatedAt)
				"""), r).param("createdAt", Timestamp.from(r.createdAt())).update();
	}

	/** Writes the changes if the stored version is still the request's; false when someone else changed it. */
	public boolean update(OnsiteRequest r) {
		return bind(jdbc.sql("""
				UPDATE onsite_request SET status = :status, proposed_dates = CAST(:dates AS jsonb), first_date = :firstDate,
				    agenda = CAST(:agenda AS jsonb), sa_manager_id = :saManager, sa_manager_approved_at = :saManagerAt,
				    asm_id = :asm, asm_approved_at = :asmAt, rejected_by = :rejectedBy, rejection_reason = :rejectionReason,
				    decided_at = :decidedAt, csm_id = :csm, version = version + 1, updated_at = :updatedAt
				WHERE id = :id AND version = :version
				"""), r).param("version", r.version()).update() == 1;
	}

	private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, OnsiteRequest r) {
		var params = new java.util.HashMap<String, Object>();
		params.put("id", r.id());
		params.put("opportunity", r.opportunityId());
		params.put("requester", r.requesterId());
		params.put("status", r.status().name());
		params.put("amount", r.estimatedCost().amount());
		params.put("currency", r.estimatedCost().currency().getCurrencyCode());
		params.put("attendees", json.writeValueAsString(r.attendeeIds()));
		params.put("summary", r.engagementSummary());
		params.put("stakeholders", json.writeValueAsString(r.stakeholders()));
		params.put("dates", json.writeValueAsString(r.proposedDates().stream().map(LocalDate::toString).toList()));
		params.put("firstDate", r.proposedDates().stream().min(LocalDate::compareTo).orElseThrow());
		params.put("agenda", json.writeValueAsString(r.agenda().stream()
				.map(a -> java.util.Map.of("day", a.day().toString(), "plan", a.plan())).toList()));
		params.put("outstanding", r.outstandingActivities());
		params.put("agreed", r.customerAgreedAgenda());
		params.put("budgeted", r.budgetedInitiative());
		params.put("saManager", r.saManagerId());
		params.put("saManagerAt", ts(r.saManagerApprovedAt()));
		params.put("asm", r.asmId());
		params.put("asmAt", ts(r.asmApprovedAt()));
		params.put("rejectedBy", r.rejectedBy());
		params.put("rejectionReason", r.rejectionReason());
		params.put("decidedAt", ts(r.decidedAt()));
		params.put("csm", r.csmId());
		params.put("updatedAt", ts(r.updatedAt()));
		var bound = spec;
		for (var e : params.entrySet()) {
			bound = bound.param(e.getKey(), e.getValue());
		}
		return bound;
	}

	private static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	public Optional<OnsiteRequest> find(UUID id) {
		return jdbc.sql("SELECT * FROM onsite_request WHERE id = :id").param("id", id).query(this::map).optional();
	}

	public List<OnsiteRequest> list(OnsiteStatus status, UUID opportunityId, long offset, int limit) {
		return jdbc.sql("""
				SELECT * FROM onsite_request
				WHERE (CAST(:status AS text) IS NULL OR status = :status)
				  AND (CAST(:opportunity AS uuid) IS NULL OR opportunity_id = :opportunity)
				ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset
				""").param("status", status == null ? null : status.name()).param("opportunity", opportunityId)
				.param("limit", limit).param("offset", offset).query(this::map).list();
	}

	public long count(OnsiteStatus status, UUID opportunityId) {
		return jdbc.sql("""
				SELECT count(*) FROM onsite_request
				WHERE (CAST(:status AS text) IS NULL OR status = :status)
				  AND (CAST(:opportunity AS uuid) IS NULL OR opportunity_id = :opportunity)
				""").param("status", status == null ? null : status.name()).param("opportunity", opportunityId)
				.query(Long.class).single();
	}

	/** Approved estimated travel and lodging cost per quarter of the first on-site day and currency. */
	public List<OnsiteSpend> approvedSpend(LocalDate from, LocalDate to) {
		return jdbc.sql("""
				SELECT to_char(first_date, 'YYYY-"Q"Q') AS quarter, cost_currency, sum(cost_amount) AS amount, count(*) AS n
				FROM onsite_request
				WHERE status = 'APPROVED' AND first_date >= :from AND first_date < :to
				GROUP BY 1, 2 ORDER BY 1, 2
				""").param("from", from).param("to", to)
				.query((rs, n) -> new OnsiteSpend(rs.getString("quarter"), rs.getString("cost_currency").strip(),
						rs.getBigDecimal("amount"), rs.getLong("n")))
				.list();
	}

	private OnsiteRequest map(ResultSet rs, int row) throws SQLException {
		List<String> attendees = json.readValue(rs.getString("attendee_ids"), new TypeReference<List<String>>() {
		});
		List<OnsiteRequest.Stakeholder> stakeholders = json.readValue(rs.getString("stakeholders"),
				new TypeReference<List<OnsiteRequest.Stakeholder>>() {
				});
		List<String> dates = json.readValue(rs.getString("proposed_dates"), new TypeReference<List<String>>() {
		});
		List<java.util.Map<String, String>> agenda = json.readValue(rs.getString("agenda"),
				new TypeReference<List<java.util.Map<String, String>>>() {
				});
		var agendaDays = new ArrayList<OnsiteRequest.AgendaDay>();
		agenda.forEach(a -> agendaDays.add(new OnsiteRequest.AgendaDay(LocalDate.parse(a.get("day")), a.get("plan"))));
		return OnsiteRequest.restore(rs.getObject("id", UUID.class), rs.getObject("opportunity_id", UUID.class),
				rs.getObject("requester_id", UUID.class), OnsiteStatus.valueOf(rs.getString("status")),
				Money.of(rs.getBigDecimal("cost_amount"), rs.getString("cost_currency").strip()),
				attendees.stream().map(UUID::fromString).toList(), rs.getString("engagement_summary"), stakeholders,
				dates.stream().map(LocalDate::parse).toList(), agendaDays, rs.getString("outstanding_activities"),
				rs.getBoolean("customer_agreed_agenda"), rs.getBoolean("budgeted_initiative"),
				rs.getObject("sa_manager_id", UUID.class), instant(rs, "sa_manager_approved_at"),
				rs.getObject("asm_id", UUID.class), instant(rs, "asm_approved_at"),
				rs.getObject("rejected_by", UUID.class), rs.getString("rejection_reason"), instant(rs, "decided_at"),
				rs.getObject("csm_id", UUID.class), rs.getInt("version"), instant(rs, "created_at"),
				instant(rs, "updated_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		var ts = rs.getTimestamp(column);
		return ts == null ? null : ts.toInstant();
	}
}
