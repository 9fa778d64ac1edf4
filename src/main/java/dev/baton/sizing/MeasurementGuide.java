package dev.baton.sizing;

import java.util.List;
import java.util.Objects;

/**
 * How a prospect measures the peak and sustained request rates that sizing needs: the Prometheus
 * queries from the data edition, and the other documented ways.
 *
 * @param edition the id of the data edition the queries come from
 * @param collectionPeriod how long to collect data before running the detailed queries
 * @param queries the queries, the quick one first
 * @param otherMethods other documented ways to find the peak
 * @param transcriptionNote how the queries were transcribed from the sources
 */
public record MeasurementGuide(String edition, String collectionPeriod, List<Query> queries, List<String> otherMethods,
		String transcriptionNote) {

	public MeasurementGuide {
		Objects.requireNonNull(edition, "edition");
		queries = List.copyOf(queries);
		otherMethods = List.copyOf(otherMethods);
	}

	/**
	 * One PromQL query.
	 *
	 * @param id a stable id, such as {@code api-peak}
	 * @param trafficType the traffic type it measures, {@code null} for the quick look over all endpoints
	 * @param statistic whether it measures the absolute peak or the sustained (p95) peak
	 * @param query the PromQL text
	 * @param purpose what it measures
	 * @param sources the ids of the sources it comes from
	 */
	public record Query(String id, TrafficType trafficType, Statistic statistic, String query, String purpose,
			List<String> sources) {

		public Query {
			Objects.requireNonNull(id, "id");
			Objects.requireNonNull(query, "query");
			sources = List.copyOf(sources);
		}
	}

	/** Which peak a query measures. */
	public enum Statistic {
		/** The highest rate seen ({@code max_over_time}). */
		PEAK,
		/** The 95th percentile, the typical busy level ({@code quantile_over_time(0.95, ...)}). */
		SUSTAINED
	}
}
