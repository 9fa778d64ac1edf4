package dev.baton.judgment;

import dev.baton.platform.Rule;

/**
 * The SA Judgment rules a decision names.
 */
public enum JudgmentRule implements Rule {

	/** SAs and SA managers record judgments. */
	RECORDER("judgment.recorder"),
	/** The SA's colour agrees with the AE's forecast category. */
	FORECAST_ALIGNMENT("judgment.forecast-alignment");

	private final String id;

	JudgmentRule(String id) {
		this.id = id;
	}

	@Override
	public String id() {
		return id;
	}
}
