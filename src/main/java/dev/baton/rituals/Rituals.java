package dev.baton.rituals;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.random.RandomGenerator;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.baton.audit.AuditLog;
import dev.baton.organisation.CallContext;
import dev.baton.organisation.Circle;
import dev.baton.organisation.CircleId;
import dev.baton.organisation.Organisation;
import dev.baton.organisation.PersonId;
import dev.baton.pipeline.Opportunity;
import dev.baton.pipeline.Pipeline;
import dev.baton.pipeline.Stage;
import dev.baton.platform.ProblemType;
import dev.baton.rituals.domain.PresenterDraws;
import dev.baton.rituals.domain.RitualPolicies;
import dev.baton.rituals.jdbc.RitualRepository;

/**
 * Plans each circle's ritual occurrences ahead and reads them. Planning is idempotent and safe
 * with several instances: one planner per circle at a time (a transaction-scoped advisory lock),
 * and one occurrence per circle, kind and day (a unique key). The scheduled run plans each circle
 * in a transaction of its own, so the lock and the audit entries hold there too.
 */
@Service
public class Rituals {

	/** The most deals a peer review draws from (a circle's AEs rarely have more open). */
	private static final int PEER_REVIEW_CANDIDATES = 1_000;

	private final RitualRepository repository;
	private final Organisation organisation;
	private final Pipeline pipeline;
	private final RitualProperties settings;
	private final AuditLog audit;
	private final Clock clock;
	private final TransactionTemplate transactions;
	private volatile PresenterDraws draws = PresenterDraws.unseeded();

	Rituals(RitualRepository repository, Organisation organisation, Pipeline pipeline, RitualProperties settings,
			AuditLog audit, Clock clock, PlatformTransactionManager transactionManager) {
		this.repository = repository;
		this.organisation = organisation;
		this.pipeline = pipeline;
		this.settings = settings;
		this.audit = audit;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/** Where the demo jam draws come from; a seeded generator makes them repeatable in tests. */
	@Autowired(required = false)
	void useRandom(RandomGenerator random) {
		this.draws = new PresenterDraws(random);
	}

	/**
	 * Plans every circle, each in its own transaction (a call on this object does not pass through
	 * the transactional proxy); returns how many occurrences were added.
	 */
	public int planAll() {
		var added = 0;
		for (var circle : organisation.circles()) {
			Integer planned = transactions.execute(status -> planCircle(CircleId.of(circle.id())));
			added += planned == null ? 0 : planned;
		}
		return added;
	}

	/** Adds the circle's missing occurrences from today to the horizon; returns how many. */
	@Transactional
	public int plan(CircleId circleId) {
		return planCircle(circleId);
	}

	/** Plans the circle on behalf of a person: only its manager or an administrator may. */
	@Transactional
	public int plan(CircleId circleId, CallContext caller) {
		RitualPolicies.mayPlan(organisation.circle(circleId), caller).orThrow(ProblemType.NOT_PERMITTED);
		return planCircle(circleId);
	}

	// runs inside the caller's transaction: the advisory lock lasts until it ends
	private int planCircle(CircleId id) {
		var circle = organisation.circle(id);
		var circleId = id.value();
		repository.lockPlanning(circleId);
		var calendar = organisation.board(circle.boardKey()).calendar();
		var today = LocalDate.ofInstant(clock.instant(), calendar.zone());
		var until = today.plusDays(settings.horizonDays());
		var added = 0;
		// the circle's candidate deals are read once for the whole run, not once per planned day
		var candidates = peerReviewCandidates(circle);
		for (var day : RitualPolicies.biweekly(settings.anchor(), settings.demoJamDay(), today, until, calendar)) {
			var previous = repository.previous(circleId, RitualKind.DEMO_JAM, day).map(Ritual::presenterIds).orElse(List.of());
			var draw = draws.demoJam(circle.memberIds(), previous);
			added += insert(circle, RitualKind.DEMO_JAM, day, start(day, settings.demoJamTime(), calendar.zone()),
					draw.presenters(), List.of(), draw.reason());
		}
		for (var day : RitualPolicies.biweekly(settings.anchor(), settings.peerReviewDay(), today, until, calendar)) {
			var previous = repository.previous(circleId, RitualKind.PEER_REVIEW, day).map(Ritual::opportunityIds).orElse(List.of());
			added += insert(circle, RitualKind.PEER_REVIEW, day, start(day, settings.peerReviewTime(), calendar.zone()),
					List.of(), RitualPolicies.peerReview(candidates, previous), RitualPolicies.PEER_REVIEW_REASON);
		}
		for (var day : RitualPolicies.quarterly(settings.retroDay(), today, until, calendar)) {
			added += insert(circle, RitualKind.WIN_LOSS_RETRO, day, start(day, settings.retroTime(), calendar.zone()),
					List.of(), List.of(), "first week of the quarter");
		}
		return added;
	}

	/** Open opportunities (stage 2 or later) of the AEs the circle serves, through the owner index. */
	private List<Opportunity> peerReviewCandidates(Circle circle) {
		return pipeline.openOpportunitiesOwnedBy(PersonId.ofAll(circle.servedAeIds()), Stage.SCOPING, PEER_REVIEW_CANDIDATES);
	}

	private static Instant start(LocalDate day, LocalTime time, ZoneId zone) {
		return ZonedDateTime.of(day, time, zone).toInstant();
	}

	private int insert(Circle circle, RitualKind kind, LocalDate day, Instant startsAt, List<UUID> presenters,
			List<UUID> opportunities, String why) {
		var ritual = new Ritual(UUID.randomUUID(), circle.id(), kind, day, startsAt, kind.minutes(), presenters,
				opportunities);
		if (!repository.insertUnlessPlanned(ritual, clock.instant())) {
			return 0;
		}
		audit.record("ritual.planned", "ritual", ritual.id(), why, Map.of("circle", circle.name(), "kind", kind.name(),
				"day", day.toString()));
		return 1;
	}

	@Transactional(readOnly = true)
	public List<Ritual> between(CircleId circleId, LocalDate from, LocalDate to) {
		organisation.circle(circleId);
		return repository.between(circleId.value(), from, to);
	}

	/** The circle's rituals from today (on its board's calendar) for the next {@code days} days. */
	@Transactional(readOnly = true)
	public List<Ritual> upcoming(Circle circle, int days) {
		var today = LocalDate.ofInstant(clock.instant(), organisation.board(circle.boardKey()).calendar().zone());
		return repository.between(circle.id(), today, today.plusDays(days));
	}

	/** Today on the calendar of the circle's board, the same day the planner counts from. */
	public LocalDate today(CircleId circleId) {
		var circle = organisation.circle(circleId);
		return LocalDate.ofInstant(clock.instant(), organisation.board(circle.boardKey()).calendar().zone());
	}
}
