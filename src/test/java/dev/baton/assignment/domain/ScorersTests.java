package dev.baton.assignment.domain;

import static dev.baton.assignment.domain.Fixtures.ACCOUNT;
import static dev.baton.assignment.domain.Fixtures.AE;
import static dev.baton.assignment.domain.Fixtures.request;
import static dev.baton.assignment.domain.Fixtures.sa;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.baton.assignment.AssignmentProperties;
import dev.baton.organisation.Segment;
import dev.baton.organisation.Seniority;
import dev.baton.organisation.SkillLevel;
import dev.baton.platform.Money;

/**
 * The second stage: each scorer rates one factor from 0 to 1 and says why.
 */
class ScorersTests {

	@Nested
	class SkillMatch {

		private final SkillMatchScorer scorer = new SkillMatchScorer();

		@Test
		void matchesSkillsToCapabilitiesCloudAndCompetitorsIgnoringCase() {
			// demands: Merge request approvals, Kubernetes, self-managed, AWS, GitHub Enterprise
			var priya = sa("Priya").skills(Map.of("kubernetes", SkillLevel.EXPERT, "aws", SkillLevel.EXPERT,
					"migration-github", SkillLevel.WORKING)).build();

			var score = scorer.score(request(), priya);

			assertThat(score.reasons()).contains("kubernetes: expert", "aws: expert", "migration-github: working",
					"no skill for Merge request approvals, self-managed");
			assertThat(score.value()).isCloseTo((1 + 1 + 2.0 / 3) / 5, within(1e-9));
		}

		@Test
		void weighsTheLevel() {
			var expert = sa("Expert").skills(Map.of("kubernetes", SkillLevel.EXPERT)).build();
			var working = sa("Working").skills(Map.of("kubernetes", SkillLevel.WORKING)).build();
			var basic = sa("Basic").skills(Map.of("kubernetes", SkillLevel.BASIC)).build();

			assertThat(scorer.score(request(), expert).value()).isGreaterThan(scorer.score(request(), working).value());
			assertThat(scorer.score(request(), working).value()).isGreaterThan(scorer.score(request(), basic).value());
		}

		@Test
		void noMatchingSkillScoresNothing() {
			var sam = sa("Sam").skills(Map.of("security", SkillLevel.EXPERT)).build();

			assertThat(scorer.score(request(), sam).value()).isZero();
		}

		@Test
		void genericWordsAloneDoNotMatch() {
			assertThat(SkillMatchScorer.matches("migration-github", "GitHub Enterprise")).isTrue();
			assertThat(SkillMatchScorer.matches("ci-cd", "CI/CD")).isTrue();
			assertThat(SkillMatchScorer.matches("migration-jenkins", "migration")).isTrue();
			assertThat(SkillMatchScorer.matches("migration-jenkins", "Data migration services")).isFalse();
		}
	}

	@Nested
	class Experience {

		private final ExperienceScorer scorer = new ExperienceScorer();

		@Test
		void countsPastRequestsOfTheSameSegmentIndustryAndCompetitor() {
			var diego = sa("Diego").past(UUID.randomUUID(), UUID.randomUUID(), Segment.MM_FIRST_ORDER, "Retail", List.of())
					.past(UUID.randomUUID(), UUID.randomUUID(), Segment.SMB_NAMED, "transportation", List.of("GitHub Enterprise"))
					.build();

			var score = scorer.score(request(), diego);

			assertThat(score.value()).isEqualTo(1.0);
			assertThat(score.reasons()).containsExactly("1 past request in Mid-Market First Order",
					"1 past request in Transportation", "1 past request against GitHub Enterprise");
		}

		@Test
		void eachKindCountsAThird() {
			var kenji = sa("Kenji").past(UUID.randomUUID(), UUID.randomUUID(), Segment.MM_FIRST_ORDER, "Retail", List.of())
					.build();

			assertThat(scorer.score(request(), kenji).value()).isCloseTo(1.0 / 3, within(1e-9));
		}

		@Test
		void withoutRelatableHistoryScoresNothing() {
			var hannah = sa("Hannah").past(UUID.randomUUID(), UUID.randomUUID(), Segment.SMB_POOLED, "Energy",
					List.of("Bitbucket")).build();

			var score = scorer.score(request(), hannah);

			assertThat(score.value()).isZero();
			assertThat(score.reasons()).containsExactly("no relatable past requests");
		}
	}

	@Nested
	class SeniorityForStrategicDeals {

		private final SeniorityScorer scorer = new SeniorityScorer(Fixtures.threshold());

		@Test
		void prefersSeniorSasWhenNetArrReachesTheThresholdInAnyCurrency() {
			var strategic = request(Money.of("140000", "EUR"), false, List.of(), Map.of());
			var principal = sa("Priya").seniority(Seniority.PRINCIPAL).build();
			var associate = sa("Kenji").seniority(Seniority.ASSOCIATE).build();

			assertThat(scorer.score(strategic, principal).value()).isEqualTo(1.0);
			assertThat(scorer.score(strategic, associate).value()).isZero();
			assertThat(scorer.score(strategic, principal).reasons()).singleElement().asString()
					.startsWith("Principal on a strategic deal (Net ARR EUR 140,000.00");
		}

