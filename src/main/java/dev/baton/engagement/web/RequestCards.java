package dev.baton.engagement.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.baton.engagement.RequestLabel;
import dev.baton.engagement.RequestStatus;
import dev.baton.engagement.domain.BadgeWords.Badge;
import dev.baton.engagement.domain.BadgeWords;
import dev.baton.engagement.domain.SlaBadge;
import dev.baton.engagement.domain.SlaPolicy;
import dev.baton.engagement.domain.TimeBasis;
import dev.baton.engagement.jdbc.BoardQuery;
import dev.baton.organisation.Board;
import dev.baton.organisation.Organisation;
import dev.baton.organisation.Person;
import dev.baton.organisation.PersonId;
import dev.baton.pipeline.Account;
import dev.baton.pipeline.Opportunity;
import dev.baton.pipeline.OpportunityId;
import dev.baton.pipeline.Pipeline;
import dev.baton.platform.Words;

/**
 * Turns board rows into cards: the request's number, the account, template, segment and Net ARR,
 * the age, the clock badge in words ({@link BadgeWords}) and who has it. Reads, for the shown rows
 * only and in one statement each, the opportunities with their accounts, the boards and the
 * people who have the cards.
 */
@Component
class RequestCards {

	private final Pipeline pipeline;
	private final Organisation organisation;
	private final Clock clock;
	private final Words words;
	private final BadgeWords badges;

	RequestCards(Pipeline pipeline, Organisation organisation, Clock clock, Words words) {
		this.pipeline = pipeline;
		this.organisation = organisation;
		this.clock = clock;
		this.words = words;
		this.badges = new BadgeWords(words);
	}

	/**
	 * One card, with what the templates show worked out here: a board renders over a hundred cards,
	 * and each expression a template evaluates per card costs more than the Java that answers it.
	 */
	record Card(UUID id, String reference, String title, String account, String template, String segment,
			String netArr, String age, String filed, Badge badge, boolean fastTrack, boolean expedite,
			Set<RequestLabel> labels, RequestStatus status, String statusWords, String assignee, String triageDue,
			String slaDue, String column, String waitingOn) {

		public String badgeText() {
			return badge.text();
		}

		public String badgeDue() {
			return badge.due();
		}

		/** The request page (the application is served at the root, as the board's htmx links assume). */
		public String href() {
			return "/requests/" + id;
		}

		/** The card's element id on the board, unique per column (a request may show under two labels). */
		public String elementId() {
			return "card-" + column + "-" + id;
		}

		/** Segment, Net ARR and age in one line, such as {@code MM First Order · USD 85 000.00 · 2 days old}. */
		public String meta() {
			var meta = new StringBuilder();
			for (var part : new String[] { segment, netArr }) {
				if (part != null && !part.isEmpty()) {
					meta.append(part).append(" · ");
				}
			}
			return meta.append(age).toString();
		}

		public boolean hasBadge() {
			return !badge.isEmpty();
		}

		/** The clock badge's classes: "sla sla-amber". */
		public String badgeClass() {
			return badge.css();
		}
	}

	/** The cards of these rows, for the reader in {@code viewerZone} (null: each board's own). */
	List<Card> cards(List<BoardQuery.Row> rows, ZoneId viewerZone) {
		var now = clock.instant();
		if (rows.isEmpty()) {
			return List.of();
		}
		var opportunities = new HashMap<UUID, Opportunity>();
		var accounts = new HashMap<UUID, Account>();
		pipeline.opportunitiesWithAccounts(rows.stream().map(BoardQuery.Row::opportunityId).map(OpportunityId::of)
				.collect(Collectors.toSet()))
				.forEach(sold -> {
					opportunities.put(sold.opportunity().id(), sold.opportunity());
					accounts.put(sold.account().id(), sold.account());
				});
		var boards = new HashMap<String, Board>();
		Map<UUID, String> people = organisation.peopleById(rows.stream().map(BoardQuery.Row::assigneeId)
				.filter(java.util.Objects::nonNull).map(PersonId::of).collect(Collectors.toSet())).stream()
				.collect(Collectors.toMap(Person::id, Person::name));
		return rows.stream().map(row -> {
			var opportunity = opportunities.get(row.opportunityId());
			var account = opportunity == null ? null : accounts.get(opportunity.accountId());
			var board = boards.computeIfAbsent(row.boardKey(), organisation::board);
			// the board's SLA basis came with the row; a board without a stored policy has the standard one
			var basis = row.slaBasis() == null ? SlaPolicy.standard(row.boardKey()).basis() : row.slaBasis();
			var badge = badge(row.status(), row.receivedAt(), row.triageDueAt(), row.slaDueAt(), row.engagedAt(), board,
					basis, viewerZone, now);
			var zone = viewerZone == null ? board.calendar().zone() : viewerZone;
			var assignee = name(people, row.assigneeId());
			return new Card(row.id(), row.reference(), row.title(), account == null ? row.title() : account.name(),
					words.of(row.template()), opportunity == null ? "" : words.of(opportunity.segment()),
					opportunity == null ? "" : opportunity.netArr().formatted(),
					badges.age(Duration.between(row.createdAt(), now)), words.dayTime(row.createdAt(), zone), badge,
					row.fastTrack(), row.expedite(), row.labels(), row.status(), words.of(row.status()), assignee,
					due(row.triageDueAt(), board.calendar().zone(), zone), due(row.slaDueAt(), board.calendar().zone(), zone),
					row.column(), badges.waitingOn(row.status(), assignee));
		}).toList();
	}

	/** The badge of a request now, in the reader's words. */
	Badge badge(RequestStatus status, Instant receivedAt, Instant triageDueAt, Instant slaDueAt, Instant engagedAt,
			Board board, TimeBasis basis, ZoneId viewerZone) {
		return badge(status, receivedAt, triageDueAt, slaDueAt, engagedAt, board, basis, viewerZone, clock.instant());
	}

	private Badge badge(RequestStatus status, Instant receivedAt, Instant triageDueAt, Instant slaDueAt,
			Instant engagedAt, Board board, TimeBasis basis, ZoneId viewerZone, Instant now) {
		var assessed = SlaBadge.assess(status, receivedAt, triageDueAt, slaDueAt, engagedAt, board.calendar(), basis, now);
		return badges.badge(assessed, board.calendar().zone(), viewerZone);
	}

	/** A due time on the board's clock, with the reader's beside it when it differs: for tables. */
	String due(Instant instant, ZoneId boardZone, ZoneId viewerZone) {
		return badges.due(instant, boardZone, viewerZone);
	}

	private static String name(Map<UUID, String> people, UUID id) {
		return id == null ? null : people.getOrDefault(id, "someone");
	}
}
