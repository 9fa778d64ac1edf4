package dev.baton.governance;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.baton.organisation.CallContext;
import dev.baton.audit.AuditLog;
import dev.baton.identity.Role;
import dev.baton.organisation.Organisation;
import dev.baton.organisation.Person;
import dev.baton.pipeline.Opportunity;
import dev.baton.pipeline.Pipeline;
import dev.baton.pipeline.Stage;
import dev.baton.platform.BatonException;
import dev.baton.platform.FieldError;
import dev.baton.platform.ProblemType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records SA Judgments (append-only) and reads them back: the history of an opportunity, the
 * opportunities missing a required judgment, the ones where the judgment and the AE's forecast
 * disagree, coverage, and each SA's calibration against won and lost outcomes.
 */
@Service
class Judgments {

	/** An opportunity that needs a judgment and has none. */
	record Missing(UUID opportunityId, String externalId, String name, UUID ownerId, String stage, String netArr,
			String reason) {
	}

	/** A current judgment that disagrees with the AE's forecast category. */
	record Misaligned(UUID opportunityId, String name, UUID ownerId, String forecastCategory, JudgmentColor color,
			String comment, UUID saId, String reason) {
	}

	/** How many required opportunities have a judgment. */
	record Coverage(long required, long judged, BigDecimal share) {
	}

	/**
	 * One SA's judgments on closed opportunities (their latest on each) against the outcome:
	 * the share of GREEN that were won and of RED that were lost.
	 */
	record Calibration(UUID saId, String saName, long judgedClosed, long green, long greenWon, BigDecimal greenWonShare,
			long yellow, long yellowWon, long red, long redLost, BigDecimal redLostShare) {
	}

	static final int MAX_COMMENT = 200;

	private final JdbcClient jdbc;
	private final Pipeline pipeline;
	private final Organisation organisation;
	private final GovernanceProperties properties;
	private final AuditLog audit;
	private final Clock clock;
	private final JsonMapper json = JsonMapper.builder().build();

