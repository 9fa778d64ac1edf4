package dev.baton.assignment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.baton.assignment.AssignmentProblems;
import dev.baton.assignment.AssignmentProperties;
import dev.baton.assignment.domain.AbsenceFilter;
import dev.baton.assignment.domain.Candidate;
import dev.baton.assignment.domain.CapacityPolicy;
import dev.baton.assignment.domain.CoveragePolicy;
import dev.baton.assignment.domain.Recommender;
import dev.baton.assignment.domain.RequestFacts;
import dev.baton.assignment.domain.SeniorityScorer;
import dev.baton.assignment.domain.Texts;
import dev.baton.assignment.domain.Workload;
import dev.baton.engagement.Reassignments;
import dev.baton.engagement.SaRequestId;
import dev.baton.engagement.SaRequestSummary;
import dev.baton.engagement.SaRequests;
import dev.baton.organisation.Absence;
import dev.baton.organisation.Board;
import dev.baton.organisation.Circle;
import dev.baton.organisation.CircleId;
import dev.baton.organisation.Organisation;
import dev.baton.organisation.Person;
import dev.baton.organisation.PersonId;
import dev.baton.pipeline.Account;
import dev.baton.pipeline.AccountId;
import dev.baton.pipeline.Opportunity;
import dev.baton.pipeline.OpportunityId;
import dev.baton.pipeline.Pipeline;
import dev.baton.platform.BatonException;
import dev.baton.platform.Decision;

/**
 * Gathers what the policies need from engagement, organisation and pipeline, and answers with
 * recommendations for a request and the capacity of a circle. Read-only: nothing is assigned.
 */
@Service
public class Assignments {

	private final SaRequests requests;
	private final Organisation organisation;
	private final Pipeline pipeline;
	private final AssignmentProperties properties;
	private final Clock clock;
	private final Recommender recommender;
	private final CapacityPolicy capacityPolicy;
	private final Workload workload;
	private final Reassignments reassignments;

	/** How far ahead the coverage plan looks for an absence. */
	private static final int ABSENCE_LOOKAHEAD_DAYS = 90;

	public Assignments(SaRequests requests, Organisation organisation, Pipeline pipeline, AssignmentProperties properties,
			Clock clock, Reassignments reassignments) {
		this.requests = requests;
		this.reassignments = reassignments;
		this.organisation = organisation;
		this.pipeline = pipeline;
		this.properties = properties;
		this.clock = clock;
		this.recommender = Recommender.standard(properties);
		this.capacityPolicy = new CapacityPolicy(properties.capacity());
		this.workload = new Workload(properties.effort());
	}

	/** The ranked SAs for a request, with the factors and reasons, and who was excluded and why. */
	public record Recommendations(UUID requestId, UUID circleId, String circleName, String board, Instant generatedAt,
			String strategic, AssignmentProperties.Weights weights, boolean otherCirclesProposed, String note,
			List<Recommender.Ranked> recommendations, List<Recommender.Excluded> excluded) {
	}

	/** One SA's capacity. */
	public record MemberCapacity(UUID personId, String name, String seniority, int activeRequests, int povs,
			CapacityPolicy.Status status, String statusLabel, double load, double capacity, double headroom,
			int workingDays, int daysOut, int povDays, List<String> reasons) {
	}

	/** The circle's totals: summed load and capacity, and how many SAs have each status. */
	public record Totals(int members, double load, double capacity, double headroom, Map<CapacityPolicy.Status, Integer> statuses) {
	}

	/** A circle's capacity picture over the horizon. */
	public record CircleCapacity(UUID circleId, String circleName, String board, LocalDate asOf, int horizonDays,
			List<MemberCapacity> members, Totals totals) {
	}

	@Transactional(readOnly = true)
	public Recommendations recommend(SaRequestId requestId) {
		var request = requests.find(requestId).orElseThrow(() -> BatonException.notFound("SA request", requestId));
		if (!request.status().isOpen()) {
			throw new BatonException(AssignmentProblems.REQUEST_CLOSED,
					"Request " + requestId + " is " + request.status().label() + "; only open requests get recommendations");
		}
		if (request.circleId() == null) {
			throw new BatonException(AssignmentProblems.NO_CIRCLE, "Request " + requestId + " is on no circle's board");
		}
		return recommend(request, null);
	}

