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
import dev.baton.engagement.domain.SlaPolicy;
import dev.baton.engagement.domain.TimeBasis;
import dev.baton.engagement.jdbc.BoardQuery;
import dev.baton.organisation.Board;
import dev.baton.organisation.Organisation;
import dev.baton.organisation.Person;
import dev.baton.pipeline.Account;
import dev.baton.pipeline.Opportunity;
import dev.baton.pipeline.Pipeline;
import dev.baton.platform.Words;

/**
 * Turns board rows into cards: the request's number, the account, template, segment and Net ARR,
 * the age, the clock badge in words and who has it. Reads, for the shown rows only and in one
 * statement each, the opportunities with their accounts, the boards and the people who have the
 * cards.
 */
@Component
public class RequestCards {

	private final Pipeline pipeline;
	private final Organisation organisation;
	private final Clock clock;
	private final Words words;

	RequestCards(Pipeline pipeline, Organisation organisation, Clock clock, Words words) {
		this.pipeline = pipeline;
		this.organisation = organisation;
		this.clock = clock;
		this.words = words;
	}

	/**
	 * A clock badge in words: what it says ("Triage: 4 business hours left"), when it is due on the
	 * board's clock ("due Wed 16:00 Chicago time") and, when the reader's clock differs, on theirs.
	 *
	 * @param css the badge's classes
	 * @param level the colour's name, for tests and styles
	 * @param text what the badge says; empty when nothing
	 * @param due the due time on the board's clock and the reader's; empty when no clock runs
	 */
	record Badge(String css, String level, String text, String due) {

		public boolean isEmpty() {
			return text.isEmpty();
		}
	}

	/**
	 * One card, with what the templates show worked out here: a board renders over a hundred cards,
	 * and each expression a template evaluates per card costs more than the Java that answers it.
	 */
	record Card(UUID id, String reference, String title, String account, String template, String segment,
			String netArr, String age, String filed, Badge badge, boolean fastTrack, boolean expedite,
			Set<RequestLabel> labels, RequestStatus status, String statusWords, String assignee, String triageDue,
			String slaDue, String column, String waitingOn) implements dev.baton.engagement.WorkCard {

		@Override
		public String badgeText() {
			return badge.text();
		}

		@Override
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
	public List<? extends dev.baton.engagement.WorkCard> workCards(List<BoardQuery.Row> rows, ZoneId viewerZone) {
		return cards(rows, viewerZone);
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
			var badge = badge(row.status(), row.receivedAt(), row.triageDueAt(), row.slaDueAt(), row.engagedAt(), board,
					basis, viewerZone, now);
			var zone = viewerZone == null ? board.calendar().zone() : viewerZone;
			return new Card(row.id(), row.reference(), row.title(), account == null ? row.title() : account.name(),
					words.of(row.template()), opportunity == null ? "" : words.of(opportunity.segment()),
					opportunity == null ? "" : opportunity.netArr().formatted(),
					words.get("card.age", words.duration(roundedAge(Duration.between(row.createdAt(), now)))),
					words.dayTime(row.createdAt(), zone), badge, row.fastTrack(), row.expedite(), row.labels(),
					row.status(), words.of(row.status()), name(people, row.assigneeId()),
					due(row.triageDueAt(), board.calendar().zone(), zone), due(row.slaDueAt(), board.calendar().zone(), zone),
					row.column(), waitingOn(row.status(), name(people, row.assigneeId())));
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
		return words(assessed, board.calendar().zone(), viewerZone);
	}

	/** Puts an assessed clock in words. */
	Badge words(SlaBadge badge, ZoneId boardZone, ZoneId viewerZone) {
		var clockName = words.get("clock." + badge.clock().name().toLowerCase());
		var text = switch (badge.state()) {
			case LEFT -> words.get("clock.left", clockName, badge.basis() == TimeBasis.BUSINESS
					? words.businessDuration(badge.left()) : words.duration(badge.left()));
			case OVERDUE -> words.get("clock.overdue", clockName);
			case BREACHED -> words.get("clock.breached");
			case PAUSED -> words.get("clock.paused");
			case AWAITING_APPROVAL -> words.get("clock.awaiting-approval");
			case MET -> words.get("clock.met");
			case MISSED -> words.get("clock.missed");
			case NONE -> "";
		};
		var due = "";
		if (badge.dueAt() != null && (badge.state() == SlaBadge.State.LEFT || badge.state() == SlaBadge.State.OVERDUE
				|| badge.state() == SlaBadge.State.BREACHED)) {
			due = dueWords(badge.dueAt(), boardZone, viewerZone);
		}
		return new Badge("sla sla-" + badge.css(), badge.css(), text, due);
	}

	/** "due Wed 16:00 Chicago time (Wed 15:00 your time)"; the reader's time only when it differs. */
	String dueWords(Instant due, ZoneId boardZone, ZoneId viewerZone) {
		var board = words.get("clock.due", words.dayTime(due, boardZone), words.zone(boardZone));
		if (viewerZone == null || viewerZone.getRules().getOffset(due).equals(boardZone.getRules().getOffset(due))) {
			return board;
		}
		return board + " " + words.get("clock.due-yours", words.dayTime(due, viewerZone));
	}

	/** A due time on the board's clock, with the reader's beside it when it differs: for tables. */
	String due(Instant instant, ZoneId boardZone, ZoneId viewerZone) {
		if (instant == null) {
			return "";
		}
		var board = words.dayTime(instant, boardZone) + " " + words.get("clock.zone-time", words.zone(boardZone));
		if (viewerZone == null || viewerZone.getRules().getOffset(instant).equals(boardZone.getRules().getOffset(instant))) {
			return board;
		}
		return board + " " + words.get("clock.due-yours", words.dayTime(instant, viewerZone));
	}

	/** What a request in this state waits on, in words. */
	private String waitingOn(RequestStatus status, String assignee) {
		return switch (status) {
			case AWAITING_APPROVAL -> words.get("waiting.approval");
			case NEW -> words.get("waiting.triage");
			case SA_WAITING -> words.get("waiting.requestor");
			case SA_TRIAGED, SA_DOING, SA_FOLLOWUP -> words.get("waiting.sa", assignee == null ? "" : assignee);
			case DONE, DECLINED -> words.get("waiting.nothing");
		};
	}

	/** An age as people say it: minutes under an hour, hours under a day, whole days after. */
	private static Duration roundedAge(Duration age) {
		if (age.toDays() > 0) {
			return Duration.ofDays(age.toDays());
		}
		if (age.toHours() > 0) {
			return Duration.ofHours(age.toHours());
		}
		return Duration.ofMinutes(Math.max(0, age.toMinutes()));
	}

	private static String name(Map<UUID, String> people, UUID id) {
		return id == null ? null : people.getOrDefault(id, "someone");
	}
}
