package dev.baton.engagement;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.baton.engagement.jdbc.BoardQuery;
import dev.baton.engagement.web.RequestCards;

/**
 * The work queues of the home pages, each a bounded read whatever the history: an AE's open
 * requests and what each waits on, what needs triage in an SA's circle and what is assigned to
 * them, and a manager's circle health (breaches, load, what waits on reviews).
 */
@Service
public class Worklists {

	/** The most lines one queue shows; the board and My requests have the rest. */
	public static final int LIMIT = 10;

	private static final Set<RequestStatus> OPEN = EnumSet.of(RequestStatus.AWAITING_APPROVAL, RequestStatus.NEW,
			RequestStatus.SA_WAITING, RequestStatus.SA_TRIAGED, RequestStatus.SA_DOING, RequestStatus.SA_FOLLOWUP);

	private final BoardQuery query;
	private final RequestCards cards;
	private final Clock clock;

	Worklists(BoardQuery query, RequestCards cards, Clock clock) {
		this.query = query;
		this.cards = cards;
		this.clock = clock;
	}

	/** An AE's open requests, the soonest due first. */
	@Transactional(readOnly = true)
	public List<? extends WorkCard> openRequestsOf(UUID requesterId, ZoneId zone) {
		return cards.workCards(query.openByDue(new BoardQuery.Filter(null, null, null, null, null, requesterId), OPEN,
				LIMIT), zone);
	}

	/** The New requests of these circles, by triage due time. */
	@Transactional(readOnly = true)
	public List<? extends WorkCard> needsTriage(Collection<UUID> circleIds, ZoneId zone) {
		var rows = new ArrayList<BoardQuery.Row>();
		for (var circle : circleIds.stream().limit(3).toList()) {
			rows.addAll(query.openByDue(new BoardQuery.Filter(null, circle, null, null, null, null),
					EnumSet.of(RequestStatus.NEW), LIMIT));
		}
		return cards.workCards(rows, zone);
	}

	/** The open requests a person holds or assists, the soonest due first. */
	@Transactional(readOnly = true)
	public List<? extends WorkCard> assignedTo(UUID personId, ZoneId zone) {
		return cards.workCards(query.openByDue(new BoardQuery.Filter(null, null, personId, null, null, null),
				EnumSet.of(RequestStatus.SA_TRIAGED, RequestStatus.SA_DOING, RequestStatus.SA_FOLLOWUP,
						RequestStatus.SA_WAITING), LIMIT), zone);
	}

	/**
	 * A circle's health now.
	 *
	 * @param open requests neither done nor declined
	 * @param awaitingTriage New requests
	 * @param triageOverdue New requests past their triage due time
	 * @param slaBreached requests not yet worked on past their SLA
	 * @param waitingOnReviews New requests without two approving reviews or a waiver
	 * @param waitingOnRequestor requests waiting for the AE's answer
	 * @param openPerPerson open requests each person holds or assists
	 */
	public record CircleHealth(UUID circleId, long open, long awaitingTriage, long triageOverdue, long slaBreached,
			long waitingOnReviews, long waitingOnRequestor, Map<UUID, Long> openPerPerson) {
	}

	/** The health of these circles, in two statements. */
	@Transactional(readOnly = true)
	public List<CircleHealth> health(Collection<UUID> circleIds) {
		var byCircle = new java.util.HashMap<UUID, BoardQuery.Health>();
		query.health(circleIds, clock.instant()).forEach(h -> byCircle.put(h.circleId(), h));
		var load = query.openPerPerson(circleIds);
		return circleIds.stream().map(id -> {
			var h = byCircle.getOrDefault(id, new BoardQuery.Health(id, 0, 0, 0, 0, 0, 0));
			return new CircleHealth(id, h.open(), h.awaitingTriage(), h.triageOverdue(), h.slaBreached(),
					h.waitingOnReviews(), h.waitingOnRequestor(), load);
		}).toList();
	}
}