	/** Recommendations for an open request on a circle, leaving out one person (who needs cover) if given. */
	private Recommendations recommend(SaRequestSummary request, UUID without) {
		var circle = organisation.circle(CircleId.of(request.circleId()));
		return recommend(request, without, boardView(organisation.board(circle.boardKey()), List.of(request)));
	}

	/**
	 * What recommending on one board reads, once for any number of its requests: the board's circles
	 * and their people, everyone's open work, the circles' history and absences, the requests' and
	 * the past requests' deals with their accounts, and the requesters' names.
	 */
	private record BoardView(Board board, Instant now, LocalDate today, List<Circle> circles, Map<UUID, Person> people,
			Map<UUID, String> requesters, BoardWork work, Lookup lookup) {
	}

	/**
	 * Reads a board for recommending on the given requests. What every circle on the board needs is
	 * read once, before the recommender asks for the home circle and, if nobody there has room, for
	 * the others: the statements do not grow with the circles, their people, their history or the
	 * number of requests.
	 */
	private BoardView boardView(Board board, List<SaRequestSummary> requests) {
		var now = clock.instant();
		var zone = board.calendar().zone();
		var today = LocalDate.ofInstant(now, zone);
		var boardCircles = organisation.circlesOnBoard(board.key());
		var people = new HashMap<UUID, Person>();
		organisation.peopleById(PersonId.ofAll(boardCircles.stream().flatMap(c -> c.memberIds().stream()).toList()))
				.forEach(p -> people.put(p.id(), p));
		var meetingDays = requests.stream()
				.flatMap(r -> RequestFacts.meetingDays(r.details().preferredDates(), zone, today).stream()).distinct()
				.toList();
		var work = boardWork(boardCircles, board, now, today, meetingDays);
		var lookup = new Lookup();
		lookup.preload(requests.stream().map(SaRequestSummary::opportunityId).toList(),
				work.pastDeals(now.minus(properties.experienceWindow())));
		var requesters = new HashMap<UUID, String>();
		organisation.peopleById(PersonId.ofAll(requests.stream().map(SaRequestSummary::requesterId)
				.filter(java.util.Objects::nonNull).distinct().toList())).forEach(p -> requesters.put(p.id(), p.name()));
		return new BoardView(board, now, today, boardCircles, people, requesters, work, lookup);
	}

	/**
	 * One view per board for the requests on a circle, by circle id: a coverage plan reads each board
	 * once, however many requests the person holds there.
	 */
	private Map<UUID, BoardView> boardViews(List<SaRequestSummary> requests) {
		var onCircles = requests.stream().filter(r -> r.circleId() != null).toList();
		if (onCircles.isEmpty()) {
			return Map.of();
		}
		var circles = organisation.circlesById(CircleId.ofAll(onCircles.stream().map(SaRequestSummary::circleId)
				.distinct().toList()));
		var boardOf = circles.stream().collect(Collectors.toMap(Circle::id, Circle::boardKey));
		var views = new HashMap<UUID, BoardView>();
		onCircles.stream().filter(r -> boardOf.containsKey(r.circleId()))
				.collect(Collectors.groupingBy(r -> boardOf.get(r.circleId()), LinkedHashMap::new, Collectors.toList()))
				.forEach((boardKey, onBoard) -> {
					var view = boardView(organisation.board(boardKey), onBoard);
					onBoard.forEach(r -> views.put(r.circleId(), view));
				});
		return views;
	}

	private Recommendations recommend(SaRequestSummary request, UUID without, BoardView view) {
		if (view == null) {
			return recommend(request, without);
		}
		var board = view.board();
		var now = view.now();
		var circle = view.circles().stream().filter(c -> c.id().equals(request.circleId())).findFirst()
				.orElseGet(() -> organisation.circle(CircleId.of(request.circleId())));
		var members = new LinkedHashMap<UUID, Set<UUID>>();
		view.circles().forEach(c -> members.put(c.id(), Set.copyOf(c.memberIds())));
		var lookup = view.lookup();
		var opportunity = lookup.opportunity(request);
		var account = lookup.account(opportunity.accountId());
		var plan = opportunity.commandPlan();
		var facts = new RequestFacts(request.id(), circle.id(), board.key(), board.calendar(),
				request.requesterId(), view.requesters().get(request.requesterId()), account.id(), account.name(),
				account.named(), account.industry(), opportunity.segment(), opportunity.netArr(),
				request.details().requiredCapabilities(), request.details().hosting(),
				plan == null || plan.devOpsStack() == null ? List.of() : plan.devOpsStack().cloudVendors(),
				plan == null ? List.of() : plan.competitors(), request.details().preferredDates(), members, view.today());

		var home = candidates(List.of(circle), false, facts, view).stream()
				.filter(c -> !c.personId().equals(without)).toList();
		var outcome = recommender.recommend(facts, circle.name(), home,
				() -> candidates(view.circles().stream().filter(other -> !other.id().equals(circle.id())).toList(), true,
						facts, view).stream().filter(c -> !c.personId().equals(without)).toList(),
				properties.weightsFor(board.key()));
		var strategic = new SeniorityScorer(properties.strategicNetArr()).strategic(facts).orElse(null);
		return new Recommendations(request.id(), circle.id(), circle.name(), board.key(), now, strategic,
				properties.weightsFor(board.key()), outcome.otherCirclesProposed(), outcome.note(), outcome.ranked(),
				outcome.excluded());
	}

