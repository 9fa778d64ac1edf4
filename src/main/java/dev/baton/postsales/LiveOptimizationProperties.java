package dev.baton.postsales;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When a Live Optimization session is due: between {@code earliestMonths} and
 * {@code latestMonths} after a net-new SMB customer's close date.
 */
@ConfigurationProperties("baton.governance.live-optimization")
record LiveOptimizationProperties(@DefaultValue("1") int earliestMonths, @DefaultValue("2") int latestMonths) {

	LiveOptimizationProperties {
		if (earliestMonths < 0 || latestMonths < earliestMonths) {
			throw new IllegalArgumentException("baton.governance.live-optimization months must be 0 <= earliest <= latest but were "
					+ earliestMonths + " and " + latestMonths);
		}
	}
}
