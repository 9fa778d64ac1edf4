package dev.baton.pipeline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.baton.audit.AuditLog;
import dev.baton.pipeline.jdbc.BookedFiguresRepository;
import dev.baton.platform.Money;

/**
 * What each account has bought as finance counts it (subscription ARR and the next renewal), in
 * total and per opportunity: kept beside the CRM's data so the AE sees it in Baton, and published
 * as {@link BookedFiguresChanged} when it changes, so the CRM shows the same figures. Finance
 * computes them; pipeline keeps and publishes them.
 */
@Service
public class BookedFigures {

	private final BookedFiguresRepository repository;
	private final ApplicationEventPublisher events;
	private final AuditLog audit;
	private final Clock clock;

	BookedFigures(BookedFiguresRepository repository, ApplicationEventPublisher events, AuditLog audit, Clock clock) {
		this.repository = repository;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * An account's figures on a day: its active subscriptions, the next day one of them renews, and
	 * its lines: one per currency for the account ({@code opportunityId} null) and one per opportunity
	 * and currency.
	 *
	 * @param revision counts the changes of the figures (from 1); 0 before they are stored
	 */
	public record Summary(UUID accountId, int revision, LocalDate asOf, int activeSubscriptions, LocalDate nextRenewalOn,
			List<Line> lines) {

		public Summary {
			Objects.requireNonNull(accountId, "accountId");
			Objects.requireNonNull(asOf, "asOf");
			lines = List.copyOf(lines);
		}

		/** The account's own lines (one per currency). */
		public List<Line> account() {
			return lines.stream().filter(l -> l.opportunityId() == null).toList();
		}

		/** The lines of one opportunity. */
		public List<Line> opportunity(OpportunityId opportunityId) {
			return lines.stream().filter(l -> opportunityId.value().equals(l.opportunityId())).toList();
		}
	}

	/** ARR in one currency, of the subscriptions counted, and the next day one of them renews (null: none renews). */
	public record Line(UUID opportunityId, Money arr, int subscriptions, LocalDate nextRenewalOn) {
	}

	/**
	 * Keeps an account's figures; when they differ from those kept (the day they were computed on
	 * aside) they get the next revision and {@link BookedFiguresChanged} is published in the
	 * caller's transaction. The caller serializes the computations of one account.
	 */
	@Transactional
	public Optional<Summary> record(Summary figures) {
		var revision = repository.store(figures, hash(figures), clock.instant());
		if (revision.isEmpty()) {
			return Optional.empty();
		}
		var stored = new Summary(figures.accountId(), revision.get(), figures.asOf(), figures.activeSubscriptions(),
				figures.nextRenewalOn(), figures.lines());
		audit.recordBySystem("account.booked-figures-changed", "account", figures.accountId(), "Subscriptions changed",
				Map.of("revision", stored.revision(), "arr", stored.account().stream().map(l -> l.arr().toString()).toList()));
		events.publishEvent(new BookedFiguresChanged(stored));
		return Optional.of(stored);
	}

	@Transactional(readOnly = true)
	public Optional<Summary> ofAccount(AccountId accountId) {
		return repository.ofAccount(accountId.value());
	}

	/** The lines of these opportunities (at most a page's worth), for pages that list opportunities. */
	@Transactional(readOnly = true)
	public List<Line> ofOpportunities(Collection<OpportunityId> opportunityIds) {
		return repository.ofOpportunities(opportunityIds.stream().map(OpportunityId::value).toList());
	}

	private static String hash(Summary figures) {
		var text = new StringBuilder().append(figures.activeSubscriptions()).append('|').append(figures.nextRenewalOn());
		figures.lines().stream()
				.sorted(java.util.Comparator.comparing((Line l) -> String.valueOf(l.opportunityId()))
						.thenComparing(l -> l.arr().currency().getCurrencyCode()))
				.forEach(l -> text.append('|').append(l.opportunityId()).append(':').append(l.arr()).append(':')
						.append(l.subscriptions()).append(':').append(l.nextRenewalOn()));
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.toString()
					.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every JDK", e);
		}
	}
}
