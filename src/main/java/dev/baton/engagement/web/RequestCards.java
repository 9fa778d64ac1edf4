package dev.baton.engagement.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.baton.engagement.RequestLabel;
import dev.baton.engagement.RequestStatus;
import dev.baton.engagement.domain.SlaPolicy;
import dev.baton.engagement.jdbc.BoardQuery;
import dev.baton.organisation.Board;
import dev.baton.organisation.Organisation;
import dev.baton.organisation.Person;
import dev.baton.pipeline.Account;
import dev.baton.pipeline.Opportunity;
import dev.baton.pipeline.Pipeline;

/**
 * Turns board rows into cards: the account, segment and Net ARR of the opportunity, the age,
 * the clock badge and who has it. Reads, for the shown rows only and in one statement each, the
 * opportunities with their accounts, the boards and the people who have the cards.
 */
@Component
class RequestCards {

	private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("EEE d MMM HH:mm z", Locale.ENGLISH);

	private final Pipeline pipeline;
	private final Organisation organisation;
	private final PageActions actions;
	private final Clock clock;

	RequestCards(Pipeline pipeline, Organisation organisation, PageActions actions, Clock clock) {
		this.pipeline = pipeline;
		this.organisation = organisation;
		this.actions = actions;
		this.clock = clock;
	}

	/**
	 * One card, with what the templates show worked out here: a board renders over a hundred cards,
	 * and each expression a template evaluates per card costs more than the Java that answers it.
	 */
	record Card(UUID id, String title, String account, String segment, String netArr, String age, SlaBadge badge,
			boolean fastTrack, boolean expedite, Set<RequestLabel> labels, RequestStatus status, String assignee,
			String triageDue, String slaDue, String column) {

		/** The request page (the application is served at the root, as the board's htmx links assume). */
		public String href() {
			return "/requests/" + id;
		}

		/** The card's element id on the board, unique per column (a request may show under two labels). */
		public String elementId() {
			return "card-" + column + "-" + id;
		}

		/** Segment, Net ARR and age in one line, such as {@code MM First Order · USD 85 000.00 · age 2d}. */
		public String meta() {
			var meta = new StringBuilder();
			for (var part : new String[] { segment, netArr }) {
				if (part != null && !part.isEmpty()) {
					meta.append(part).append(" · ");
				}
			}
			return meta.append("age ").append(age).toString();
		}

		public boolean hasBadge() {
			return !badge.text().isEmpty();
		}

		/** The clock badge's classes: "sla sla-amber". */
		public String badgeClass() {
			return "sla sla-" + badge.css();
		}
	}

	List<Card> cards(List<BoardQuery.Row> rows, ZoneId viewerZone) {
		var now = clock.instant();
		if (rows.isEmpty()) {
			return List.of();
		}
		var opportunities = new HashMap<UUID, Opportunity>();
		var accounts = new HashMap<UUID, Account>();
		pipeline.opportunitiesWithAccounts(rows.stream().map(BoardQuery.Row::opportunityId).collect(Collectors.toSet()))
				.forEach(sold -> {
					opportunities.put(sold.opportunity().id(), sold.opportunity());
					accounts.put(sold.account().id(), sold.account());
				});
		var boards = new HashMap<String, Board>();
		Map<UUID, String> people = organisation.peopleById(rows.stream().map(BoardQuery.Row::assigneeId)
				.filter(java.util.Objects::nonNull).collect(Collectors.toSet())).stream()
				.collect(Collectors.toMap(Person::id, Person::name));
		return rows.stream().map(row -> {
			var opportunity = opportunities.get(row.opportunityId());
			var account = opportunity == null ? null : accounts.get(opportunity.accountId());
			var board = boards.computeIfAbsent(row.boardKey(), organisation::board);
			// the board's SLA basis came with the row; a board without a stored policy has the standard one
			var basis = row.slaBasis() == null ? SlaPolicy.standard(row.boardKey()).basis() : row.slaBasis();
			var badge = SlaBadge.assess(row.status(), row.receivedAt(), row.triageDueAt(), row.slaDueAt(),
					row.engagedAt(), board.calendar(), basis, now);
			var zone = viewerZone == null ? board.calendar().zone() : viewerZone;
			return new Card(row.id(), row.title(), account == null ? row.title() : account.name(),
					opportunity == null ? "" : opportunity.segment().label(),
					opportunity == null ? "" : opportunity.netArr().formatted(),
					SlaBadge.spoken(Duration.between(row.createdAt(), now)), badge, row.fastTrack(), row.expedite(),
					row.labels(), row.status(), name(people, row.assigneeId()), due(row.triageDueAt(), zone),
					due(row.slaDueAt(), zone), row.column());
		}).toList();
	}

	static String due(Instant instant, ZoneId zone) {
		return instant == null ? "" : DUE.format(instant.atZone(zone));
	}

	private static String name(Map<UUID, String> people, UUID id) {
		return id == null ? null : people.getOrDefault(id, "someone");
	}
}
