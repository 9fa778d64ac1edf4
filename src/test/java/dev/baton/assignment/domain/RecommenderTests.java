package dev.baton.assignment.domain;

import static dev.baton.assignment.domain.Fixtures.CIRCLE;
import static dev.baton.assignment.domain.Fixtures.OTHER_CIRCLE;
import static dev.baton.assignment.domain.Fixtures.request;
import static dev.baton.assignment.domain.Fixtures.sa;
import static dev.baton.assignment.domain.Fixtures.withMembers;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.baton.assignment.AssignmentProperties;
import dev.baton.organisation.AbsenceKind;
import dev.baton.organisation.SkillLevel;

/**
 * The two stages together: exclusions with reasons, ranking by weighted factors, and the fallback
 * to other circles of the board.
 */
class RecommenderTests {

	private final AssignmentProperties properties = AssignmentProperties.defaults();
	private final Recommender recommender = Recommender.standard(properties);

	private static RequestFacts requestWith(List<Candidate> home, List<Candidate> others) {
		var homeIds = new HashSet<UUID>();
		home.forEach(c -> homeIds.add(c.personId()));
		var otherIds = new HashSet<UUID>();
		others.forEach(c -> otherIds.add(c.personId()));
		return withMembers(request(), Map.of(CIRCLE, Set.copyOf(homeIds), OTHER_CIRCLE, Set.copyOf(otherIds)));
	}

	@Test
	void ranksThePassingSasByWeightedScoreAndListsTheExcludedWithTheirReasons() {
		var priya = sa("Priya").zone("America/New_York").skills(Map.of("kubernetes", SkillLevel.EXPERT)).build();
		var kenji = sa("Kenji").skills(Map.of("aws", SkillLevel.BASIC)).build();
		var hannah = sa("Hannah").zone("America/Los_Angeles").skills(Map.of("kubernetes", SkillLevel.EXPERT)).build();
		var home = List.of(kenji, priya, hannah);

		var outcome = recommender.recommend(requestWith(home, List.of()), "Circle Cascade", home, List::of,
				properties.weights());

		assertThat(outcome.ranked()).extracting(Recommender.Ranked::name).containsExactly("Priya", "Kenji");
		assertThat(outcome.ranked().get(0).rank()).isEqualTo(1);
		assertThat(outcome.ranked().get(0).factors()).extracting(Recommender.Factor::factor)
				.containsExactly("skills", "experience", "seniority", "load", "fairness", "continuity");
		assertThat(outcome.ranked().get(0).reasons()).contains("kubernetes: expert", "no active requests (load 0)");
		var first = outcome.ranked().get(0);
		assertThat(first.total()).isEqualTo(
				first.factors().stream().mapToDouble(Recommender.Factor::points).sum(), org.assertj.core.api.Assertions.within(0.05));
		assertThat(outcome.excluded()).singleElement().satisfies(excluded -> {
			assertThat(excluded.name()).isEqualTo("Hannah");
			assertThat(excluded.filters()).containsExactly("working-hours");
		});
		assertThat(outcome.otherCirclesProposed()).isFalse();
		assertThat(outcome.note()).isNull();
	}

	@Test
	void weightsDecideTheOrder() {
		var skilled = sa("Skilled").skills(Map.of("kubernetes", SkillLevel.EXPERT)).recent(4).build();
		var fresh = sa("Fresh").skills(Map.of("kubernetes", SkillLevel.BASIC)).build();
		var home = List.of(skilled, fresh);
		var request = requestWith(home, List.of());

		var bySkill = recommender.recommend(request, "Circle Cascade", home, List::of,
				new AssignmentProperties.Weights(100, 0, 0, 0, 10, 0));
		var byFairness = recommender.recommend(request, "Circle Cascade", home, List::of,
				new AssignmentProperties.Weights(1, 0, 0, 0, 40, 0));

		assertThat(bySkill.ranked().get(0).name()).isEqualTo("Skilled");
		assertThat(byFairness.ranked().get(0).name()).isEqualTo("Fresh");
	}

