package dev.baton.governance;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import dev.baton.organisation.Segment;
import dev.baton.pipeline.Stage;

/**
 * Governance settings: when an SA judgment is required and when rituals happen.
 *
 * @param judgment which open opportunities need an SA judgment
 * @param rituals the circle rituals' days and times, in the circle's board time zone
 */
@ConfigurationProperties("baton.governance")
record GovernanceProperties(@DefaultValue Judgment judgment, @DefaultValue Rituals rituals) {

	/**
	 * An open opportunity needs a judgment when it is in one of the regions and segments (empty
	 * means any), its business unit is one of these (empty means any), its Net ARR is over
	 * {@code minNetArr} (any currency) and its stage is {@code minStage} or later.
	 */
	record Judgment(@DefaultValue("EMEA") Set<String> regions,
			@DefaultValue({ "MM_FIRST_ORDER", "MM_NAMED", "MM_TERRITORY", "SMB_FIRST_ORDER", "SMB_NAMED",
					"SMB_FIRST_YEAR_EXPAND", "SMB_POOLED" }) Set<Segment> segments,
			Set<String> businessUnits, @DefaultValue("50000") BigDecimal minNetArr,
			@DefaultValue("TECHNICAL_EVALUATION") Stage minStage) {

		Judgment {
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

	/**
	 * Demo jams and peer reviews every two weeks counted from {@code anchor} (a Monday), on their
	 * weekdays; the win/loss retro on {@code retroDay} of each quarter's first week.
	 */
	record Rituals(@DefaultValue("2026-01-05") LocalDate anchor, @DefaultValue("THURSDAY") DayOfWeek demoJamDay,
			@DefaultValue("15:00") LocalTime demoJamTime, @DefaultValue("TUESDAY") DayOfWeek peerReviewDay,
			@DefaultValue("15:00") LocalTime peerReviewTime, @DefaultValue("WEDNESDAY") DayOfWeek retroDay,
			@DefaultValue("16:00") LocalTime retroTime, @DefaultValue("120") int horizonDays) {

		Rituals {
			if (anchor.getDayOfWeek() != DayOfWeek.MONDAY) {
				throw new IllegalArgumentException("baton.governance.rituals.anchor must be a Monday but was " + anchor
						+ " (" + anchor.getDayOfWeek() + ")");
			}
			if (horizonDays < 1 || horizonDays > 400) {
				throw new IllegalArgumentException(
						"baton.governance.rituals.horizon-days must be 1 to 400 but was " + horizonDays);
			}
		}
	}
}
