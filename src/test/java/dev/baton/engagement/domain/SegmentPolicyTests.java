package dev.baton.engagement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.baton.organisation.Segment;
import dev.baton.pipeline.Stage;

/**
 * The segment table of the engagement model.
 */
class SegmentPolicyTests {

	private static final LocalDate TODAY = LocalDate.parse("2026-11-23");

	@Test
	void midMarketFirstOrderFinishesTheTechnicalEvaluationFifteenDaysBeforeClose() {
		var assessment = SegmentPolicy.assess(Segment.MM_FIRST_ORDER, Stage.SCOPING, LocalDate.parse("2027-01-31"),
				List.of(), true, TODAY, null);

		assertThat(assessment.techEvalTarget()).isEqualTo(LocalDate.parse("2027-01-16"));
		assertThat(assessment.techEvalAtRisk()).isFalse();
		assertThat(assessment.gate()).isEqualTo(ApprovalGate.NONE);
		assertThat(assessment.advisories()).noneMatch(a -> a.level() == Advisory.Level.WARNING);
	}

	@Test
	void namedAndTerritoryAccountsFinishThirtyDaysBeforeClose() {
		assertThat(SegmentPolicy.assess(Segment.MM_NAMED, Stage.DISCOVERY, LocalDate.parse("2027-01-31"), List.of(), false,
				TODAY, null).techEvalTarget()).isEqualTo(LocalDate.parse("2027-01-01"));
		assertThat(SegmentPolicy.assess(Segment.MM_TERRITORY, Stage.TECHNICAL_EVALUATION, LocalDate.parse("2027-01-31"),
				List.of(), true, TODAY, null).techEvalTarget()).isEqualTo(LocalDate.parse("2027-01-01"));
	}

	@Test
	void warnsWhenTheStageIsOutsideTheSegmentsEngagementStages() {
		var assessment = SegmentPolicy.assess(Segment.MM_TERRITORY, Stage.SCOPING, LocalDate.parse("2027-03-31"), List.of(),
				true, TODAY, null);

		assertThat(assessment.advisories()).anyMatch(a -> a.rule().equals("segment.engagement-stage")
				&& a.level() == Advisory.Level.WARNING && a.message().contains("2-Scoping"));
	}

	@Test
	void warnsWhenTheCommandPlanOrPitchDeckIsMissingForFirstOrders() {
		var assessment = SegmentPolicy.assess(Segment.MM_FIRST_ORDER, Stage.SCOPING, LocalDate.parse("2027-03-31"),
				List.of("attendees"), false, TODAY, null);

		assertThat(assessment.advisories()).anyMatch(a -> a.rule().equals("segment.prerequisites")
				&& a.message().contains("attendees") && a.message().contains("pitch deck"));
	}

	@Test
	void theTechnicalEvaluationIsAtRiskWithLessThanAWeekLeft() {
		var assessment = SegmentPolicy.assess(Segment.SMB_FIRST_ORDER, Stage.TECHNICAL_EVALUATION,
				LocalDate.parse("2026-12-10"), List.of(), false, TODAY, null);

		assertThat(assessment.techEvalTarget()).isEqualTo(LocalDate.parse("2026-11-25"));
		assertThat(assessment.techEvalAtRisk()).isTrue();
		assertThat(assessment.advisories()).anyMatch(a -> a.message().contains("Only 2 days left"));
	}

	@Test
	void theTechnicalEvaluationIsAtRiskWhenTheMeetingIsAfterItsTarget() {
		var assessment = SegmentPolicy.assess(Segment.SMB_NAMED, Stage.SCOPING, LocalDate.parse("2027-01-15"), List.of(),
				false, TODAY, LocalDate.parse("2027-01-05"));

		assertThat(assessment.techEvalAtRisk()).isTrue();
	}

	@Test
	void firstYearExpandWaitsForAnAsmReview() {
		var assessment = SegmentPolicy.assess(Segment.SMB_FIRST_YEAR_EXPAND, Stage.PROPOSAL, LocalDate.parse("2027-01-15"),
				List.of(), false, TODAY, null);

		assertThat(assessment.gate()).isEqualTo(ApprovalGate.ASM_REVIEW);
		assertThat(assessment.techEvalTarget()).isNull();
	}

	@Test
	void pooledWaitsForTheAsmAndTheSaManager() {
		var assessment = SegmentPolicy.assess(Segment.SMB_POOLED, Stage.SCOPING, LocalDate.parse("2027-01-15"), List.of(),
				false, TODAY, null);

		assertThat(assessment.gate()).isEqualTo(ApprovalGate.ASM_AND_SA_MANAGER);
		assertThat(assessment.gate().approvers()).containsExactlyInAnyOrder(dev.baton.identity.Role.ASM,
				dev.baton.identity.Role.SA_MANAGER);
	}
}
