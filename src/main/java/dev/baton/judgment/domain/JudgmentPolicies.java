package dev.baton.judgment.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Locale;

import dev.baton.identity.Role;
import dev.baton.judgment.JudgmentColor;
import dev.baton.judgment.JudgmentProperties;
import dev.baton.judgment.JudgmentRule;
import dev.baton.organisation.CallContext;
import dev.baton.pipeline.Opportunity;
import dev.baton.platform.Decision;

/**
 * The SA Judgment rules, as named policies with reasons: who records a judgment, when one is
 * required (from configuration), and when it disagrees with the AE's forecast category.
 */
public final class JudgmentPolicies {

	/**
	 * Whether the required-judgment rule applies, and why (each condition met or the first one not
	 * met). Not a {@link Decision}: neither answer refuses anything, both are shown.
	 */
	public record Requirement(boolean required, String reason) {
	}

	private JudgmentPolicies() {
	}

	/** SAs and SA managers record SA Judgments. */
	public static Decision mayRecord(CallContext caller) {
		return Decision.check().refuseIf(!caller.has(Role.SA) && !caller.has(Role.SA_MANAGER), JudgmentRule.RECORDER,
				() -> "Only SAs record an SA Judgment").decide();
	}

	/** Required when every configured condition holds: region, segment, business unit, Net ARR, stage. */
	public static Requirement required(Opportunity o, JudgmentProperties rule) {
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
	 * forecast it: refused by {@link JudgmentRule#FORECAST_ALIGNMENT} with the reason. Unknown or
	 * missing categories are not judged.
	 */
	public static Decision alignment(JudgmentColor color, String forecastCategory) {
		if (forecastCategory == null || forecastCategory.isBlank()) {
			return Decision.allowed();
		}
		var category = forecastCategory.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", " ").strip();
		switch (category) {
			case "commit":
				return misaligned(color != JudgmentColor.GREEN, "the AE commits the deal but the SA sees "
						+ (color == JudgmentColor.RED ? "high" : "moderate") + " risk (" + color + ")");
			case "best case":
				return misaligned(color == JudgmentColor.RED,
						"the AE forecasts Best Case but the SA sees high risk (RED)");
			case "pipeline":
			case "omitted":
				return misaligned(color == JudgmentColor.GREEN,
						"the SA sees low risk (GREEN) but the AE forecasts " + forecastCategory.strip());
			default:
				return Decision.allowed();
		}
	}

	private static Decision misaligned(boolean misaligned, String reason) {
		return Decision.check().refuseIf(misaligned, JudgmentRule.FORECAST_ALIGNMENT, () -> reason).decide();
	}

	/** {@code part} of {@code whole} to three places; 0 of nothing is 0. */
	public static BigDecimal share(long part, long whole) {
		return whole == 0 ? BigDecimal.ZERO
				: BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 3, RoundingMode.HALF_EVEN);
	}
}