	/** Who could cover one request while its SA is away: the recommender's ranking without them. */
	public record Cover(UUID requestId, String title, int version, Recommender.Ranked proposed,
			List<Recommender.Ranked> alternatives, String note) {
	}

	/**
	 * A proposed PTO coverage plan for a person's next (or current) absence: needed when the absence
	 * is over two weeks or they hold a customer trial (POV); then for every open request they are
	 * assigned, the best-ranked other SA. A proposal only: accepting it (reassigning with a hand-over
	 * note) belongs to engagement.
	 */
	public record CoveragePlan(UUID personId, String name, Absence absence, boolean needed, List<String> reasons,
			List<Cover> requests) {
	}

	@Transactional(readOnly = true)
	public CoveragePlan coveragePlan(PersonId id) {
		return coveragePlans(List.of(id)).stream().findFirst().orElseThrow(() -> BatonException.notFound("Person", id));
	}

	/**
	 * The coverage plans of several people (a circle's members who will be away), in the order asked;
	 * an unknown id is left out. What the plans need is read together: the people, their circles,
	 * absences and open work, then each board their requests are on once, so the statements do not
	 * grow with the number of people or of the requests they hold.
	 */
	@Transactional(readOnly = true)
	public List<CoveragePlan> coveragePlans(Collection<PersonId> ids) {
		var byId = new HashMap<UUID, Person>();
		organisation.peopleById(ids).forEach(p -> byId.put(p.id(), p));
		var people = ids.stream().map(PersonId::value).distinct().filter(byId::containsKey).map(byId::get).toList();
		if (people.isEmpty()) {
			return List.of();
		}
		var personIds = people.stream().map(Person::id).toList();
		var circleOf = new HashMap<UUID, Circle>();
		organisation.circlesByIdOrMember(List.of(), PersonId.ofAll(personIds))
				.forEach(c -> c.memberIds().forEach(member -> circleOf.put(member, c)));
		var now = clock.instant();
		var zones = new HashMap<String, ZoneId>();
		var todayOf = new HashMap<UUID, LocalDate>();
		for (var person : people) {
			var circle = circleOf.get(person.id());
			var zone = circle == null ? person.timeZone()
					: zones.computeIfAbsent(circle.boardKey(), key -> organisation.board(key).calendar().zone());
			todayOf.put(person.id(), LocalDate.ofInstant(now, zone == null ? java.time.ZoneOffset.UTC : zone));
		}
		var first = Collections.min(todayOf.values());
		var away = organisation.absencesOf(PersonId.ofAll(personIds), first,
				Collections.max(todayOf.values()).plusDays(ABSENCE_LOOKAHEAD_DAYS));
		var held = requests.openFor(PersonId.ofAll(personIds)).stream().filter(r -> r.assigneeId() != null)
				.collect(Collectors.groupingBy(SaRequestSummary::assigneeId));

		var decided = new LinkedHashMap<Person, Decision>();
		var next = new HashMap<UUID, Absence>();
		for (var person : people) {
			var today = todayOf.get(person.id());
			var last = today.plusDays(ABSENCE_LOOKAHEAD_DAYS);
			away.getOrDefault(person.id(), List.of()).stream()
					.filter(a -> !a.endDate().isBefore(today) && !a.startDate().isAfter(last)).findFirst()
					.ifPresent(absence -> {
						next.put(person.id(), absence);
						decided.put(person, CoveragePolicy.decide(absence, held.getOrDefault(person.id(), List.of())
								.stream().map(r -> Workload.classify(r, person.id())).toList()));
					});
		}
		var views = boardViews(decided.entrySet().stream().filter(e -> e.getValue().isRefused())
				.flatMap(e -> held.getOrDefault(e.getKey().id(), List.of()).stream()).toList());

		var plans = new ArrayList<CoveragePlan>();
		for (var person : people) {
			var absence = next.get(person.id());
			if (absence == null) {
				plans.add(new CoveragePlan(person.id(), person.name(), null, false, List.of("no absence booked"),
						List.of()));
				continue;
			}
			var decision = decided.get(person);
			var covers = new ArrayList<Cover>();
			if (decision.isRefused()) {
				for (var request : held.getOrDefault(person.id(), List.of())) {
					covers.add(cover(request, person.id(), views));
				}
			}
			plans.add(new CoveragePlan(person.id(), person.name(), absence, decision.isRefused(),
					CoveragePolicy.reasons(decision, absence), covers));
		}
		return plans;
	}

