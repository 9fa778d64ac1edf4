package dev.baton.postsales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The settings kept the keys they had in the governance module. */
class LiveOptimizationPropertiesTests {

	private static LiveOptimizationProperties bind(Map<String, String> values) {
		return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("baton.governance.live-optimization",
				LiveOptimizationProperties.class);
	}

	@Test
	void bindsTheGovernanceLiveOptimizationKeysWithTheirDefaults() {
		assertThat(bind(Map.of())).isEqualTo(new LiveOptimizationProperties(1, 2));
		assertThat(bind(Map.of("baton.governance.live-optimization.latest-months", "3")).latestMonths()).isEqualTo(3);
		assertThatThrownBy(() -> bind(Map.of("baton.governance.live-optimization.earliest-months", "4")))
				.hasRootCauseMessage("baton.governance.live-optimization months must be 0 <= earliest <= latest but were 4 and 2");
	}
}
