package dev.baton.engagement;

/**
 * The forms an AE files an SA request with; each decides which information is required.
 */
public enum RequestTemplate {

	/** A new SA activity: demo, discovery, deep dive, workshop, POV. */
	SA_ACTIVITY("SA Activity"),
	/** A follow-up to an earlier activity. */
	FOLLOW_UP("Follow Up"),
	/** A vendor security assessment or questionnaire. */
	VENDOR_SECURITY_ASSESSMENT("Vendor Security Assessment");

	private final String label;

	RequestTemplate(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
