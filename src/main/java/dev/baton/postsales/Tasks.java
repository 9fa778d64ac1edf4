package dev.baton.postsales;

import java.sql.ResultSet;
import java.sql.SQLException;
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
import dev.baton.organisation.CallContext;
import dev.baton.organisation.PersonId;
import dev.baton.pipeline.OpportunityId;
import dev.baton.platform.BatonException;
import dev.baton.platform.ProblemType;
import dev.baton.postsales.domain.PostSalesPolicies;

/**
 * Each person's post-sales task list. A task is created once per kind, opportunity and person
 * (a unique key, so a redelivered event adds nothing) and completed once.
 */
@Service
public class Tasks {

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

	/** A person's tasks, open first, for themselves or for those who may read them. */
	@Transactional(readOnly = true)
	public List<PostSalesTask> of(PersonId assignee, boolean openOnly, CallContext caller) {
		var assigneeId = assignee.value();
		PostSalesPolicies.mayReadTasksOf(assigneeId, caller).orThrow(ProblemType.NOT_PERMITTED);
		return jdbc.sql("""
				SELECT * FROM governance_task WHERE assignee_id = :assignee AND (NOT :open OR completed_at IS NULL)
				ORDER BY completed_at NULLS FIRST, due_date NULLS FIRST, created_at
				""").param("assignee", assigneeId).param("open", openOnly).query(Tasks::map).list();
	}

	@Transactional(readOnly = true)
	public List<PostSalesTask> onOpportunity(OpportunityId opportunityId) {
		return jdbc.sql("SELECT * FROM governance_task WHERE opportunity_id = :o ORDER BY created_at, kind")
				.param("o", opportunityId.value()).query(Tasks::map).list();
	}

	@Transactional
	public PostSalesTask complete(TaskId id, CallContext caller) {
		var task = jdbc.sql("SELECT * FROM governance_task WHERE id = :id FOR UPDATE").param("id", id.value())
				.query(Tasks::map).optional().orElseThrow(() -> BatonException.notFound("Task", id.value()));
		var decision = PostSalesPolicies.mayComplete(task, caller);
		decision.orThrow(decision.refuses(PostSalesRule.COMPLETE_OWN_TASK) ? ProblemType.NOT_PERMITTED
				: PostSalesProblems.TASK_DONE);
		jdbc.sql("UPDATE governance_task SET completed_at = :at, completed_by = :by WHERE id = :id")
				.param("at", Timestamp.from(clock.instant())).param("by", caller.username()).param("id", id.value())
				.update();
		audit.record("task.completed", "governance-task", id.value(), null, Map.of("kind", task.kind().name()));
		return jdbc.sql("SELECT * FROM governance_task WHERE id = :id").param("id", id.value()).query(Tasks::map)
				.single();
	}

	private static PostSalesTask map(ResultSet rs, int row) throws SQLException {
		var completed = rs.getTimestamp("completed_at");
		return new PostSalesTask(rs.getObject("id", UUID.class), TaskKind.valueOf(rs.getString("kind")),
				rs.getObject("opportunity_id", UUID.class), rs.getObject("assignee_id", UUID.class),
				rs.getString("title"), rs.getObject("due_date", LocalDate.class),
				rs.getObject("latest_date", LocalDate.class), completed == null ? null : completed.toInstant(),
				rs.getString("completed_by"), rs.getTimestamp("created_at").toInstant());
	}
}
