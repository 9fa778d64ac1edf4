package dev.baton.sizing;

/**
 * The names of the rules, as the recommendations report them.
 */
final class RuleNames {

	static final String REQUEST_RATES = "Size by requests per second";
	static final String PEAK_OR_SUSTAINED = "Choose between peak and sustained";
	static final String USER_COUNT = "Size by user count";
	static final String DOCUMENTED_RANGE = "Stay within the documented range";
	static final String START_LARGE = "If in doubt, start large";
	static final String AVAILABILITY = "Standalone or HA";
	static final String DEPLOYMENT = "Linux package or Kubernetes";
	static final String CLOUD_NATIVE_FIRST = "Cloud Native First (Beta)";
	static final String REPOSITORIES = "Large repositories and monorepos";
	static final String WORKLOAD_SHAPE = "Workload shape";
	static final String GITALY = "Gitaly topology";
	static final String GEO = "Geo for multi-region or disaster recovery";
	static final String RECOVERY = "Recovery objectives";
	static final String CLOUD_SERVICES = "Managed cloud services";

	private RuleNames() {
	}
}