	@Test
	void roomAndSkillAreThresholdsBeforeTheWeights() {
		// Basic's effort (6) is not above the circle's mean (6) by the margin, so skill stays a hard threshold
		var full = sa("Full").skills(Map.of("kubernetes", SkillLevel.EXPERT)).status(CapacityPolicy.Status.AT_CAPACITY)
				.recent(12).build();
		var unskilled = sa("Unskilled").build();
		var basic = sa("Basic").skills(Map.of("kubernetes", SkillLevel.BASIC)).recent(6).build();
		var home = List.of(full, unskilled, basic);

		// fairness alone would put Unskilled first, and skill alone Full
		var outcome = recommender.recommend(requestWith(home, List.of()), "Circle Cascade", home, List::of,
				new AssignmentProperties.Weights(1, 0, 0, 0, 100, 0));

		assertThat(outcome.ranked()).extracting(Recommender.Ranked::name).containsExactly("Basic", "Unskilled", "Full");
	}

	@Test
	void anSaWithoutTheSkillStandsInWhenEverySkilledSaIsWellAboveTheCircleMean() {
		// efforts 7, 6 and 1 (and 2 for Away, filtered out): the circle's mean is 4
		var expert = sa("Expert").skills(Map.of("kubernetes", SkillLevel.EXPERT)).recent(7).build();
		var basic = sa("Basic").skills(Map.of("kubernetes", SkillLevel.BASIC)).recent(6).build();
		var light = sa("Light").recent(1).build();
		var away = sa("Away").away(AbsenceKind.PTO, "2026-12-01", "2026-12-04").recent(2).build();
		var home = List.of(expert, basic, light, away);
		var weights = new AssignmentProperties.Weights(10, 0, 0, 0, 30, 0);

		var outcome = recommender.recommend(requestWith(home, List.of()), "Circle Cascade", home, List::of, weights);

		assertThat(outcome.ranked()).extracting(Recommender.Ranked::name).containsExactly("Light", "Basic", "Expert");
		assertThat(outcome.ranked().get(0).reasons()).contains(
				"no demanded skill, standing in: every SA with one has effort at least 1 above the circle mean 4");

		// a hard threshold keeps the skilled first
		var hard = AssignmentProperties.defaults();
		hard = new AssignmentProperties(hard.strategicNetArr(), hard.fairnessWindow(), hard.experienceWindow(), "09:00",
				"17:00", hard.weights(), Map.of(), hard.effort(), hard.capacity(), hard.fairnessSpan(),
				new AssignmentProperties.SkillThreshold(false, 1));
		var strict = Recommender.standard(hard).recommend(requestWith(home, List.of()), "Circle Cascade", home, List::of,
				weights);
		assertThat(strict.ranked()).extracting(Recommender.Ranked::name).containsExactly("Basic", "Expert", "Light");
	}

	@Test
	void noStandInWhileOneSkilledSaIsWithinTheMarginOfTheMeanOrForAnSaAboveTheMean() {
		// efforts 7, 4 and 1: the mean is 4, and Basic sits at it
		var expert = sa("Expert").skills(Map.of("kubernetes", SkillLevel.EXPERT)).recent(7).build();
		var basic = sa("Basic").skills(Map.of("kubernetes", SkillLevel.BASIC)).recent(4).build();
		var light = sa("Light").recent(1).build();
		var home = List.of(expert, basic, light);
		var weights = new AssignmentProperties.Weights(10, 0, 0, 0, 30, 0);

		var outcome = recommender.recommend(requestWith(home, List.of()), "Circle Cascade", home, List::of, weights);

		assertThat(outcome.ranked()).extracting(Recommender.Ranked::name).containsExactly("Basic", "Expert", "Light");

		// efforts 7, 6, 5 and 0: the mean is 4.5, both skilled are above it by the margin, but Heavy (5) is above the mean too
		var heavy = sa("Heavy").recent(5).build();
		var idle = sa("Idle").recent(0).status(CapacityPolicy.Status.AT_CAPACITY).build();
		var skilledBusy = sa("Basic").skills(Map.of("kubernetes", SkillLevel.BASIC)).recent(6).build();
		var circle = List.of(expert, skilledBusy, heavy, idle);

		var second = recommender.recommend(requestWith(circle, List.of()), "Circle Cascade", circle, List::of, weights);

		assertThat(second.ranked()).extracting(Recommender.Ranked::name).containsExactly("Basic", "Expert", "Heavy", "Idle");
	}

