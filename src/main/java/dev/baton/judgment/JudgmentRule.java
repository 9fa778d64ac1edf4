package dev.baton.judgment;

import dev.baton.platform.Rule;

/**
 * The SA Judgment rules a decision names.
 */
public enum JudgmentRule implements Rule {

	/** SAs and SA managers record judgments. */
	@Rule.Id("judgment.recorder")
	RECORDER,
	/** The SA's colour agrees with the AE's forecast category. */
	@Rule.Id("judgment.forecast-alignment")
	FORECAST_ALIGNMENT;
}
