package dev.baton.judgment;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.baton.audit.AuditLog;
import dev.baton.judgment.domain.JudgmentPolicies;
import dev.baton.judgment.jdbc.JudgmentRepository;
import dev.baton.organisation.CallContext;
import dev.baton.organisation.Organisation;
import dev.baton.organisation.PersonId;
import dev.baton.pipeline.Opportunity;
import dev.baton.pipeline.OpportunityId;
import dev.baton.pipeline.Pipeline;
import dev.baton.pipeline.Stage;
import dev.baton.platform.BatonException;
import dev.baton.platform.FieldError;
import dev.baton.platform.ProblemType;

/**
 * Records SA Judgments (append-only) and reads them back: the history of an opportunity, the
 * opportunities missing a required judgment, the ones where the judgment and the AE's forecast
 * disagree, coverage, and each SA's calibration against won and lost outcomes.
 */
@Service
public class Judgments {

	/** An opportunity that needs a judgment and has none. */
	public record Missing(UUID opportunityId, String externalId, String name, UUID ownerId, String stage, String netArr,
			String reason) {
	}

	/** A current judgment that disagrees with the AE's forecast category. */
	public record Misaligned(UUID opportunityId, String name, UUID ownerId, String forecastCategory, JudgmentColor color,
			String comment, UUID saId, String reason) {
	}

	/** How many required opportunities have a judgment. */
	public record Coverage(long required, long judged, BigDecimal share) {
	}

	/**
	 * One SA's judgments on closed opportunities (their latest on each) against the outcome:
	 * the share of GREEN that were won and of RED that were lost.
	 */
	public record Calibration(UUID saId, String saName, long judgedClosed, long green, long greenWon, BigDecimal greenWonShare,
			long yellow, long yellowWon, long red, long redLost, BigDecimal redLostShare) {
	}

	static final int MAX_COMMENT = 200;

	private final JudgmentRepository repository;
	private final Pipeline pipeline;
	private final Organisation organisation;
	private final JudgmentProperties properties;
	private final AuditLog audit;
	private final Clock clock;

