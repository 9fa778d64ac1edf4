package dev.baton.assignment;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import dev.baton.assignment.domain.ContinuityScorer;
import dev.baton.assignment.domain.ExperienceScorer;
import dev.baton.assignment.domain.FairnessScorer;
import dev.baton.assignment.domain.LoadScorer;
import dev.baton.assignment.domain.SeniorityScorer;
import dev.baton.assignment.domain.SkillMatchScorer;

/**
 * Assignment settings: scorer weights (defaults and per board), what makes a deal strategic, the
 * effort of open work, capacity thresholds and the working day used by the working-hours filter.
 *
 * @param strategicNetArr Net ARR at or above which an opportunity is strategic, in any currency
 * @param fairnessWindow how far back assignments count for fairness
 * @param experienceWindow how far back the circle's requests count as experience and continuity
 * @param workdayStart start of an SA's working day, local time in their own zone (HH:mm)
 * @param workdayEnd end of an SA's working day, exclusive (HH:mm)
 * @param weights the scorer weights of every board without its own
 * @param boards scorer weights per board key, replacing the defaults for that board
 * @param effort how much each kind of open request weighs in an SA's load
 * @param capacity the load an SA carries and where the statuses start
 * @param fairnessSpan load units over which the fairness value goes from 1 (half of it below the
 * circle's mean effort) to 0 (half of it above)
 * @param skillThreshold when an SA without a demanded skill may stand in for those with one
 */
@ConfigurationProperties("baton.assignment")
public record AssignmentProperties(@DefaultValue("100000") BigDecimal strategicNetArr,
		@DefaultValue("60d") Duration fairnessWindow, @DefaultValue("365d") Duration experienceWindow,
		@DefaultValue("09:00") String workdayStart, @DefaultValue("17:00") String workdayEnd,
		@DefaultValue Weights weights, Map<String, Weights> boards, @DefaultValue Effort effort,
		@DefaultValue Capacity capacity, @DefaultValue("20") double fairnessSpan,
		@DefaultValue SkillThreshold skillThreshold) {

	public AssignmentProperties {
		if (strategicNetArr == null || strategicNetArr.signum() < 0) {
			throw new IllegalArgumentException("baton.assignment.strategic-net-arr must be 0 or more but was " + strategicNetArr);
		}
		requirePositive("baton.assignment.fairness-window", fairnessWindow);
		if (!(fairnessSpan > 0)) {
			throw new IllegalArgumentException("baton.assignment.fairness-span must be positive but was " + fairnessSpan);
		}
		requirePositive("baton.assignment.experience-window", experienceWindow);
		if (!LocalTime.parse(workdayEnd).isAfter(LocalTime.parse(workdayStart))) {
			throw new IllegalArgumentException("baton.assignment.workday-end must be after workday-start but was "
					+ workdayStart + "-" + workdayEnd);
		}
		boards = boards == null ? Map.of() : Map.copyOf(boards);
	}

	/** The defaults, as if nothing were configured. */
	public static AssignmentProperties defaults() {
		return new AssignmentProperties(new BigDecimal("100000"), Duration.ofDays(60), Duration.ofDays(365), "09:00",
				"17:00", Weights.defaults(), Map.of(), new Effort(3, 1, 0.5, 0.5), new Capacity(6, 0.6, 14), 20,
				new SkillThreshold(true, 1));
	}

	public LocalTime workdayStartTime() {
		return LocalTime.parse(workdayStart);
	}

	public LocalTime workdayEndTime() {
		return LocalTime.parse(workdayEnd);
	}

	/** The weights of a board: its own if configured, else the defaults. */
	public Weights weightsFor(String boardKey) {
		return boardKey != null && boards.containsKey(boardKey) ? boards.get(boardKey) : weights;
	}

	/**
	 * How many points each scorer can give at most; a scorer's value (0 to 1) is multiplied by its
	 * weight, and the total is the sum.
	 */
	public record Weights(@DefaultValue("10") double skills, @DefaultValue("5") double experience,
			@DefaultValue("15") double seniority, @DefaultValue("40") double load, @DefaultValue("30") double fairness,
			@DefaultValue("5") double continuity) {

		public Weights {
			for (var weight : new double[] { skills, experience, seniority, load, fairness, continuity }) {
				if (weight < 0 || Double.isNaN(weight)) {
					throw new IllegalArgumentException("baton.assignment weights must be 0 or more but one was " + weight);
				}
			}
		}

		static Weights defaults() {
			return new Weights(10, 5, 15, 40, 30, 5);
		}

		public double of(String factor) {
			switch (factor) {
			case SkillMatchScorer.NAME:
				return skills;
			case ExperienceScorer.NAME:
				return experience;
			case SeniorityScorer.NAME:
				return seniority;
			case LoadScorer.NAME:
				return load;
			case FairnessScorer.NAME:
				return fairness;
			case ContinuityScorer.NAME:
				return continuity;
			default:
				throw new IllegalArgumentException("No weight for factor " + factor);
			}
		}
	}

	/**
	 * Load units of one open request: a POV (asks contain POV or the SA POV label) weighs more than
	 * a standard request, a Q&A-only request (technical Q&A, reverse AMA) less; assisting counts a
	 * share of the main role.
	 */
	public record Effort(@DefaultValue("3") double pov, @DefaultValue("1") double standard, @DefaultValue("0.5") double qa,
			@DefaultValue("0.5") double assistShare) {

		public Effort {
			if (pov < 0 || standard < 0 || qa < 0 || assistShare < 0 || assistShare > 1) {
				throw new IllegalArgumentException("baton.assignment.effort weights must be 0 or more (assist-share at most 1)");
			}
		}
	}

	/**
	 * An SA's capacity in load units over the horizon, reduced by the share of the horizon's working
	 * days they are away; Stretched from {@code stretchedShare} of capacity, At capacity from all of it.
	 */
	public record Capacity(@DefaultValue("6") double unitsPerSa, @DefaultValue("0.6") double stretchedShare,
			@DefaultValue("14") int horizonDays) {

		public Capacity {
			if (unitsPerSa <= 0 || stretchedShare <= 0 || stretchedShare > 1 || horizonDays < 1) {
				throw new IllegalArgumentException("baton.assignment.capacity: units-per-sa must be positive, "
						+ "stretched-share in (0, 1], horizon-days at least 1");
			}
		}
	}

	/**
	 * Skill is a threshold: SAs with a demanded skill rank before those without. When {@code soft},
	 * an SA without one who has room and less effort than the circle's mean joins them, but only
	 * while every SA with room and a demanded skill is at least {@code margin} load units of effort
	 * above that mean (all within the fairness window).
	 */
	public record SkillThreshold(@DefaultValue("true") boolean soft, @DefaultValue("1") double margin) {

		public SkillThreshold {
			if (margin < 0 || Double.isNaN(margin)) {
				throw new IllegalArgumentException("baton.assignment.skill-threshold.margin must be 0 or more but was " + margin);
			}
		}
	}

	private static void requirePositive(String key, Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException(key + " must be a positive duration but was " + value);
		}
	}
}
