package dev.baton.quoting.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.baton.quoting.Quote;
import dev.baton.quoting.QuoteId;
import dev.baton.quoting.QuoteLine;
import dev.baton.quoting.QuoteStatus;
import dev.baton.subscription.Parties;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Quote revisions in PostgreSQL. A status change names the status and version it read, so two
 * people acting on one quote at once give one winner.
 */
@Repository
public class QuoteRepository {

	private static final TypeReference<List<QuoteLine>> LINES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final JsonMapper json = JsonMapper.builder().build();

	QuoteRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public String nextNumber() {
		return "Q-" + String.format("%06d", jdbc.sql("SELECT nextval('quote_number_seq')").query(Long.class).single());
	}

	public void insert(Quote quote, Instant at) {
		jdbc.sql("""
				INSERT INTO quote (id, number, revision, opportunity_id, owner_account_id, invoice_owner_account_id,
				  distributor_account_id, currency, term_months, lines, status, expires_on, approvals_needed, approvals,
				  prepared_by, version, created_at)
				VALUES (:id, :number, :revision, :opportunity, :owner, :invoiceOwner, :distributor, :currency, :term,
				  CAST(:lines AS jsonb), :status, :expires, :needed, :approvals, :by, 0, :at)""")
				.param("id", quote.id().value()).param("number", quote.number()).param("revision", quote.revision())
				.param("opportunity", quote.opportunityId()).param("owner", quote.parties().ownerAccountId())
				.param("invoiceOwner", quote.parties().invoiceOwnerAccountId())
				.param("distributor", quote.parties().distributorAccountId()).param("currency", quote.currency())
				.param("term", quote.termMonths()).param("lines", json.writeValueAsString(quote.lines()))
				.param("status", quote.status().name()).param("expires", quote.expiresOn())
				.param("needed", quote.approvalsNeeded().toArray(String[]::new))
				.param("approvals", quote.approvals().toArray(String[]::new)).param("by", quote.preparedBy())
				.param("at", Timestamp.from(at)).update();
	}

	public Optional<Quote> find(QuoteId id) {
		return jdbc.sql("SELECT * FROM quote WHERE id = :id").param("id", id.value()).query(this::quote).optional();
	}

	/** Every revision of every quote of an opportunity, newest first. */
	public List<Quote> ofOpportunity(UUID opportunityId) {
		return jdbc.sql("SELECT * FROM quote WHERE opportunity_id = :id ORDER BY number DESC, revision DESC")
				.param("id", opportunityId).query(this::quote).list();
	}

	/**
	 * The newest revision of each quote an account is invoiced for that was sent to it (approved,
	 * accepted or ordered), newest first.
	 */
	public List<Quote> sentTo(UUID accountId) {
		return jdbc.sql("""
				SELECT DISTINCT ON (number) * FROM quote
				WHERE invoice_owner_account_id = :account AND status IN ('APPROVED', 'ACCEPTED', 'ORDERED')
				ORDER BY number DESC, revision DESC""").param("account", accountId).query(this::quote).list();
	}

	/**
	 * The newest quotes in one status (every live status when null; superseded revisions are never
	 * listed), newest first: an index answers it, however many quotes there are.
	 */
	public List<Quote> latest(QuoteStatus status, int limit) {
		var where = status == null ? "status <> 'SUPERSEDED'" : "status = :status";
		var query = jdbc.sql("SELECT * FROM quote WHERE " + where + " ORDER BY created_at DESC, number DESC LIMIT :limit")
				.param("limit", limit);
		if (status != null) {
			query = query.param("status", status.name());
		}
		return query.query(this::quote).list();
	}

	/** Every revision of one quote, newest first. */
	public List<Quote> revisions(String number) {
		return jdbc.sql("SELECT * FROM quote WHERE number = :number ORDER BY revision DESC").param("number", number)
				.query(this::quote).list();
	}

	public int latestRevision(String number) {
		return jdbc.sql("SELECT max(revision) FROM quote WHERE number = :number").param("number", number)
				.query(Integer.class).single();
	}

	/** Moves a revision from the status and version it was read at; false if someone moved it first. */
	public boolean move(Quote from, QuoteStatus to, List<String> approvals, String acceptedBy, Instant acceptedAt,
			UUID orderId) {
		return jdbc.sql("""
				UPDATE quote SET status = :to, approvals = :approvals, accepted_by = coalesce(:acceptedBy, accepted_by),
				  accepted_at = coalesce(:acceptedAt, accepted_at), order_id = coalesce(:order, order_id),
				  version = version + 1
				WHERE id = :id AND status = :from AND version = :version""")
				.param("to", to.name()).param("approvals", approvals.toArray(String[]::new))
				.param("acceptedBy", acceptedBy)
				.param("acceptedAt", acceptedAt == null ? null : Timestamp.from(acceptedAt)).param("order", orderId)
				.param("id", from.id().value()).param("from", from.status().name()).param("version", from.version())
				.update() == 1;
	}

	private Quote quote(ResultSet rs, int row) throws SQLException {
		var accepted = rs.getTimestamp("accepted_at");
		return new Quote(QuoteId.of(rs.getObject("id", UUID.class)), rs.getString("number"), rs.getInt("revision"),
				rs.getObject("opportunity_id", UUID.class),
				new Parties(rs.getObject("owner_account_id", UUID.class), rs.getObject("invoice_owner_account_id", UUID.class),
						rs.getObject("distributor_account_id", UUID.class)),
				rs.getString("currency"), rs.getInt("term_months"), json.readValue(rs.getString("lines"), LINES),
				QuoteStatus.valueOf(rs.getString("status")), rs.getObject("expires_on", LocalDate.class),
				Arrays.asList((String[]) rs.getArray("approvals_needed").getArray()),
				Arrays.asList((String[]) rs.getArray("approvals").getArray()), rs.getString("prepared_by"),
				rs.getString("accepted_by"), accepted == null ? null : accepted.toInstant(),
				rs.getObject("order_id", UUID.class), rs.getInt("version"));
	}
}
