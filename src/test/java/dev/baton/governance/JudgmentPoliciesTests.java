package dev.baton.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.baton.organisation.Segment;
import dev.baton.pipeline.CommandPlan;
import dev.baton.pipeline.Opportunity;
import dev.baton.pipeline.Stage;
import dev.baton.pipeline.SubscriptionType;
import dev.baton.platform.Money;

class JudgmentPoliciesTests {

	private static final GovernanceProperties.Judgment DEFAULT = new GovernanceProperties.Judgment(Set.of("EMEA"),
			Set.of(Segment.MM_FIRST_ORDER, Segment.SMB_NAMED), Set.of(), new BigDecimal("50000"),
			Stage.TECHNICAL_EVALUATION);

	private static Opportunity opportunity(String region, Segment segment, String netArr, Stage stage) {
		return new Opportunity(UUID.randomUUID(), "X", UUID.randomUUID(), "Deal", UUID.randomUUID(), segment, "Sales",
				region, stage, Money.of(netArr, "EUR"), LocalDate.parse("2027-01-01"), SubscriptionType.SAAS, "Commit",
				CommandPlan.empty(), 0, Instant.EPOCH, Instant.EPOCH);
	}

	@Test
	void requiresEmeaCommercialOverFiftyThousandFromStageThree() {
		assertThat(JudgmentPolicies.required(opportunity("EMEA", Segment.MM_FIRST_ORDER, "50000.01",
				Stage.TECHNICAL_EVALUATION), DEFAULT).required()).isTrue();
		assertThat(JudgmentPolicies.required(opportunity("EMEA", Segment.MM_FIRST_ORDER, "50000",
				Stage.TECHNICAL_EVALUATION), DEFAULT).required()).isFalse();
		assertThat(JudgmentPolicies.required(opportunity("AMER", Segment.MM_FIRST_ORDER, "90000",
				Stage.PROPOSAL), DEFAULT).required()).isFalse();
		assertThat(JudgmentPolicies.required(opportunity("EMEA", Segment.STRATEGIC, "90000",
				Stage.PROPOSAL), DEFAULT).required()).isFalse();
		assertThat(JudgmentPolicies.required(opportunity("EMEA", Segment.MM_FIRST_ORDER, "90000",
				Stage.SCOPING), DEFAULT).reason()).contains("before 3-Technical Evaluation");
		assertThat(JudgmentPolicies.required(opportunity("EMEA", Segment.MM_FIRST_ORDER, "90000",
				Stage.CLOSED_WON), DEFAULT).required()).isFalse();
	}

	@Test
	void theRuleIsConfiguration() {
		var fromStageTwo = new GovernanceProperties.Judgment(Set.of(), Set.of(), Set.of("Sales"), new BigDecimal("10000"),
				Stage.SCOPING);
		assertThat(JudgmentPolicies.required(opportunity("AMER", Segment.STRATEGIC, "20000", Stage.SCOPING),
				fromStageTwo).required()).isTrue();
		var otherUnit = new GovernanceProperties.Judgment(Set.of(), Set.of(), Set.of("Channel"), BigDecimal.ZERO,
				Stage.SCOPING);
		assertThat(JudgmentPolicies.required(opportunity("AMER", Segment.STRATEGIC, "20000", Stage.SCOPING),
				otherUnit).required()).isFalse();
	}

	@Test
	void misalignmentComparesTheColourWithTheForecastCategory() {
		assertThat(JudgmentPolicies.misalignment(JudgmentColor.GREEN, "Commit")).isEmpty();
		assertThat(JudgmentPolicies.misalignment(JudgmentColor.YELLOW, "Commit")).isPresent();
		assertThat(JudgmentPolicies.misalignment(JudgmentColor.RED, "commit")).isPresent();
		assertThat(JudgmentPolicies.misalignment(JudgmentColor.RED, "Best Case")).isPresent();
		assertThat(JudgmentPolicies.misalignment(JudgmentColor.YELLOW, "Best Case")).isEmpty();
		assertThat(JudgmentPolicies.misalignment(JudgmentColor.GREEN, "Pipeline")).isPresent();
		assertThat(JudgmentPolicies.misalignment(JudgmentColor.GREEN, "Omitted")).isPresent();
		assertThat(JudgmentPolicies.misalignment(JudgmentColor.RED, null)).isEmpty();
	}
}
