package dev.baton.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The {@code baton.assignment.*} keys as Spring binds them: documented defaults, per-board weights.
 */
class AssignmentPropertiesTests {

	private static AssignmentProperties bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("baton.assignment",
				AssignmentProperties.class);
	}

	@Test
	void defaultsAreTheDocumentedOnes() {
		var bound = bind(Map.of());

		assertThat(bound).isEqualTo(AssignmentProperties.defaults());
	}

	@Test
	void aBoardMayOverrideSomeWeightsAndKeepsTheBuiltInDefaultsForTheRest() {
		var bound = bind(Map.of("baton.assignment.boards.apac.seniority", "25", "baton.assignment.weights.skills", "50"));

		assertThat(bound.weightsFor("apac").seniority()).isEqualTo(25.0);
		assertThat(bound.weightsFor("apac").skills()).isEqualTo(10.0);
		assertThat(bound.weightsFor("commercial-amer").skills()).isEqualTo(50.0);
		assertThat(bound.weightsFor("commercial-amer").seniority()).isEqualTo(15.0);
	}

	@Test
	void theSkillThresholdAndTheFairnessSpanAreConfigurable() {
		var bound = bind(Map.of("baton.assignment.skill-threshold.soft", "false", "baton.assignment.skill-threshold.margin",
				"2.5", "baton.assignment.fairness-span", "12"));

		assertThat(bound.skillThreshold()).isEqualTo(new AssignmentProperties.SkillThreshold(false, 2.5));
		assertThat(bound.fairnessSpan()).isEqualTo(12.0);
		assertThatThrownBy(() -> bind(Map.of("baton.assignment.fairness-span", "0")))
				.hasStackTraceContaining("fairness-span must be positive");
		assertThatThrownBy(() -> bind(Map.of("baton.assignment.skill-threshold.margin", "-1")))
				.hasStackTraceContaining("skill-threshold.margin must be 0 or more");
	}

	@Test
	void refusesAWorkingDayThatEndsBeforeItStarts() {
		assertThatThrownBy(() -> bind(Map.of("baton.assignment.workday-start", "18:00")))
				.hasStackTraceContaining("workday-end must be after workday-start");
	}
}