		@Test
		void aNamedAccountIsStrategicWhateverItsNetArr() {
			var named = request(Money.of("20000", "USD"), true, List.of(), Map.of());
			var senior = sa("Sam").seniority(Seniority.SENIOR).build();

			assertThat(scorer.score(named, senior).value()).isEqualTo(0.5);
			assertThat(scorer.strategic(named)).contains("Acme Logistics is a Named account");
		}

		@Test
		void seniorityDoesNotCountOnOrdinaryDeals() {
			var principal = sa("Priya").seniority(Seniority.PRINCIPAL).build();

			assertThat(scorer.score(request(), principal).value()).isZero();
			assertThat(scorer.strategic(request())).isEmpty();
		}
	}

	@Nested
	class Load {

		private final Workload workload = new Workload(AssignmentProperties.defaults().effort());
		private final LoadScorer scorer = new LoadScorer(workload, 6);

		@Test
		void prefersTheLessLoaded() {
			var idle = sa("Idle").build();
			var busy = sa("Busy").work(false, false, false).work(false, false, false).build();

			assertThat(scorer.score(request(), idle).value()).isEqualTo(1.0);
			assertThat(scorer.score(request(), busy).value()).isCloseTo(4.0 / 6, within(1e-9));
			assertThat(scorer.score(request(), idle).reasons()).containsExactly("no active requests (load 0)");
		}

		@Test
		void aPovWeighsMoreThanAQandA() {
			var pov = sa("Pov").work(true, false, false).build();
			var qa = sa("Qa").work(false, true, false).build();

			assertThat(scorer.score(request(), pov).value()).isLessThan(scorer.score(request(), qa).value());
			assertThat(scorer.score(request(), pov).reasons()).containsExactly("1 active request, 1 POV (load 3)");
		}

		@Test
		void assistingCountsAShare() {
			var assisting = sa("Assist").work(false, false, true).work(true, false, false).work(false, false, false).build();

			assertThat(workload.load(assisting.openWork())).isEqualTo(0.5 + 3 + 1);
			assertThat(workload.describe(assisting.openWork())).isEqualTo("3 active requests (1 as assist), 1 POV");
		}

		@Test
		void fullLoadScoresNothing() {
			var full = sa("Full").work(true, false, false).work(true, false, false).work(true, false, false).build();

			assertThat(scorer.score(request(), full).value()).isZero();
		}
	}

	@Nested
	class Fairness {

		// a span of 20 load units: 1 at 10 below the circle's mean effort, 0 at 10 above
		private final FairnessScorer scorer = new FairnessScorer(60, 20);

		@Test
		void prefersThoseAssignedLessEffortRecently() {
			var none = sa("None").build();
			var three = sa("Three").recent(3).build();
			var circle = new Scorer.Circle(2);

			assertThat(scorer.score(request(), none, circle).value()).isCloseTo(0.5 + 2 / 20.0, within(1e-9));
			assertThat(scorer.score(request(), three, circle).value()).isCloseTo(0.5 - 1 / 20.0, within(1e-9));
			assertThat(scorer.score(request(), three, circle).reasons())
					.containsExactly("3 assignments (effort 3) in the last 60 days, circle mean 2");
		}

		@Test
		void measuresTheGapToTheCircleMeanNotTheAbsoluteEffort() {
			var busy = sa("Busy").recent(20).build();

			// in a circle where everyone is that busy, 20 units is an even share
			assertThat(scorer.score(request(), busy, new Scorer.Circle(20)).value()).isEqualTo(0.5);
			assertThat(scorer.score(request(), busy, new Scorer.Circle(24)).value()).isCloseTo(0.7, within(1e-9));
			assertThat(scorer.score(request(), busy, new Scorer.Circle(5)).value()).isEqualTo(0.0);
		}
	}

	@Nested
	class Continuity {

		private final ContinuityScorer scorer = new ContinuityScorer();

		@Test
		void fullMarksForTheSameAccount() {
			var sam = sa("Sam").past(UUID.randomUUID(), ACCOUNT, Segment.SMB_POOLED, "Energy", List.of()).build();

			var score = scorer.score(request(), sam);

			assertThat(score.value()).isEqualTo(1.0);
			assertThat(score.reasons()).containsExactly("worked on Acme Logistics before (1 request)");
		}

		@Test
		void halfForTheSameAeOnAnotherAccount() {
			var sam = sa("Sam").past(AE, UUID.randomUUID(), Segment.SMB_POOLED, "Energy", List.of())
					.past(AE, UUID.randomUUID(), Segment.SMB_POOLED, "Energy", List.of()).build();

			var score = scorer.score(request(), sam);

			assertThat(score.value()).isEqualTo(0.5);
			assertThat(score.reasons()).containsExactly("worked with Alex Morgan before (2 requests)");
		}

		@Test
		void nothingForStrangers() {
			var hannah = sa("Hannah").past(UUID.randomUUID(), UUID.randomUUID(), Segment.SMB_POOLED, "Energy", List.of())
					.build();

			assertThat(scorer.score(request(), hannah).value()).isZero();
		}
	}
}