	/** The best-ranked other SA for a request its holder leaves while away, and the next two. */
	private Cover cover(SaRequestSummary request, UUID holder, Map<UUID, BoardView> views) {
		if (request.circleId() == null) {
			return new Cover(request.id(), request.title(), request.version(), null, List.of(),
					"the request is on no circle's board");
		}
		var ranked = recommend(request, holder, views.get(request.circleId()));
		var list = ranked.recommendations();
		return new Cover(request.id(), request.title(), request.version(), list.isEmpty() ? null : list.get(0),
				list.size() <= 1 ? List.of() : list.subList(1, Math.min(list.size(), 3)), ranked.note());
	}

	/** A request handed to its cover, with the note written on its thread. */
	public record HandedOver(UUID requestId, String title, UUID toPersonId, String toName, String handOverNote) {
	}

	/** What accepting a coverage plan did: the requests handed over, and those left without a cover and why. */
	public record AcceptedPlan(UUID personId, String name, Absence absence, List<HandedOver> handedOver, List<Cover> uncovered) {
	}

	/**
	 * Accepts the person's proposed coverage plan as it stands: every request with a proposed
	 * cover is handed to that cover, with a generated hand-over note naming the absence, in one
	 * transaction (engagement's reassignment rules and permissions apply to each). A request
	 * version in {@code expectedVersions} that is stale refuses the whole plan with 409.
	 */
	@Transactional
	public AcceptedPlan acceptCoveragePlan(PersonId id, Map<UUID, Integer> expectedVersions) {
		var personId = id.value();
		reassignments.requireMayCover(id);
		var plan = coveragePlan(id);
		if (!plan.needed()) {
			throw new BatonException(AssignmentProblems.NO_COVERAGE_NEEDED, plan.name() + " needs no coverage plan: "
					+ String.join("; ", plan.reasons()));
		}
		var absence = AbsenceFilter.describe(plan.absence());
		var handOvers = new ArrayList<Reassignments.HandOver>();
		var handedOver = new ArrayList<HandedOver>();
		var uncovered = new ArrayList<Cover>();
		for (var cover : plan.requests()) {
			if (cover.proposed() == null) {
				uncovered.add(cover);
				continue;
			}
			var note = "Coverage plan: " + plan.name() + " is " + absence + ". " + cover.proposed().name()
					+ " covers " + cover.title() + " from now on (proposed as the best-ranked cover: "
					+ String.join(", ", cover.proposed().reasons().stream().limit(3).toList()) + ").";
			var expected = expectedVersions == null ? null : expectedVersions.get(cover.requestId());
			handOvers.add(new Reassignments.HandOver(cover.requestId(), cover.proposed().personId(), note, expected));
			handedOver.add(new HandedOver(cover.requestId(), cover.title(), cover.proposed().personId(),
					cover.proposed().name(), note));
		}
		reassignments.coverAbsence(id, handOvers);
		return new AcceptedPlan(personId, plan.name(), plan.absence(), handedOver, uncovered);
	}

