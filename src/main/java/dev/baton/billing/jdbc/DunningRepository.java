package dev.baton.billing.jdbc;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.baton.billing.DunningStepTaken;
import dev.baton.billing.InvoiceId;

/**
 * The dunning of unpaid invoices in PostgreSQL: one row per invoice in dunning (started once, by
 * its primary key) and its planned steps, each taken once: a step is claimed with a row lock that
 * skips locked rows and marked taken in the same transaction as what it did.
 */
@Repository
public class DunningRepository {

	private final JdbcClient jdbc;

	DunningRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An invoice's dunning. */
	public record State(InvoiceId invoiceId, LocalDate startedOn, String cause, boolean suspended, Instant endedAt,
			String endedWhy, List<Step> steps) {
	}

	/** A planned step and, once taken, when and with what outcome. */
	public record Step(int position, DunningStepTaken.Action action, LocalDate dueOn, Instant takenAt, String outcome) {
	}

	/** A step due, claimed for this transaction. */
	public record Due(InvoiceId invoiceId, int position, DunningStepTaken.Action action, LocalDate dueOn) {
	}

	/** Starts an invoice's dunning with its planned steps; false when it was started already. */
	public boolean start(InvoiceId invoice, LocalDate on, String cause, List<Step> plan) {
		var started = jdbc.sql("""
				INSERT INTO invoice_dunning (invoice_id, started_on, cause) VALUES (:invoice, :on, :cause)
				ON CONFLICT (invoice_id) DO NOTHING""").param("invoice", invoice.value()).param("on", on)
				.param("cause", cause).update() == 1;
		if (!started) {
			return false;
		}
		for (var step : plan) {
			jdbc.sql("""
					INSERT INTO dunning_step (invoice_id, position, action, due_on, taken_at, outcome)
					VALUES (:invoice, :position, :action, :dueOn, :takenAt, :outcome)""")
					.param("invoice", invoice.value()).param("position", step.position())
					.param("action", step.action().name()).param("dueOn", step.dueOn())
					.param("takenAt", step.takenAt() == null ? null : Timestamp.from(step.takenAt()))
					.param("outcome", step.outcome()).update();
		}
		return true;
	}

	/** Open invoices whose due day passed before {@code today} and that are not in dunning yet. */
	public List<InvoiceId> pastDueNotInDunning(LocalDate today, int limit) {
		return jdbc.sql("""
				SELECT i.id FROM invoice i
				WHERE i.status = 'OPEN' AND i.due_on < :today
				  AND NOT EXISTS (SELECT 1 FROM invoice_dunning d WHERE d.invoice_id = i.id)
				ORDER BY i.due_on, i.id LIMIT :limit""").param("today", today).param("limit", limit)
				.query((rs, n) -> InvoiceId.of(rs.getObject(1, UUID.class))).list();
	}

	/**
	 * Claims the next step due of one invoice in dunning, skipping invoices another instance is
	 * working on: the earliest untaken step due by {@code today}.
	 */
	public Optional<Due> claimDue(LocalDate today, List<UUID> skip) {
		return jdbc.sql("""
				SELECT s.invoice_id, s.position, s.action, s.due_on FROM dunning_step s
				JOIN invoice_dunning d ON d.invoice_id = s.invoice_id
				WHERE s.taken_at IS NULL AND s.due_on <= :today AND d.ended_at IS NULL
				  AND NOT (s.invoice_id = ANY (:skip))
				ORDER BY s.due_on, s.invoice_id, s.position
				LIMIT 1 FOR UPDATE OF s SKIP LOCKED""").param("today", today)
				.param("skip", skip.toArray(new UUID[0]))
				.query((rs, n) -> new Due(InvoiceId.of(rs.getObject(1, UUID.class)), rs.getInt(2),
						DunningStepTaken.Action.valueOf(rs.getString(3)), rs.getObject(4, LocalDate.class)))
				.optional();
	}

	/** Whether a later step of the invoice is also due by {@code today} (then this one is passed over). */
	public boolean laterStepDue(InvoiceId invoice, int position, LocalDate today) {
		return jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM dunning_step WHERE invoice_id = :invoice AND position > :position
				  AND taken_at IS NULL AND due_on <= :today)""").param("invoice", invoice.value())
				.param("position", position).param("today", today).query(Boolean.class).single();
	}

	public void taken(InvoiceId invoice, int position, String outcome, Instant at) {
		var updated = jdbc.sql("""
				UPDATE dunning_step SET taken_at = :at, outcome = :outcome
				WHERE invoice_id = :invoice AND position = :position AND taken_at IS NULL""")
				.param("invoice", invoice.value()).param("position", position).param("outcome", outcome)
				.param("at", Timestamp.from(at)).update();
		if (updated != 1) {
			throw new IllegalStateException("Dunning step " + position + " of invoice " + invoice + " was taken already");
		}
	}

	/** Whether the invoice's dunning has ended (read after locking the invoice, which every ending holds). */
	public boolean ended(InvoiceId invoice) {
		return jdbc.sql("SELECT ended_at IS NOT NULL FROM invoice_dunning WHERE invoice_id = :invoice")
				.param("invoice", invoice.value()).query(Boolean.class).optional().orElse(true);
	}

	public void suspended(InvoiceId invoice) {
		jdbc.sql("UPDATE invoice_dunning SET suspended = true WHERE invoice_id = :invoice")
				.param("invoice", invoice.value()).update();
	}

	/** Ends an invoice's dunning; answers whether it had suspended the subscriptions (then they resume). */
	public Optional<Boolean> end(InvoiceId invoice, String why, Instant at) {
		return jdbc.sql("""
				UPDATE invoice_dunning SET ended_at = :at, ended_why = :why
				WHERE invoice_id = :invoice AND ended_at IS NULL RETURNING suspended""")
				.param("invoice", invoice.value()).param("why", why).param("at", Timestamp.from(at))
				.query(Boolean.class).optional();
	}

	public Optional<State> state(InvoiceId invoice) {
		var steps = jdbc.sql("""
				SELECT position, action, due_on, taken_at, outcome FROM dunning_step WHERE invoice_id = :invoice
				ORDER BY position""").param("invoice", invoice.value())
				.query((rs, n) -> {
					var taken = rs.getTimestamp(4);
					return new Step(rs.getInt(1), DunningStepTaken.Action.valueOf(rs.getString(2)),
							rs.getObject(3, LocalDate.class), taken == null ? null : taken.toInstant(), rs.getString(5));
				}).list();
		return jdbc.sql("SELECT * FROM invoice_dunning WHERE invoice_id = :invoice").param("invoice", invoice.value())
				.query((rs, n) -> {
					var ended = rs.getTimestamp("ended_at");
					return new State(invoice, rs.getObject("started_on", LocalDate.class), rs.getString("cause"),
							rs.getBoolean("suspended"), ended == null ? null : ended.toInstant(), rs.getString("ended_why"),
							steps);
				}).optional();
	}
}
