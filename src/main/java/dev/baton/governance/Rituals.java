package dev.baton.governance;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.random.RandomGenerator;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.baton.audit.AuditLog;
import dev.baton.organisation.CallContext;
import dev.baton.organisation.Circle;
import dev.baton.organisation.Organisation;
import dev.baton.pipeline.Opportunity;
import dev.baton.pipeline.Pipeline;
import dev.baton.pipeline.Stage;
import dev.baton.platform.ProblemType;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plans each circle's ritual occurrences ahead and reads them. Planning is idempotent and safe
 * with several instances: one planner per circle at a time (a transaction-scoped advisory lock),
 * and one occurrence per circle, kind and day (a unique key). The scheduled run plans each circle
 * in a transaction of its own, so the lock and the audit entries hold there too.
 */
@Service
class Rituals {

	private final JdbcClient jdbc;
	private final Organisation organisation;
	private final Pipeline pipeline;
	private final GovernanceProperties properties;
	private final AuditLog audit;
	private final Clock clock;
	private final TransactionTemplate transactions;
	private volatile PresenterDraws draws = PresenterDraws.unseeded();
	private final JsonMapper json = JsonMapper.builder().build();

	Rituals(JdbcClient jdbc, Organisation organisation, Pipeline pipeline, GovernanceProperties properties,
			AuditLog audit, Clock clock, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.organisation = organisation;
		this.pipeline = pipeline;
		this.properties = properties;
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
	int planAll() {
		var added = 0;
		for (var circle : organisation.circles()) {
			Integer planned = transactions.execute(status -> planCircle(circle.id()));
			added += planned == null ? 0 : planned;
		}
		return added;
	}

	/** Adds the circle's missing occurrences from today to the horizon; returns how many. */
	@Transactional
	int plan(UUID circleId) {
		return planCircle(circleId);
	}

	/** Plans the circle on behalf of a person: only its manager or an administrator may. */
	@Transactional
	int plan(UUID circleId, CallContext caller) {
		RitualPolicies.mayPlan(organisation.circle(circleId), caller).orThrow(ProblemType.NOT_PERMITTED);
		return planCircle(circleId);
	}

	// runs inside the caller's transaction: the advisory lock lasts until it ends
	private int planCircle(UUID circleId) {
		var circle = organisation.circle(circleId);
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(:key))").param("key", "ritual-plan:" + circleId)
				.query((rs, n) -> 1).list();
		var calendar = organisation.board(circle.boardKey()).calendar();
		var settings = properties.rituals();
		var today = LocalDate.ofInstant(clock.instant(), calendar.zone());
		var until = today.plusDays(settings.horizonDays());
		var added = 0;
		// the circle's candidate deals are read once for the whole run, not once per planned day
		var candidates = peerReviewCandidates(circle);
		for (var day : RitualPolicies.biweekly(settings.anchor(), settings.demoJamDay(), today, until, calendar)) {
			var previous = previous(circleId, RitualKind.DEMO_JAM, day).map(Ritual::presenterIds).orElse(List.of());
			var draw = draws.demoJam(circle.memberIds(), previous);
			added += insert(circle, RitualKind.DEMO_JAM, day, start(day, settings.demoJamTime(), calendar.zone()),
					draw.presenters(), List.of(), draw.reason());
		}
		for (var day : RitualPolicies.biweekly(settings.anchor(), settings.peerReviewDay(), today, until, calendar)) {
			var previous = previous(circleId, RitualKind.PEER_REVIEW, day).map(Ritual::opportunityIds).orElse(List.of());
			added += insert(circle, RitualKind.PEER_REVIEW, day, start(day, settings.peerReviewTime(), calendar.zone()),
					List.of(), RitualPolicies.peerReview(candidates, previous), RitualPolicies.PEER_REVIEW_REASON);
		}
		for (var day : RitualPolicies.quarterly(settings.retroDay(), today, until, calendar)) {
			added += insert(circle, RitualKind.WIN_LOSS_RETRO, day, start(day, settings.retroTime(), calendar.zone()),
					List.of(), List.of(), "first week of the quarter");
		}
		return added;
	}

	/** Open opportunities (stage 2 or later) of the AEs the circle serves. */
	private List<Opportunity> peerReviewCandidates(Circle circle) {
		var served = new HashSet<>(circle.servedAeIds());
		return pipeline.allOpportunities().stream()
				.filter(o -> served.contains(o.ownerId()) && o.stage().isAtLeast(Stage.SCOPING)).toList();
	}

	private static Instant start(LocalDate day, java.time.LocalTime time, java.time.ZoneId zone) {
		return ZonedDateTime.of(day, time, zone).toInstant();
	}

	private int insert(Circle circle, RitualKind kind, LocalDate day, Instant startsAt, List<UUID> presenters,
			List<UUID> opportunities, String why) {
		var id = UUID.randomUUID();
		var added = jdbc.sql("""
				INSERT INTO ritual (id, circle_id, kind, day, starts_at, minutes, presenter_ids, opportunity_ids, created_at)
				VALUES (:id, :circle, :kind, :day, :start, :minutes, CAST(:presenters AS jsonb), CAST(:opportunities AS jsonb), :now)
				ON CONFLICT (circle_id, kind, day) DO NOTHING
				""").param("id", id).param("circle", circle.id()).param("kind", kind.name()).param("day", day)
				.param("start", Timestamp.from(startsAt)).param("minutes", kind.minutes())
				.param("presenters", json.writeValueAsString(presenters))
				.param("opportunities", json.writeValueAsString(opportunities))
				.param("now", Timestamp.from(clock.instant())).update();
		if (added == 1) {
			audit.record("ritual.planned", "ritual", id, why, Map.of("circle", circle.name(), "kind", kind.name(),
					"day", day.toString()));
		}
		return added;
	}

	private java.util.Optional<Ritual> previous(UUID circleId, RitualKind kind, LocalDate before) {
		return jdbc.sql("""
				SELECT * FROM ritual WHERE circle_id = :circle AND kind = :kind AND day < :day ORDER BY day DESC LIMIT 1
				""").param("circle", circleId).param("kind", kind.name()).param("day", before).query(this::map).optional();
	}

	@Transactional(readOnly = true)
	List<Ritual> between(UUID circleId, LocalDate from, LocalDate to) {
		organisation.circle(circleId);
		return jdbc.sql("""
				SELECT * FROM ritual WHERE circle_id = :circle AND day >= :from AND day <= :to ORDER BY starts_at, kind
				""").param("circle", circleId).param("from", from).param("to", to).query(this::map).list();
	}

	/** Today on the calendar of the circle's board, the same day the planner counts from. */
	LocalDate today(UUID circleId) {
		var circle = organisation.circle(circleId);
		return LocalDate.ofInstant(clock.instant(), organisation.board(circle.boardKey()).calendar().zone());
	}

	private Ritual map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		List<String> presenters = json.readValue(rs.getString("presenter_ids"), new TypeReference<List<String>>() {
		});
		List<String> opportunities = json.readValue(rs.getString("opportunity_ids"), new TypeReference<List<String>>() {
		});
		return new Ritual(rs.getObject("id", UUID.class), rs.getObject("circle_id", UUID.class),
				RitualKind.valueOf(rs.getString("kind")), rs.getObject("day", LocalDate.class),
				rs.getTimestamp("starts_at").toInstant(), rs.getInt("minutes"),
				new ArrayList<>(presenters.stream().map(UUID::fromString).toList()),
				opportunities.stream().map(UUID::fromString).toList());
	}
}