	@Transactional(readOnly = true)
	public CircleCapacity capacity(CircleId circleId) {
		var circle = organisation.circle(circleId);
		var board = organisation.board(circle.boardKey());
		var today = LocalDate.ofInstant(clock.instant(), board.calendar().zone());
		var horizon = properties.capacity().horizonDays();
		var openWork = openWork(circle.memberIds(), board.calendar().zone());
		var open = openWork.work();
		var members = new ArrayList<MemberCapacity>();
		var statuses = new LinkedHashMap<CapacityPolicy.Status, Integer>();
		for (var status : CapacityPolicy.Status.values()) {
			statuses.put(status, 0);
		}
		double load = 0;
		double capacity = 0;
		double headroom = 0;
		var known = new HashMap<UUID, Person>();
		organisation.peopleById(PersonId.ofAll(circle.memberIds())).forEach(p -> known.put(p.id(), p));
		var away = organisation.absencesOf(PersonId.ofAll(circle.memberIds()), today, today.plusDays(horizon - 1));
		for (var memberId : circle.memberIds()) {
			var person = known.get(memberId);
			if (person == null) {
				continue;
			}
			var work = open.getOrDefault(memberId, List.of());
			var absences = away.get(memberId);
			var assessed = capacityPolicy.assess(workload.load(work), absences,
					openWork.povDays().getOrDefault(memberId, Set.of()), board.calendar(), today);
			var reasons = new ArrayList<String>();
			reasons.add(workload.describe(work));
			reasons.addAll(assessed.reasons());
			members.add(new MemberCapacity(person.id(), person.name(),
					person.seniority() == null ? null : person.seniority().name(), work.size(),
					(int) work.stream().filter(Candidate.OpenWork::pov).count(), assessed.status(),
					assessed.status().label(), assessed.load(), assessed.capacity(), assessed.headroom(),
					assessed.workingDays(), assessed.daysOut(), assessed.fieldDays(), reasons));
			statuses.merge(assessed.status(), 1, Integer::sum);
			load += assessed.load();
			capacity += assessed.capacity();
			headroom += assessed.headroom();
		}
		return new CircleCapacity(circle.id(), circle.name(), board.key(), today, horizon, members,
				new Totals(members.size(), Texts.round(load), Texts.round(capacity), Texts.round(headroom), statuses));
	}

	private BoardWork boardWork(List<Circle> circles, Board board, Instant now, LocalDate today,
			List<LocalDate> meetingDays) {
		var memberIds = circles.stream().flatMap(c -> c.memberIds().stream()).distinct().toList();
		var window = properties.experienceWindow().compareTo(properties.fairnessWindow()) >= 0
				? properties.experienceWindow() : properties.fairnessWindow();
		var history = requests.filedSince(CircleId.ofAll(circles.stream().map(Circle::id).toList()), now.minus(window))
				.stream()
				.collect(Collectors.groupingBy(SaRequestSummary::circleId));
		var from = today;
		var to = today.plusDays(properties.capacity().horizonDays() - 1);
		for (var day : meetingDays) {
			from = day.isBefore(from) ? day : from;
			to = day.isAfter(to) ? day : to;
		}
		return new BoardWork(openWork(memberIds, board.calendar().zone()), history,
				organisation.absencesOf(PersonId.ofAll(memberIds), from, to));
	}

	/**
	 * What the candidates of a board's circles are made of, each read once for all the circles: their
	 * members' open work, the circles' requests of the longer of the fairness and experience windows,
	 * and the members' absences from today (or the first meeting day) to the end of the horizon.
	 */
	private record BoardWork(OpenWork open, Map<UUID, List<SaRequestSummary>> history,
			Map<UUID, List<Absence>> away) {

		/** The circles' requests filed since then that one of their members held or assisted. */
		List<SaRequestSummary> pastDeals(Instant since) {
			return history.values().stream().flatMap(List::stream)
					.filter(r -> !r.createdAt().isBefore(since) && (r.assigneeId() != null || r.assistId() != null))
					.toList();
		}
	}

