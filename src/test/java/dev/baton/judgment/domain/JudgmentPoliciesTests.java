package dev.baton.judgment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.baton.TestCallers;
import dev.baton.identity.Role;
import dev.baton.judgment.JudgmentColor;
import dev.baton.judgment.JudgmentProperties;
import dev.baton.judgment.JudgmentRule;
import dev.baton.organisation.Segment;
import dev.baton.pipeline.CommandPlan;
import dev.baton.pipeline.Opportunity;
import dev.baton.pipeline.Stage;
import dev.baton.pipeline.SubscriptionType;
import dev.baton.platform.Money;

class JudgmentPoliciesTests {

	private static final JudgmentProperties DEFAULT = new JudgmentProperties(Set.of("EMEA"),
			Set.of(Segment.MM_FIRST_ORDER, Segment.SMB_NAMED), Set.of(), new BigDecimal("50000"),
			Stage.TECHNICAL_EVALUATION);

	private static Opportunity opportunity(String region, Segment segment, String netArr, Stage stage) {
		return new Opportunity(UUID.randomUUID(), "X", UUID.randomUUID(), "Deal", UUID.randomUUID(), segment, "Sales",
				region, stage, Money.of(netArr, "EUR"), LocalDate.parse("2027-01-01"), SubscriptionType.SAAS, "Commit",
				CommandPlan.empty(), 0, Instant.EPOCH, Instant.EPOCH);
	}

	@Test
	void onlySasAndSaManagersRecord() {
		assertThat(JudgmentPolicies.mayRecord(TestCallers.person("s", Role.SA)).isAllowed()).isTrue();
		assertThat(JudgmentPolicies.mayRecord(TestCallers.person("m", Role.SA_MANAGER)).isAllowed()).isTrue();
		assertThat(JudgmentPolicies.mayRecord(TestCallers.person("a", Role.AE)).refuses(JudgmentRule.RECORDER)).isTrue();
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
		var fromStageTwo = new JudgmentProperties(Set.of(), Set.of(), Set.of("Sales"), new BigDecimal("10000"),
				Stage.SCOPING);
		assertThat(JudgmentPolicies.required(opportunity("AMER", Segment.STRATEGIC, "20000", Stage.SCOPING),
				fromStageTwo).required()).isTrue();
		var otherUnit = new JudgmentProperties(Set.of(), Set.of(), Set.of("Channel"), BigDecimal.ZERO,
				Stage.SCOPING);
		assertThat(JudgmentPolicies.required(opportunity("AMER", Segment.STRATEGIC, "20000", Stage.SCOPING),
				otherUnit).required()).isFalse();
	}

	@Test
	void misalignmentComparesTheColourWithTheForecastCategory() {
		assertThat(JudgmentPolicies.alignment(JudgmentColor.GREEN, "Commit").isAllowed()).isTrue();
		assertThat(JudgmentPolicies.alignment(JudgmentColor.YELLOW, "Commit").refuses(JudgmentRule.FORECAST_ALIGNMENT)).isTrue();
		assertThat(JudgmentPolicies.alignment(JudgmentColor.RED, "commit").refuses(JudgmentRule.FORECAST_ALIGNMENT)).isTrue();
		assertThat(JudgmentPolicies.alignment(JudgmentColor.RED, "Best Case").refuses(JudgmentRule.FORECAST_ALIGNMENT)).isTrue();
		assertThat(JudgmentPolicies.alignment(JudgmentColor.YELLOW, "Best Case").isAllowed()).isTrue();
		assertThat(JudgmentPolicies.alignment(JudgmentColor.GREEN, "Pipeline").refuses(JudgmentRule.FORECAST_ALIGNMENT)).isTrue();
		assertThat(JudgmentPolicies.alignment(JudgmentColor.GREEN, "Omitted").refuses(JudgmentRule.FORECAST_ALIGNMENT)).isTrue();
		assertThat(JudgmentPolicies.alignment(JudgmentColor.RED, null).isAllowed()).isTrue();
	}
}