	Judgments(JdbcClient jdbc, Pipeline pipeline, Organisation organisation, GovernanceProperties properties,
			AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.pipeline = pipeline;
		this.organisation = organisation;
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	SaJudgment record(UUID opportunityId, JudgmentColor color, String comment, SaJudgment.Checklist checklist,
			CallContext caller) {
		if (!caller.has(Role.SA) && !caller.has(Role.SA_MANAGER)) {
			throw new BatonException(GovernanceProblems.NOT_PERMITTED, "Only SAs record an SA Judgment");
		}
		var opportunity = pipeline.opportunity(opportunityId);
		var errors = new ArrayList<FieldError>();
		if (color == null) {
			errors.add(new FieldError("color", "is required: RED, YELLOW or GREEN"));
		}
		if (comment == null || comment.isBlank()) {
			errors.add(new FieldError("comment", "is required: one line, such as: No access to technical buyers"));
		} else if (comment.strip().length() > MAX_COMMENT || comment.strip().contains("\n")) {
			errors.add(new FieldError("comment", "must be one line of at most " + MAX_COMMENT + " characters"));
		}
		if (checklist == null) {
			errors.add(new FieldError("checklist", "is required: " + SaJudgment.Checklist.FIELDS));
		} else {
			var values = new Boolean[] { checklist.customerKnowledge(), checklist.clearUseCases(),
					checklist.productMatch(), checklist.accessToTeams(), checklist.technicalBuyer(),
					checklist.responsiveness() };
			for (int i = 0; i < values.length; i++) {
				if (values[i] == null) {
					errors.add(new FieldError("checklist." + SaJudgment.Checklist.FIELDS.get(i), "is required: true or false"));
				}
			}
		}
		if (opportunity.stage().isClosed()) {
			errors.add(new FieldError("opportunityId", "is " + opportunity.stage().label()
					+ "; judgments are recorded on open opportunities"));
		}
		if (!errors.isEmpty()) {
			throw new BatonException(ProblemType.VALIDATION_FAILED, errors.get(0).field() + ": " + errors.get(0).message(),
					errors, Map.of());
		}
		return store(opportunity, caller.person().id(), color, comment.strip(), checklist);
	}

	/** Appends a checked judgment. */
	@Transactional
	SaJudgment store(Opportunity opportunity, UUID saId, JudgmentColor color, String comment,
			SaJudgment.Checklist checklist) {
		var opportunityId = opportunity.id();
		var judgment = new SaJudgment(UUID.randomUUID(), opportunityId, saId, color, comment,
				checklist, opportunity.stage(), opportunity.forecastCategory(), clock.instant());
		jdbc.sql("""
				INSERT INTO sa_judgment (id, opportunity_id, sa_id, color, comment, checklist, stage, forecast_category, recorded_at)
				VALUES (:id, :opportunity, :sa, :color, :comment, CAST(:checklist AS jsonb), :stage, :forecast, :at)
				""").param("id", judgment.id()).param("opportunity", opportunityId).param("sa", judgment.saId())
				.param("color", color.name()).param("comment", judgment.comment())
				.param("checklist", json.writeValueAsString(checklist)).param("stage", judgment.stage().name())
				.param("forecast", judgment.forecastCategory()).param("at", Timestamp.from(judgment.recordedAt()))
				.update();
		audit.record("sa-judgment.recorded", "opportunity", opportunityId, null,
				Map.of("judgment", judgment.line(), "checklistMet", checklist.met()));
		return judgment;
	}

	/** Every judgment on an opportunity, newest first. */
	@Transactional(readOnly = true)
	List<SaJudgment> history(UUID opportunityId) {
		pipeline.opportunity(opportunityId);
		return jdbc.sql("SELECT * FROM sa_judgment WHERE opportunity_id = :o ORDER BY recorded_at DESC, seq DESC")
				.param("o", opportunityId).query(this::map).list();
	}

	/** The newest judgment of each opportunity. */
	@Transactional(readOnly = true)
	Map<UUID, SaJudgment> current() {
		var result = new HashMap<UUID, SaJudgment>();
		jdbc.sql("""
				SELECT DISTINCT ON (opportunity_id) * FROM sa_judgment ORDER BY opportunity_id, recorded_at DESC, seq DESC
				""").query(this::map).list().forEach(j -> result.put(j.opportunityId(), j));
		return result;
	}

	@Transactional(readOnly = true)
	JudgmentPolicies.Requirement requirement(UUID opportunityId) {
		return JudgmentPolicies.required(pipeline.opportunity(opportunityId), properties.judgment());
	}

	@Transactional(readOnly = true)
	List<Missing> missing() {
		var judged = current();
		var missing = new ArrayList<Missing>();
		for (var o : pipeline.allOpportunities()) {
			var requirement = JudgmentPolicies.required(o, properties.judgment());
			if (requirement.required() && !judged.containsKey(o.id())) {
				missing.add(new Missing(o.id(), o.externalId(), o.name(), o.ownerId(), o.stage().label(),
						o.netArr().formatted(), requirement.reason()));
			}
		}
		return missing;
	}

	@Transactional(readOnly = true)
	Coverage coverage() {
		var judged = current();
		long required = 0;
		long covered = 0;
		for (var o : pipeline.allOpportunities()) {
			if (JudgmentPolicies.required(o, properties.judgment()).required()) {
				required++;
				covered += judged.containsKey(o.id()) ? 1 : 0;
			}
		}
		return new Coverage(required, covered, JudgmentPolicies.share(covered, required));
	}

	@Transactional(readOnly = true)
	List<Misaligned> misaligned() {
		var judged = current();
		var result = new ArrayList<Misaligned>();
		for (var o : pipeline.allOpportunities()) {
			var j = judged.get(o.id());
			if (j == null || o.stage().isClosed()) {
				continue;
			}
			JudgmentPolicies.misalignment(j.color(), o.forecastCategory()).ifPresent(reason -> result.add(
					new Misaligned(o.id(), o.name(), o.ownerId(), o.forecastCategory(), j.color(), j.comment(), j.saId(),
							reason)));
		}
		return result;
	}

	@Transactional(readOnly = true)
	List<Calibration> calibration() {
		var outcomes = new HashMap<UUID, Stage>();
		for (Opportunity o : pipeline.allOpportunities()) {
			if (o.stage().isClosed()) {
				outcomes.put(o.id(), o.stage());
			}
		}
		// each SA's latest judgment on each opportunity
		var latest = jdbc.sql("""
				SELECT DISTINCT ON (opportunity_id, sa_id) * FROM sa_judgment
				ORDER BY opportunity_id, sa_id, recorded_at DESC, seq DESC
				""").query(this::map).list();
		var counts = new LinkedHashMap<UUID, long[]>();
		for (var j : latest) {
			var outcome = outcomes.get(j.opportunityId());
			if (outcome == null) {
				continue;
			}
			var c = counts.computeIfAbsent(j.saId(), k -> new long[6]);
			var won = outcome == Stage.CLOSED_WON;
			switch (j.color()) {
				case GREEN:
					c[0]++;
					c[1] += won ? 1 : 0;
					break;
				case YELLOW:
					c[2]++;
					c[3] += won ? 1 : 0;
					break;
				default:
					c[4]++;
					c[5] += won ? 0 : 1;
			}
		}
		var result = new ArrayList<Calibration>();
		counts.forEach((sa, c) -> result.add(new Calibration(sa, organisation.findPerson(sa).map(Person::name)
				.orElse("Someone"), c[0] + c[2] + c[4], c[0], c[1], JudgmentPolicies.share(c[1], c[0]), c[2], c[3], c[4],
				c[5], JudgmentPolicies.share(c[5], c[4]))));
		result.sort(Comparator.comparing(Calibration::saName));
		return result;
	}

	private SaJudgment map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new SaJudgment(rs.getObject("id", UUID.class), rs.getObject("opportunity_id", UUID.class),
				rs.getObject("sa_id", UUID.class), JudgmentColor.valueOf(rs.getString("color")), rs.getString("comment"),
				json.readValue(rs.getString("checklist"), SaJudgment.Checklist.class), Stage.valueOf(rs.getString("stage")),
				rs.getString("forecast_category"), rs.getTimestamp("recorded_at").toInstant());
	}
}
