package dev.baton.sizing;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The measurement guide with the steps a prospect follows, and the import format its results go in.
 */
@Schema(name = "SizingMeasurementGuide")
record MeasurementInstructions(@Schema(description = "The data edition the queries come from") String edition,
		@Schema(description = "How long to collect data first") String collectionPeriod,
		@Schema(description = "What to do, in order") List<String> steps,
		@Schema(description = "The Prometheus queries, the quick look first, then peak and sustained per traffic "
				+ "type") List<MeasurementGuide.Query> queries,
		@Schema(description = "Other documented ways to find the peak") List<String> otherMethods,
		@Schema(description = "How the queries were transcribed from the sources") String transcriptionNote,
		@Schema(description = "A CSV file in the format the import takes") String importExample) {

	static final String IMPORT_EXAMPLE = """
			traffic_type,peak,sustained
			api,150,90
			web,12,8
			git_pull,15,9
			git_push,2,1
			""";

	static MeasurementInstructions of(MeasurementGuide guide) {
		var steps = List.of(
				guide.collectionPeriod(),
				"Run the quick-look query (quick-peak-by-endpoint) in Prometheus or Grafana Explore to see which "
						+ "controllers and actions are busiest.",
				"Run the eight detailed queries. Each answers one number: the peak (max_over_time) or the sustained "
						+ "peak (95th percentile, quantile_over_time) in requests per second of one traffic type "
						+ "over the last 7 days ([7d:1m]). Run them when that window covers the busiest period.",
				"Write the results down, one row per traffic type: traffic_type,peak,sustained (api, web, git_pull, "
						+ "git_push), or one row per query: query,value (api-peak,150). Leave a cell empty if it "
						+ "was not measured.",
				"Import the file on the Sizing page or with POST /api/v1/sizing/measurements/import, check the "
						+ "values and ask for the recommendation.",
				"Without Prometheus, use one of the other methods: " + String.join("; ", guide.otherMethods()) + ".");
		return new MeasurementInstructions(guide.edition(), guide.collectionPeriod(), steps, guide.queries(),
				guide.otherMethods(), guide.transcriptionNote(), IMPORT_EXAMPLE);
	}
}
