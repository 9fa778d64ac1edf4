package dev.baton.governance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Optional;

import dev.baton.pipeline.Opportunity;

/**
 * The SA Judgment rules, as named policies with reasons: when a judgment is required (from
 * configuration), and when it disagrees with the AE's forecast category.
 */
final class JudgmentPolicies {

	/** Whether the rule applies, and why (each condition met or the first one not met). */
	record Requirement(boolean required, String reason) {
	}

	private JudgmentPolicies() {
	}

	/** Required when every configured condition holds: region, segment, business unit, Net ARR, stage. */
	static Requirement required(Opportunity o, GovernanceProperties.Judgment rule) {
		if (o.stage().isClosed()) {
			return new Requirement(false, "the opportunity is " + o.stage().label());
		}
		if (!rule.regions().isEmpty() && (o.regionKey() == null || !rule.regions().contains(o.regionKey()))) {
			return new Requirement(false, "region " + o.regionKey() + " is not one of " + rule.regions());
		}
		if (!rule.segments().isEmpty() && !rule.segments().contains(o.segment())) {
			return new Requirement(false, o.segment().label() + " is not a segment that needs a judgment");
		}
		if (!rule.businessUnits().isEmpty() && (o.businessUnit() == null || rule.businessUnits().stream()
				.noneMatch(bu -> bu.equalsIgnoreCase(o.businessUnit())))) {
			return new Requirement(false, "business unit " + o.businessUnit() + " is not one of " + rule.businessUnits());
		}
		if (o.netArr().amount().compareTo(rule.minNetArr()) <= 0) {
			return new Requirement(false, "Net ARR " + o.netArr().formatted() + " is not over "
					+ rule.minNetArr().toPlainString());
		}
		if (!o.stage().isAtLeast(rule.minStage())) {
			return new Requirement(false, "stage " + o.stage().label() + " is before " + rule.minStage().label());
		}
		var reasons = new ArrayList<String>();
		if (!rule.regions().isEmpty()) {
			reasons.add("region " + o.regionKey());
		}
		if (!rule.segments().isEmpty()) {
			reasons.add(o.segment().label());
		}
		reasons.add("Net ARR " + o.netArr().formatted() + " over " + rule.minNetArr().toPlainString());
		reasons.add("stage " + o.stage().label() + " at or after " + rule.minStage().label());
		return new Requirement(true, String.join(", ", reasons));
	}

	/**
	 * Where the SA's colour and the AE's forecast category disagree: a Commit that is not GREEN, a
	 * Best Case that is RED, an Omitted or Pipeline deal the SA sees as GREEN while the AE does not
	 * forecast it. Unknown or missing categories are not judged.
	 */
	static Optional<String> misalignment(JudgmentColor color, String forecastCategory) {
		if (forecastCategory == null || forecastCategory.isBlank()) {
			return Optional.empty();
		}
		var category = forecastCategory.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", " ").strip();
		switch (category) {
			case "commit":
				return color == JudgmentColor.GREEN ? Optional.empty()
						: Optional.of("the AE commits the deal but the SA sees " + (color == JudgmentColor.RED ? "high"
								: "moderate") + " risk (" + color + ")");
			case "best case":
				return color == JudgmentColor.RED
						? Optional.of("the AE forecasts Best Case but the SA sees high risk (RED)") : Optional.empty();
			case "pipeline":
			case "omitted":
				return color == JudgmentColor.GREEN
						? Optional.of("the SA sees low risk (GREEN) but the AE forecasts " + forecastCategory.strip())
						: Optional.empty();
			default:
				return Optional.empty();
		}
	}

	static BigDecimal share(long part, long whole) {
		return whole == 0 ? BigDecimal.ZERO
				: BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 3, java.math.RoundingMode.HALF_EVEN);
	}
}