	@Test
	void proposesOtherCirclesWhenNoSaOfTheCirclePassesTheFilters() {
		var priya = sa("Priya").away(AbsenceKind.PTO, "2026-12-01", "2026-12-04").build();
		var amara = sa("Amara").otherCircle().build();
		var home = List.of(priya);

		var outcome = recommender.recommend(requestWith(home, List.of(amara)), "Circle Cascade", home,
				() -> List.of(amara), properties.weights());

		assertThat(outcome.otherCirclesProposed()).isTrue();
		assertThat(outcome.note()).startsWith("No SA of Circle Cascade passes the filters")
				.contains("proposing SAs from other circles of board commercial-amer");
		assertThat(outcome.ranked()).singleElement().satisfies(ranked -> {
			assertThat(ranked.name()).isEqualTo("Amara");
			assertThat(ranked.otherCircle()).isTrue();
			assertThat(ranked.reasons()).contains("from Circle Rainier, another circle");
		});
		assertThat(outcome.excluded()).extracting(Recommender.Excluded::reasons).containsExactly(List.of("on PTO 1-4 Dec"));
	}

	@Test
	void proposesOtherCirclesAfterTheCircleWhenEveryoneIsAtCapacity() {
		var sam = sa("Sam").status(CapacityPolicy.Status.AT_CAPACITY).build();
		var amara = sa("Amara").otherCircle().build();
		var home = List.of(sam);

		var outcome = recommender.recommend(requestWith(home, List.of(amara)), "Circle Cascade", home,
				() -> List.of(amara), properties.weights());

		assertThat(outcome.note()).startsWith("Every SA of Circle Cascade who passes the filters is at capacity");
		assertThat(outcome.ranked()).extracting(Recommender.Ranked::name).containsExactly("Sam", "Amara");
		assertThat(outcome.ranked().get(0).reasons()).contains("at capacity");
	}

	@Test
	void staysInTheCircleWhileSomeoneThereIsFree() {
		var sam = sa("Sam").status(CapacityPolicy.Status.AT_CAPACITY).build();
		var kenji = sa("Kenji").build();
		var amara = sa("Amara").otherCircle().build();
		var home = List.of(sam, kenji);

		var outcome = recommender.recommend(requestWith(home, List.of(amara)), "Circle Cascade", home, () -> {
			throw new AssertionError("other circles must not be asked");
		}, properties.weights());

		assertThat(outcome.otherCirclesProposed()).isFalse();
		assertThat(outcome.ranked()).noneMatch(Recommender.Ranked::otherCircle);
	}

	@Test
	void saysSoWhenNoOtherCircleCanTakeItEither() {
		var priya = sa("Priya").away(AbsenceKind.SICK, "2026-12-02", "2026-12-02").build();
		var home = List.of(priya);

		var outcome = recommender.recommend(requestWith(home, List.of()), "Circle Cascade", home, List::of,
				properties.weights());

		assertThat(outcome.ranked()).isEmpty();
		assertThat(outcome.note()).contains("no SA of another circle on board commercial-amer can take it either");
	}

	@Test
	void boardsMayHaveTheirOwnWeights() {
		var own = new AssignmentProperties.Weights(1, 2, 3, 4, 5, 6);
		var defaults = AssignmentProperties.defaults();
		var configured = new AssignmentProperties(defaults.strategicNetArr(), defaults.fairnessWindow(),
				defaults.experienceWindow(), "09:00", "17:00", defaults.weights(), Map.of("apac", own), defaults.effort(),
				defaults.capacity(), defaults.fairnessSpan(), defaults.skillThreshold());

		assertThat(configured.weightsFor("apac")).isEqualTo(own);
		assertThat(configured.weightsFor("commercial-amer")).isEqualTo(defaults.weights());
	}
}
