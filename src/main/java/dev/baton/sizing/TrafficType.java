package dev.baton.sizing;

/**
 * The four kinds of traffic the reference architectures set a target rate for.
 */
public enum TrafficType {

	API("api", "API"),
	WEB("web", "Web"),
	GIT_PULL("gitPull", "Git pull"),
	GIT_PUSH("gitPush", "Git push");

	private final String key;
	private final String label;

	TrafficType(String key, String label) {
		this.key = key;
		this.label = label;
	}

	/** The name used in field paths and in the data files ({@code gitPull}). */
	public String key() {
		return key;
	}

	/** The name people read ({@code Git pull}). */
	public String label() {
		return label;
	}
}
