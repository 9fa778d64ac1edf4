package dev.baton.judgment;

import java.math.BigDecimal;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import dev.baton.organisation.Segment;
import dev.baton.pipeline.Stage;

/**
 * Which open opportunities need an SA Judgment: those in one of the regions and segments (empty
 * means any), whose business unit is one of these (empty means any), whose Net ARR is over
 * {@code minNetArr} (any currency) and whose stage is {@code minStage} or later.
 */
@ConfigurationProperties("baton.governance.judgment")
public record JudgmentProperties(@DefaultValue("EMEA") Set<String> regions,
		@DefaultValue({ "MM_FIRST_ORDER", "MM_NAMED", "MM_TERRITORY", "SMB_FIRST_ORDER", "SMB_NAMED",
				"SMB_FIRST_YEAR_EXPAND", "SMB_POOLED" }) Set<Segment> segments,
		Set<String> businessUnits, @DefaultValue("50000") BigDecimal minNetArr,
		@DefaultValue("TECHNICAL_EVALUATION") Stage minStage) {

	public JudgmentProperties {
		regions = regions == null ? Set.of() : Set.copyOf(regions);
		segments = segments == null ? Set.of() : Set.copyOf(segments);
		businessUnits = businessUnits == null ? Set.of() : Set.copyOf(businessUnits);
		if (minNetArr == null || minNetArr.signum() < 0) {
			throw new IllegalArgumentException(
					"baton.governance.judgment.min-net-arr must be 0 or more but was " + minNetArr);
		}
		if (minStage == null || minStage.isClosed()) {
			throw new IllegalArgumentException(
					"baton.governance.judgment.min-stage must be an open stage but was " + minStage);
		}
	}
}