	private List<Candidate> candidates(List<Circle> circles, boolean otherCircle, RequestFacts facts, BoardView view) {
		var board = view.board();
		var now = view.now();
		var people = view.people();
		var lookup = view.lookup();
		var boardWork = view.work();
		var open = boardWork.open().work();
		var fairnessSince = now.minus(properties.fairnessWindow());
		var experienceSince = now.minus(properties.experienceWindow());
		var candidates = new ArrayList<Candidate>();
		for (var circle : circles) {
			var circleHistory = boardWork.history().getOrDefault(circle.id(), List.of());
			for (var memberId : circle.memberIds()) {
				var person = people.containsKey(memberId) ? people.get(memberId)
						: organisation.findPerson(PersonId.of(memberId)).orElse(null);
				if (person == null) {
					continue;
				}
				var work = open.getOrDefault(memberId, List.of());
				var absences = boardWork.away().get(memberId);
				var past = new ArrayList<Candidate.PastWork>();
				int recent = 0;
				double recentEffort = 0;
				for (var r : circleHistory) {
					var assignee = memberId.equals(r.assigneeId());
					var assist = memberId.equals(r.assistId());
					if (!assignee && !assist) {
						continue;
					}
					var assignedAt = r.triagedAt() != null ? r.triagedAt() : r.createdAt();
					if (assignee && r.triagedAt() != null && !assignedAt.isBefore(fairnessSince)) {
						recent++;
						recentEffort += workload.units(Workload.classify(r, memberId));
					}
					if (!r.createdAt().isBefore(experienceSince) && !r.id().equals(facts.requestId())) {
						var opportunity = lookup.opportunity(r);
						var account = opportunity == null ? null : lookup.account(opportunity.accountId());
						past.add(new Candidate.PastWork(r.id(), r.requesterId(), opportunity == null ? null : opportunity.accountId(),
								opportunity == null ? null : opportunity.segment(), account == null ? null : account.industry(),
								opportunity == null || opportunity.commandPlan() == null ? List.of()
										: opportunity.commandPlan().competitors(),
								!assignee));
					}
				}
				var capacity = capacityPolicy.assess(workload.load(work), absences,
						boardWork.open().povDays().getOrDefault(memberId, Set.of()), board.calendar(), facts.today());
				candidates.add(new Candidate(person.id(), person.name(), person.role(), person.seniority(), person.timeZone(),
						person.skills(), circle.id(), circle.name(), otherCircle, absences, work, recent, recentEffort, past,
						capacity));
			}
		}
		return candidates;
	}

	/** People's open work, and the days each is committed to a POV they hold (assigned or assisting). */
	private record OpenWork(Map<UUID, List<Candidate.OpenWork>> work, Map<UUID, Set<LocalDate>> povDays) {
	}

	/**
	 * POV days are the proposed meeting dates (each slot's day in the board's time zone) of the open
	 * POV requests a person holds: forward-looking field work that takes the day.
	 */
	private OpenWork openWork(List<UUID> people, java.time.ZoneId zone) {
		var byPerson = new HashMap<UUID, List<Candidate.OpenWork>>();
		var povDays = new HashMap<UUID, Set<LocalDate>>();
		var asked = Set.copyOf(people);
		for (var request : requests.openFor(PersonId.ofAll(people))) {
			for (var person : java.util.stream.Stream.of(request.assigneeId(), request.assistId()).distinct().toList()) {
				if (person != null && asked.contains(person)) {
					var work = Workload.classify(request, person);
					byPerson.computeIfAbsent(person, p -> new ArrayList<>()).add(work);
					if (work.pov() && request.details() != null) {
						for (var slot : request.details().preferredDates()) {
							if (slot.start() != null) {
								povDays.computeIfAbsent(person, p -> new java.util.HashSet<>())
										.add(LocalDate.ofInstant(slot.start(), zone));
							}
						}
					}
				}
			}
		}
		return new OpenWork(byPerson, povDays);
	}

	/**
	 * Opportunities and accounts of past requests, read together once per circle's history, so a
	 * recommendation runs the same statements however many deals the circle worked on.
	 */
	private final class Lookup {

		private final Map<UUID, Opportunity> opportunities = new HashMap<>();
		private final Map<UUID, Account> accounts = new HashMap<>();

		/** Reads the requests' own deals and those of the past requests, with their accounts, in one statement. */
		void preload(List<UUID> requestOpportunities, List<SaRequestSummary> past) {
			var ids = new java.util.HashSet<UUID>();
			requestOpportunities.stream().filter(java.util.Objects::nonNull).forEach(ids::add);
			past.stream().map(SaRequestSummary::opportunityId).filter(java.util.Objects::nonNull).forEach(ids::add);
			for (var found : pipeline.opportunitiesWithAccounts(ids.stream().map(OpportunityId::of).toList())) {
				opportunities.put(found.opportunity().id(), found.opportunity());
				accounts.put(found.account().id(), found.account());
			}
		}

		Opportunity opportunity(SaRequestSummary request) {
			if (request.opportunityId() == null) {
				return null;
			}
			return opportunities.computeIfAbsent(request.opportunityId(), id -> pipeline.opportunity(OpportunityId.of(id)));
		}

		Account account(UUID id) {
			return id == null ? null : accounts.computeIfAbsent(id, a -> pipeline.account(AccountId.of(a)));
		}
	}
}
