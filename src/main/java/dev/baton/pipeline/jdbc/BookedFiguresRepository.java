package dev.baton.pipeline.jdbc;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.baton.pipeline.BookedFigures;
import dev.baton.platform.Money;

/** The booked figures of accounts and their opportunities in PostgreSQL. */
@Repository
public class BookedFiguresRepository {

	private final JdbcClient jdbc;

	BookedFiguresRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores new figures unless they are what is stored (the same hash): answers the new revision, or
	 * empty when nothing changed. The caller holds the account's lock.
	 */
	public Optional<Integer> store(BookedFigures.Summary figures, String hash, Instant now) {
		var revision = jdbc.sql("""
				INSERT INTO booked_summary (account_id, revision, figures_hash, as_of, active_subscriptions, next_renewal_on,
				  updated_at)
				VALUES (:account, 1, :hash, :asOf, :active, :renewal, :now)
				ON CONFLICT (account_id) DO UPDATE SET revision = booked_summary.revision + 1, figures_hash = :hash,
				  as_of = :asOf, active_subscriptions = :active, next_renewal_on = :renewal, updated_at = :now
				WHERE booked_summary.figures_hash <> :hash
				RETURNING revision""")
				.param("account", figures.accountId()).param("hash", hash).param("asOf", Date.valueOf(figures.asOf()))
				.param("active", figures.activeSubscriptions()).param("renewal", date(figures.nextRenewalOn()))
				.param("now", Timestamp.from(now)).query(Integer.class).optional();
		if (revision.isEmpty()) {
			return revision;
		}
		jdbc.sql("DELETE FROM booked_line WHERE account_id = :account").param("account", figures.accountId()).update();
		for (var line : figures.lines()) {
			jdbc.sql("""
					INSERT INTO booked_line (account_id, opportunity_id, currency, arr, subscriptions, next_renewal_on)
					VALUES (:account, :opportunity, :currency, :arr, :subscriptions, :renewal)""")
					.param("account", figures.accountId()).param("opportunity", line.opportunityId())
					.param("currency", line.arr().currency().getCurrencyCode()).param("arr", line.arr().amount())
					.param("subscriptions", line.subscriptions()).param("renewal", date(line.nextRenewalOn())).update();
		}
		return revision;
	}

	public Optional<BookedFigures.Summary> ofAccount(UUID accountId) {
		var lines = lines("account_id = :id", accountId);
		return jdbc.sql("SELECT * FROM booked_summary WHERE account_id = :id").param("id", accountId)
				.query((rs, n) -> new BookedFigures.Summary(accountId, rs.getInt("revision"),
						rs.getObject("as_of", LocalDate.class), rs.getInt("active_subscriptions"),
						rs.getObject("next_renewal_on", LocalDate.class), lines))
				.optional();
	}

	/** The lines of these opportunities, whichever accounts own their subscriptions. */
	public List<BookedFigures.Line> ofOpportunities(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return lines("opportunity_id IN (:id)", ids);
	}

	private List<BookedFigures.Line> lines(String where, Object id) {
		return jdbc.sql("SELECT * FROM booked_line WHERE " + where + " ORDER BY opportunity_id NULLS FIRST, currency")
				.param("id", id).query(BookedFiguresRepository::line).list();
	}

	private static BookedFigures.Line line(ResultSet rs, int n) throws SQLException {
		return new BookedFigures.Line(rs.getObject("opportunity_id", UUID.class),
				Money.of(rs.getBigDecimal("arr"), rs.getString("currency")), rs.getInt("subscriptions"),
				rs.getObject("next_renewal_on", LocalDate.class));
	}

	private static Date date(LocalDate day) {
		return day == null ? null : Date.valueOf(day);
	}
}
