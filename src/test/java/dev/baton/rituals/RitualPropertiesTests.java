package dev.baton.rituals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The settings kept the keys they had in the governance module. */
class RitualPropertiesTests {

	@Test
	void bindsTheGovernanceRitualKeysWithTheirDefaults() {
		var source = new MapConfigurationPropertySource(Map.of("baton.governance.rituals.demo-jam-day", "FRIDAY",
				"baton.governance.rituals.horizon-days", "30"));
		var bound = new Binder(source).bindOrCreate("baton.governance.rituals", RitualProperties.class);
		assertThat(bound.demoJamDay()).isEqualTo(DayOfWeek.FRIDAY);
		assertThat(bound.horizonDays()).isEqualTo(30);
		assertThat(bound.retroTime()).isEqualTo(LocalTime.of(16, 0));
	}
}