	Judgments(JudgmentRepository repository, Pipeline pipeline, Organisation organisation,
			JudgmentProperties properties, AuditLog audit, Clock clock) {
		this.repository = repository;
		this.pipeline = pipeline;
		this.organisation = organisation;
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public SaJudgment record(OpportunityId opportunityId, JudgmentColor color, String comment, SaJudgment.Checklist checklist,
			CallContext caller) {
		JudgmentPolicies.mayRecord(caller).orThrow(ProblemType.NOT_PERMITTED);
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
			var values = checklist.values();
			for (int i = 0; i < values.size(); i++) {
				if (values.get(i) == null) {
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
		return store(opportunity, caller.personId(), color, comment.strip(), checklist);
	}

	/**
	 * Records a judgment without asking who may, as the SA {@code saId}: for the demo data and other
	 * trusted set-up. Audited like any other.
	 */
	@Transactional
	public SaJudgment recordTrusted(OpportunityId opportunityId, PersonId sa, JudgmentColor color, String comment,
			SaJudgment.Checklist checklist) {
		var saId = sa.value();
		return store(pipeline.opportunity(opportunityId), saId, color, comment, checklist);
	}

	private SaJudgment store(Opportunity opportunity, UUID saId, JudgmentColor color, String comment,
			SaJudgment.Checklist checklist) {
		var opportunityId = opportunity.id();
		var judgment = new SaJudgment(UUID.randomUUID(), opportunityId, saId, color, comment,
				checklist, opportunity.stage(), opportunity.forecastCategory(), clock.instant());
		repository.insert(judgment);
		audit.record("sa-judgment.recorded", "opportunity", opportunityId, null,
				Map.of("judgment", judgment.line(), "checklistMet", checklist.met()));
		return judgment;
	}

	/** Every judgment on an opportunity, newest first. */
	@Transactional(readOnly = true)
	public List<SaJudgment> history(OpportunityId opportunityId) {
		pipeline.opportunity(opportunityId);
		return repository.history(opportunityId.value());
	}

	/** The newest judgment of each opportunity. */
	@Transactional(readOnly = true)
	public Map<UUID, SaJudgment> current() {
		return repository.current();
	}

	@Transactional(readOnly = true)
	public JudgmentPolicies.Requirement requirement(OpportunityId opportunityId) {
		return JudgmentPolicies.required(pipeline.opportunity(opportunityId), properties);
	}

	/**
	 * The open opportunities with their current judgments: what the required-judgment rule and
	 * forecast alignment look at (a closed opportunity needs no judgment and is not aligned), read
	 * in two statements whose cost follows the open pipeline, not the closed history.
	 */
	private record OpenPipeline(List<Opportunity> open, Map<UUID, SaJudgment> judged) {
	}

	private OpenPipeline openPipeline() {
		var open = pipeline.openOpportunities();
		return new OpenPipeline(open, repository.current(open.stream().map(Opportunity::id).toList()));
	}

	/** Missing and misaligned judgments and the coverage, from one read of the open pipeline. */
	public record Overview(List<Missing> missing, List<Misaligned> misaligned, Coverage coverage) {
	}

	@Transactional(readOnly = true)
	public Overview overview() {
		var worked = openPipeline();
		return new Overview(missing(worked), misaligned(worked), coverage(worked));
	}

	@Transactional(readOnly = true)
	public List<Missing> missing() {
		return missing(openPipeline());
	}

	private List<Missing> missing(OpenPipeline worked) {
		var missing = new ArrayList<Missing>();
		for (var o : worked.open()) {
			var requirement = JudgmentPolicies.required(o, properties);
			if (requirement.required() && !worked.judged().containsKey(o.id())) {
				missing.add(new Missing(o.id(), o.externalId(), o.name(), o.ownerId(), o.stage().label(),
						o.netArr().formatted(), requirement.reason()));
			}
		}
		return missing;
	}

	@Transactional(readOnly = true)
	public Coverage coverage() {
		return coverage(openPipeline());
	}

	private Coverage coverage(OpenPipeline worked) {
		long required = 0;
		long covered = 0;
		for (var o : worked.open()) {
			if (JudgmentPolicies.required(o, properties).required()) {
				required++;
				covered += worked.judged().containsKey(o.id()) ? 1 : 0;
			}
		}
		return new Coverage(required, covered, JudgmentPolicies.share(covered, required));
	}

	@Transactional(readOnly = true)
	public List<Misaligned> misaligned() {
		return misaligned(openPipeline());
	}

	private List<Misaligned> misaligned(OpenPipeline worked) {
		var result = new ArrayList<Misaligned>();
		for (var o : worked.open()) {
			var j = worked.judged().get(o.id());
			if (j == null) {
				continue;
			}
			JudgmentPolicies.alignment(j.color(), o.forecastCategory()).reason().ifPresent(reason -> result.add(
					new Misaligned(o.id(), o.name(), o.ownerId(), o.forecastCategory(), j.color(), j.comment(), j.saId(),
							reason)));
		}
		return result;
	}

	@Transactional(readOnly = true)
	public List<Calibration> calibration() {
		// each SA's latest judgment on each opportunity, and how the judged opportunities ended
		var latest = repository.latestPerSa();
		var outcomes = new HashMap<UUID, Stage>();
		for (Opportunity o : pipeline.opportunities(latest.stream().map(SaJudgment::opportunityId)
				.map(OpportunityId::of).collect(java.util.stream.Collectors.toSet()))) {
			if (o.stage().isClosed()) {
				outcomes.put(o.id(), o.stage());
			}
		}
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
		var names = new HashMap<UUID, String>();
		organisation.peopleById(PersonId.ofAll(counts.keySet())).forEach(p -> names.put(p.id(), p.name()));
		var result = new ArrayList<Calibration>();
		counts.forEach((sa, c) -> result.add(new Calibration(sa, names.getOrDefault(sa, "Someone"), c[0] + c[2] + c[4], c[0], c[1], JudgmentPolicies.share(c[1], c[0]), c[2], c[3], c[4],
				c[5], JudgmentPolicies.share(c[5], c[4]))));
		result.sort(Comparator.comparing(Calibration::saName));
		return result;
	}
}
