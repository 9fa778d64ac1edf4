package dev.baton.governance;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.baton.audit.AuditLog;
import dev.baton.identity.Role;
import dev.baton.platform.BatonException;

/**
 * Each person's post-sales task list. A task is created once per kind, opportunity and person
 * (a unique key, so a redelivered event adds nothing) and completed once.
 */
@Service
class Tasks {

	private final JdbcClient jdbc;
	private final AuditLog audit;
	private final Clock clock;

	Tasks(JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** Creates the task unless the person already has one of this kind on the opportunity; true when created. */
	@Transactional
	boolean create(TaskKind kind, UUID opportunityId, UUID assigneeId, String title, LocalDate dueDate,
			LocalDate latestDate, String why) {
		var id = UUID.randomUUID();
		var created = jdbc.sql("""
				INSERT INTO governance_task (id, kind, opportunity_id, assignee_id, title, due_date, latest_date, created_at)
				VALUES (:id, :kind, :opportunity, :assignee, :title, :due, :latest, :at)
				ON CONFLICT (kind, opportunity_id, assignee_id) DO NOTHING
				""").param("id", id).param("kind", kind.name()).param("opportunity", opportunityId)
				.param("assignee", assigneeId).param("title", title).param("due", dueDate).param("latest", latestDate)
				.param("at", Timestamp.from(clock.instant())).update() == 1;
		if (created) {
			audit.record("task.created", "governance-task", id, why, Map.of("kind", kind.name(), "opportunity",
					opportunityId.toString(), "assignee", assigneeId.toString()));
		}
		return created;
	}

	@Transactional(readOnly = true)
	List<GovernanceTask> of(UUID assigneeId, boolean openOnly) {
		return jdbc.sql("""
				SELECT * FROM governance_task WHERE assignee_id = :assignee AND (NOT :open OR completed_at IS NULL)
				ORDER BY completed_at NULLS FIRST, due_date NULLS FIRST, created_at
				""").param("assignee", assigneeId).param("open", openOnly).query(Tasks::map).list();
	}

	@Transactional(readOnly = true)
	List<GovernanceTask> onOpportunity(UUID opportunityId) {
		return jdbc.sql("SELECT * FROM governance_task WHERE opportunity_id = :o ORDER BY created_at, kind")
				.param("o", opportunityId).query(Tasks::map).list();
	}

	@Transactional
	GovernanceTask complete(UUID id, Caller caller) {
		var task = jdbc.sql("SELECT * FROM governance_task WHERE id = :id FOR UPDATE").param("id", id)
				.query(Tasks::map).optional().orElseThrow(() -> BatonException.notFound("Task", id));
		var own = caller.person() != null && caller.person().id().equals(task.assigneeId());
		if (!own && !caller.has(Role.ADMIN)) {
			throw new BatonException(GovernanceProblems.NOT_PERMITTED, "Only the person a task is for completes it");
		}
		if (task.done()) {
			throw new BatonException(GovernanceProblems.TASK_DONE, "The task was completed by " + task.completedBy()
					+ " at " + task.completedAt());
		}
		jdbc.sql("UPDATE governance_task SET completed_at = :at, completed_by = :by WHERE id = :id")
				.param("at", Timestamp.from(clock.instant())).param("by", caller.username()).param("id", id).update();
		audit.record("task.completed", "governance-task", id, null, Map.of("kind", task.kind().name()));
		return jdbc.sql("SELECT * FROM governance_task WHERE id = :id").param("id", id).query(Tasks::map).single();
	}

	private static GovernanceTask map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		var completed = rs.getTimestamp("completed_at");
		return new GovernanceTask(rs.getObject("id", UUID.class), TaskKind.valueOf(rs.getString("kind")),
				rs.getObject("opportunity_id", UUID.class), rs.getObject("assignee_id", UUID.class),
				rs.getString("title"), rs.getObject("due_date", LocalDate.class),
				rs.getObject("latest_date", LocalDate.class), completed == null ? null : completed.toInstant(),
				rs.getString("completed_by"), rs.getTimestamp("created_at").toInstant());
	}
}
