package dev.baton.judgment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import dev.baton.pipeline.Stage;

/** The settings kept the keys they had in the governance module. */
class JudgmentPropertiesTests {

	@Test
	void bindsTheGovernanceJudgmentKeysWithTheirDefaults() {
		var source = new MapConfigurationPropertySource(Map.of("baton.governance.judgment.min-net-arr", "1000",
				"baton.governance.judgment.business-units", "Sales"));
		var bound = new Binder(source).bindOrCreate("baton.governance.judgment", JudgmentProperties.class);
		assertThat(bound.minNetArr()).isEqualByComparingTo(new BigDecimal("1000"));
		assertThat(bound.businessUnits()).containsExactly("Sales");
		assertThat(bound.regions()).containsExactly("EMEA");
		assertThat(bound.minStage()).isEqualTo(Stage.TECHNICAL_EVALUATION);
	}
}
