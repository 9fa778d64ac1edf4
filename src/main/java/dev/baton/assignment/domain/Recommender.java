package dev.baton.assignment.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

import dev.baton.assignment.AssignmentProperties;
import dev.baton.organisation.Seniority;

/**
 * Ranks candidates for a request in two stages: every filter may exclude a candidate with its
 * reason; the rest are scored by every scorer, each value times the factor's weight, and ranked:
 * first those with room (not At capacity and not Out today), then, among them, those with at least
 * one skill the request demands (or standing in for them, see the soft skill threshold), then by total (ties: lower load, then name). So capacity and skill
 * are thresholds, and the weighted factors order the SAs who clear them. When no SA of the request's circle passes the filters, or
 * every one who does is at capacity, SAs of the board's other circles are ranked after them, marked
 * as from another circle. It only recommends; nothing is assigned.
 */
public final class Recommender {

	private final List<CandidateFilter> filters;
	private final List<Scorer> scorers;
	private final AssignmentProperties.SkillThreshold skillThreshold;

	public Recommender(List<CandidateFilter> filters, List<Scorer> scorers, AssignmentProperties.SkillThreshold skillThreshold) {
		this.filters = List.copyOf(filters);
		this.scorers = List.copyOf(scorers);
		this.skillThreshold = Objects.requireNonNull(skillThreshold, "skillThreshold");
	}

	/** The standard policies with their settings. */
	public static Recommender standard(AssignmentProperties properties) {
		return new Recommender(
				List.of(new CircleMembershipFilter(), new AbsenceFilter(),
						new WorkingHoursFilter(properties.workdayStartTime(), properties.workdayEndTime())),
				List.of(new SkillMatchScorer(), new ExperienceScorer(), new SeniorityScorer(properties.strategicNetArr()),
						new LoadScorer(new Workload(properties.effort()), properties.capacity().unitsPerSa()),
						new FairnessScorer(properties.fairnessWindow().toDays(), properties.fairnessSpan()),
						new ContinuityScorer()),
				properties.skillThreshold());
	}

	/** One factor of a candidate's score. */
	public record Factor(String factor, double weight, double value, double points, List<String> reasons) {
	}

	/**
	 * Why a candidate stands where they do before the score counts: the thresholds of the
	 * ranking, in order. Candidates of an earlier tier come first whatever their scores.
	 */
	public enum Tier {
		/** Has room and at least one skill the request demands. */
		ROOM_AND_SKILL,
		/** Has room and stands in for the skilled SAs (the soft skill threshold). */
		ROOM_STANDING_IN,
		/** Has room but none of the demanded skills. */
		ROOM_NO_SKILL,
		/** At capacity or out today. */
		NO_ROOM
	}

	/**
	 * A candidate who passed the filters, with their score and why; {@code tier} is the threshold
	 * they cleared, which orders candidates before their totals do.
	 */
	public record Ranked(int rank, UUID personId, String name, Seniority seniority, UUID circleId, String circleName,
			boolean otherCircle, double total, List<Factor> factors, List<String> reasons, double load,
			CapacityPolicy.Status loadStatus, Tier tier) {
	}

	/** A candidate a filter excluded, with every filter that did and why. */
	public record Excluded(UUID personId, String name, UUID circleId, String circleName, boolean otherCircle,
			List<String> filters, List<String> reasons) {
	}

	/** The ranking and exclusions; {@code note} explains a fallback to other circles. */
	public record Outcome(boolean otherCirclesProposed, String note, List<Ranked> ranked, List<Excluded> excluded) {
	}

	public Outcome recommend(RequestFacts request, String circleName, List<Candidate> home, Supplier<List<Candidate>> others,
			AssignmentProperties.Weights weights) {
		Objects.requireNonNull(weights, "weights");
		var excluded = new ArrayList<Excluded>();
		var scored = new ArrayList<Scored>();
		stage(request, home, weights, scored, excluded);
		standIn(home, scored);
		String note = null;
		var free = scored.stream().anyMatch(s -> !s.atCapacity());
		var fallback = !free;
		if (fallback) {
			note = scored.isEmpty() ? "No SA of " + circleName + " passes the filters"
					: "Every SA of " + circleName + " who passes the filters is at capacity";
			var outside = new ArrayList<Scored>();
			stage(request, others.get(), weights, outside, excluded);
			note += outside.isEmpty() ? "; no SA of another circle on board " + request.boardKey() + " can take it either"
					: "; proposing SAs from other circles of board " + request.boardKey() + " (ranked after the circle)";
			sort(scored);
			sort(outside);
			scored.addAll(outside);
		} else {
			sort(scored);
		}
		var ranked = new ArrayList<Ranked>();
		for (var s : scored) {
			var c = s.candidate();
			ranked.add(new Ranked(ranked.size() + 1, c.personId(), c.name(), c.seniority(), c.circleId(), c.circleName(),
					c.otherCircle(), Texts.round(s.total()), s.factors(), s.reasons(),
					c.capacity() == null ? 0 : c.capacity().load(), c.capacity() == null ? null : c.capacity().status(),
					s.tier()));
		}
		return new Outcome(fallback, note, ranked, excluded);
	}

