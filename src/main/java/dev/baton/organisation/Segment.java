package dev.baton.organisation;

/**
 * The account executive segments of the engagement model.
 */
public enum Segment {

	MM_FIRST_ORDER("Mid-Market First Order"),
	MM_NAMED("Mid-Market Named (Key)"),
	MM_TERRITORY("Mid-Market Territory"),
	SMB_FIRST_ORDER("SMB First Order"),
	SMB_NAMED("SMB Named (Key)"),
	SMB_FIRST_YEAR_EXPAND("SMB First Year Expand"),
	SMB_POOLED("SMB Pooled"),
	STRATEGIC("Strategic Account Leader");

	private final String label;

	Segment(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
