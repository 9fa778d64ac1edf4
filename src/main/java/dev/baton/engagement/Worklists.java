package dev.baton.engagement;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.baton.engagement.domain.AssignmentPolicy;
import dev.baton.engagement.domain.BadgeWords;
import dev.baton.engagement.domain.SlaBadge;
import dev.baton.engagement.domain.SlaPolicy;
import dev.baton.engagement.jdbc.BoardQuery;
import dev.baton.organisation.Board;
import dev.baton.organisation.Circle;
import dev.baton.organisation.CircleId;
import dev.baton.organisation.Organisation;
import dev.baton.organisation.Person;
import dev.baton.organisation.PersonId;
import dev.baton.pipeline.OpportunityId;
import dev.baton.pipeline.Pipeline;
import dev.baton.platform.Words;

/**
 * The work queues of the home pages, each a bounded read whatever the history: an AE's open
 * requests and what each waits on, what needs triage in an SA's circles and what is assigned to
 * them, and a manager's circle health (breaches, load, what waits on reviews). The lines come in
 * the reader's words ({@link WorkCard}), read for the shown requests only: their accounts, boards
 * and assignees, one statement each.
 */
@Service
public class Worklists {

	/** The most lines one queue shows; the board and My requests have the rest. */
	public static final int LIMIT = 10;

	private static final Set<RequestStatus> OPEN = EnumSet.of(RequestStatus.AWAITING_APPROVAL, RequestStatus.NEW,
			RequestStatus.SA_WAITING, RequestStatus.SA_TRIAGED, RequestStatus.SA_DOING, RequestStatus.SA_FOLLOWUP);

	private final BoardQuery query;
	private final Pipeline pipeline;
	private final Organisation organisation;
	private final Words words;
	private final BadgeWords badges;
	private final Clock clock;

	Worklists(BoardQuery query, Pipeline pipeline, Organisation organisation, Words words, Clock clock) {
		this.query = query;
		this.pipeline = pipeline;
		this.organisation = organisation;
		this.words = words;
		this.badges = new BadgeWords(words);
		this.clock = clock;
	}

	/** An AE's open requests, the soonest due first. */
	@Transactional(readOnly = true)
	public List<WorkCard> openRequestsOf(PersonId requesterId, ZoneId zone) {
		return lines(query.openByDue(BoardQuery.Filter.ofRequester(requesterId.value()), OPEN, LIMIT), zone);
	}

	/** The New requests of these circles, by triage due time: the first {@link #LIMIT} of them all. */
	@Transactional(readOnly = true)
	public List<WorkCard> needsTriage(Collection<CircleId> circleIds, ZoneId zone) {
		var circles = BoardQuery.Filter.ofCircles(circleIds.stream().map(CircleId::value).toList());
		return lines(query.openByDue(circles, EnumSet.of(RequestStatus.NEW), LIMIT), zone);
	}

	/** The open requests a person holds or assists, the soonest due first. */
	@Transactional(readOnly = true)
	public List<WorkCard> assignedTo(PersonId personId, ZoneId zone) {
		return lines(query.openByDue(BoardQuery.Filter.ofHolder(personId.value()), EnumSet.of(RequestStatus.SA_TRIAGED,
				RequestStatus.SA_DOING, RequestStatus.SA_FOLLOWUP, RequestStatus.SA_WAITING), LIMIT), zone);
	}

	/**
	 * A circle's health now.
	 *
	 * @param open requests neither done nor declined
	 * @param awaitingTriage New requests
	 * @param triageOverdue New requests past their triage due time
	 * @param slaBreached requests not yet worked on past their SLA
	 * @param waitingOnReviews New requests that the second review rule would still refuse: without
	 *        two approving reviews by the circle's members or manager or a waiver, and not Fast Track
	 * @param waitingOnRequestor requests waiting for the AE's answer
	 * @param openPerPerson this circle's open requests each person holds or assists
	 */
	public record CircleHealth(UUID circleId, long open, long awaitingTriage, long triageOverdue, long slaBreached,
			long waitingOnReviews, long waitingOnRequestor, Map<UUID, Long> openPerPerson) {
	}

	/** The health of these circles, in two statements. */
	@Transactional(readOnly = true)
	public List<CircleHealth> health(Collection<Circle> circles) {
		var counting = new HashMap<UUID, Set<UUID>>();
		circles.forEach(circle -> counting.put(circle.id(), AssignmentPolicy.countingReviewers(circle)));
		var byCircle = new HashMap<UUID, BoardQuery.Health>();
		query.health(counting, clock.instant()).forEach(h -> byCircle.put(h.circleId(), h));
		var load = query.openPerPerson(counting.keySet());
		return circles.stream().map(Circle::id).map(id -> {
			var h = byCircle.getOrDefault(id, new BoardQuery.Health(id, 0, 0, 0, 0, 0, 0));
			return new CircleHealth(id, h.open(), h.awaitingTriage(), h.triageOverdue(), h.slaBreached(),
					h.waitingOnReviews(), h.waitingOnRequestor(), Map.copyOf(load.getOrDefault(id, Map.of())));
		}).toList();
	}

	/** The rows as lines of work, for the reader in {@code zone} (null: each board's own). */
	private List<WorkCard> lines(List<BoardQuery.Row> rows, ZoneId zone) {
		if (rows.isEmpty()) {
			return List.of();
		}
		var now = clock.instant();
		var accounts = new HashMap<UUID, String>();
		pipeline.opportunitiesWithAccounts(rows.stream().map(BoardQuery.Row::opportunityId).map(OpportunityId::of)
				.collect(Collectors.toSet()))
				.forEach(sold -> accounts.put(sold.opportunity().id(), sold.account().name()));
		var people = organisation.peopleById(rows.stream().map(BoardQuery.Row::assigneeId).filter(Objects::nonNull)
				.map(PersonId::of).collect(Collectors.toSet())).stream().collect(Collectors.toMap(Person::id, Person::name));
		var boards = new HashMap<String, Board>();
		return rows.stream().map(row -> {
			var board = boards.computeIfAbsent(row.boardKey(), organisation::board);
			var boardZone = board.calendar().zone();
			// the board's SLA basis came with the row; a board without a stored policy has the standard one
			var basis = row.slaBasis() == null ? SlaPolicy.standard(row.boardKey()).basis() : row.slaBasis();
			var badge = badges.badge(SlaBadge.assess(row.status(), row.receivedAt(), row.triageDueAt(), row.slaDueAt(),
					row.engagedAt(), board.calendar(), basis, now), boardZone, zone);
			var assignee = row.assigneeId() == null ? null : people.getOrDefault(row.assigneeId(), "someone");
			return new WorkCard(row.id(), row.reference(), accounts.getOrDefault(row.opportunityId(), row.title()),
					words.of(row.template()), words.of(row.status()), badge.text(), badge.css(), badge.due(), assignee,
					words.dayTime(row.createdAt(), zone == null ? boardZone : zone),
					badges.waitingOn(row.status(), assignee));
		}).toList();
	}
}