	/**
	 * The soft skill threshold: when every SA of the circle with room and a demanded skill is at
	 * least the margin above the circle's mean effort, those with room and no demanded skill below
	 * the mean clear the skill threshold too, and the weights decide among them all.
	 */
	private void standIn(List<Candidate> circle, List<Scored> scored) {
		if (!skillThreshold.soft()) {
			return;
		}
		var mean = meanEffort(circle);
		var skilled = scored.stream().filter(s -> s.room() && s.skilled()).toList();
		if (skilled.isEmpty()
				|| skilled.stream().anyMatch(s -> s.candidate().recentEffort() < mean + skillThreshold.margin())) {
			return;
		}
		for (int i = 0; i < scored.size(); i++) {
			var s = scored.get(i);
			if (s.room() && !s.skilled() && s.candidate().recentEffort() < mean) {
				var reasons = new ArrayList<>(s.reasons());
				reasons.add("no demanded skill, standing in: every SA with one has effort at least "
						+ Texts.number(skillThreshold.margin()) + " above the circle mean " + Texts.number(mean));
				scored.set(i, new Scored(s.candidate(), s.total(), s.factors(), List.copyOf(reasons), s.atCapacity(), true,
						true, true));
			}
		}
	}

	private static double meanEffort(List<Candidate> circle) {
		return circle.stream().mapToDouble(Candidate::recentEffort).average().orElse(0);
	}

	private void stage(RequestFacts request, List<Candidate> candidates, AssignmentProperties.Weights weights,
			List<Scored> scored, List<Excluded> excluded) {
		var means = new HashMap<UUID, Scorer.Circle>();
		for (var candidate : candidates) {
			means.computeIfAbsent(candidate.circleId(), id -> new Scorer.Circle(meanEffort(
					candidates.stream().filter(c -> Objects.equals(c.circleId(), id)).toList())));
		}
		for (var candidate : candidates) {
			var failed = new ArrayList<String>();
			var why = new ArrayList<String>();
			for (var filter : filters) {
				var decision = filter.decide(request, candidate);
				if (decision.isRefused()) {
					failed.add(filter.name());
					decision.refusals().forEach(refusal -> why.add(refusal.reason()));
				}
			}
			if (!failed.isEmpty()) {
				excluded.add(new Excluded(candidate.personId(), candidate.name(), candidate.circleId(),
						candidate.circleName(), candidate.otherCircle(), failed, why));
				continue;
			}
			scored.add(score(request, candidate, weights, means.get(candidate.circleId())));
		}
	}

	private Scored score(RequestFacts request, Candidate candidate, AssignmentProperties.Weights weights,
			Scorer.Circle circle) {
		var factors = new ArrayList<Factor>();
		var reasons = new ArrayList<String>();
		double total = 0;
		for (var scorer : scorers) {
			var score = scorer.score(request, candidate, circle);
			var weight = weights.of(scorer.name());
			var points = weight * score.value();
			total += points;
			factors.add(new Factor(scorer.name(), weight, Texts.round(score.value()), Texts.round(points), score.reasons()));
			reasons.addAll(score.reasons());
		}
		var capacity = candidate.capacity();
		var atCapacity = capacity != null && capacity.status() == CapacityPolicy.Status.AT_CAPACITY;
		if (atCapacity) {
			reasons.add("at capacity");
		}
		if (candidate.otherCircle()) {
			reasons.add("from " + candidate.circleName() + ", another circle");
		}
		var out = capacity != null && capacity.status() == CapacityPolicy.Status.OUT;
		var skilled = factors.stream().anyMatch(f -> f.factor().equals(SkillMatchScorer.NAME) && f.value() > 0);
		return new Scored(candidate, total, factors, reasons, atCapacity, !atCapacity && !out, skilled);
	}

	private static void sort(List<Scored> scored) {
		scored.sort(Comparator.comparing((Scored s) -> !s.room()).thenComparing(s -> !s.skilled())
				.thenComparing(Comparator.comparingDouble(Scored::total).reversed())
				.thenComparingDouble(s -> s.candidate().capacity() == null ? 0 : s.candidate().capacity().load())
				.thenComparing(s -> s.candidate().name()));
	}

	private record Scored(Candidate candidate, double total, List<Factor> factors, List<String> reasons,
			boolean atCapacity, boolean room, boolean skilled, boolean standingIn) {

		Scored(Candidate candidate, double total, List<Factor> factors, List<String> reasons, boolean atCapacity,
				boolean room, boolean skilled) {
			this(candidate, total, factors, reasons, atCapacity, room, skilled, false);
		}

		Tier tier() {
			if (!room) {
				return Tier.NO_ROOM;
			}
			if (standingIn) {
				return Tier.ROOM_STANDING_IN;
			}
			return skilled ? Tier.ROOM_AND_SKILL : Tier.ROOM_NO_SKILL;
		}
	}
}
