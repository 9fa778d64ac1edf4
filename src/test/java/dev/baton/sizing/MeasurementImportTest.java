package dev.baton.sizing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import dev.baton.platform.BatonException;
import dev.baton.platform.FieldError;

/**
 * Reading the rates a prospect measured, from the CSV or JSON they write down.
 */
class MeasurementImportTest {

	@Test
	void readsOneCsvRowPerTrafficType() {
		var imported = MeasurementImport.read("""
				traffic_type,peak,sustained
				api,150,90
				web,12,8
				git_pull,15,9
				git_push,2,1
				""");

		assertThat(imported.format()).isEqualTo("csv");
		assertThat(imported.rows()).isEqualTo(4);
		assertRate(imported, TrafficType.API, "150", "90");
		assertRate(imported, TrafficType.WEB, "12", "8");
		assertRate(imported, TrafficType.GIT_PULL, "15", "9");
		assertRate(imported, TrafficType.GIT_PUSH, "2", "1");
	}

	@Test
	void matchesColumnNamesAndTrafficTypesLoosely() {
		var imported = MeasurementImport.read("""
				Traffic Type;Sustained (p95);Peak RPS
				Git Pull;9.5;15.25
				API;;150
				""");

		assertRate(imported, TrafficType.GIT_PULL, "15.25", "9.5");
		assertRate(imported, TrafficType.API, "150", null);
	}

	@Test
	void readsCsvWithoutHeaderInTheDocumentedColumnOrder() {
		var imported = MeasurementImport.read("api,195,95\nweb,3,2\n");

		assertRate(imported, TrafficType.API, "195", "95");
		assertRate(imported, TrafficType.WEB, "3", "2");
	}

	@Test
	void readsOneRowPerQueryWithTheGuidesQueryIds() {
		var imported = MeasurementImport.read("""
				# results of the detailed queries, 2026-02-01 to 2026-02-14
				query,value
				api-peak,150
				api-sustained,90
				git-push-p95,1
				git-push-peak,2 rps
				""");

		assertRate(imported, TrafficType.API, "150", "90");
		assertRate(imported, TrafficType.GIT_PUSH, "2", "1");
	}

	@Test
	void readsRowsByTypeAndStatistic() {
		var imported = MeasurementImport.read("type,statistic,value\napi,peak,150\napi,p95,90\n");

		assertRate(imported, TrafficType.API, "150", "90");
	}

	@Test
	void readsJsonArrayWithNumbersAsTextAsPrometheusGivesThem() {
		var imported = MeasurementImport.read("""
				[{"trafficType": "api", "peak": "150.5", "sustained": 90},
				 {"traffic_type": "git-pull", "peak": 0.1, "sustained": null}]
				""");

		assertThat(imported.format()).isEqualTo("json");
		assertRate(imported, TrafficType.API, "150.5", "90");
		assertRate(imported, TrafficType.GIT_PULL, "0.1", null);
	}

	@Test
	void readsJsonWrappedOrKeyedByTrafficType() {
		assertRate(MeasurementImport.read("{\"measurements\": [{\"query\": \"web-peak\", \"value\": 12}]}"),
				TrafficType.WEB, "12", null);
		assertRate(MeasurementImport.read("{\"rps\": {\"api\": {\"peak\": 150, \"sustained\": 90}}}"),
				TrafficType.API, "150", "90");
	}

	@Test
	void refusesBadRowsNamingEachLine() {
		var refused = refusal("""
				traffic_type,peak,sustained
				api,150,90
				web,lots,8
				ftp,3,2
				api,1,1
				""");

		assertThat(refused.type()).isEqualTo(SizingProblems.MEASUREMENTS_INVALID);
		assertThat(refused.fieldErrors()).containsExactly(
				new FieldError("line 3", "peak must be a number but was 'lots'"),
				new FieldError("line 4", "'ftp' is not a traffic type; use api, web, git_pull or git_push"),
				new FieldError("line 5", "API peak is given already on line 2"),
				new FieldError("line 5", "API sustained is given already on line 2"));
	}

	@Test
	void refusesSustainedAbovePeakOnTheLineOfTheSustainedValue() {
		var refused = refusal("query,value\napi-peak,50\nweb-peak,3\napi-sustained,60\n");

		assertThat(refused.fieldErrors()).singleElement().satisfies(error -> {
			assertThat(error.field()).isEqualTo("line 4");
			assertThat(error.message()).isEqualTo("API sustained: the sustained (p95) rate 60 must not exceed the peak 50");
		});
	}

	@Test
	void refusesNegativeRatesByLine() {
		assertThat(refusal("api,-5,\n").fieldErrors())
				.containsExactly(new FieldError("line 1", "API peak: must not be negative but was -5"));
	}

	@Test
	void refusesRowWithoutAnyRate() {
		assertThat(refusal("traffic_type,peak,sustained\napi,,\n").fieldErrors())
				.containsExactly(new FieldError("line 2", "give the peak, the sustained (p95) rate, or both for API"));
	}

	@Test
	void refusesUnknownQueryIds() {
		assertThat(refusal("query,value\nquick-peak-by-endpoint,400\n").fieldErrors()).singleElement()
				.satisfies(error -> assertThat(error.message()).contains("is not one of the detailed queries"));
	}

	@Test
	void refusesBrokenJsonWithItsLine() {
		var refused = refusal("[\n{\"trafficType\": \"api\", \"peak\": 150},\n{\"trafficType\": \"web\" \"peak\": 3}\n]");

		assertThat(refused.fieldErrors()).singleElement()
				.satisfies(error -> assertThat(error.field()).isEqualTo("line 3"));
	}

	@Test
	void refusesJsonRowThatIsNotAnObjectWithItsLine() {
		assertThat(refusal("[\n{\"trafficType\": \"api\", \"peak\": 150},\n42\n]").fieldErrors()).singleElement()
				.satisfies(error -> assertThat(error.field()).isEqualTo("line 3"));
	}

	@Test
	void refusesEmptyContent() {
		assertThat(refusal("  \n").fieldErrors()).singleElement()
				.satisfies(error -> assertThat(error.field()).isEqualTo("body"));
		assertThat(refusal("traffic_type,peak,sustained\n").fieldErrors()).singleElement()
				.satisfies(error -> assertThat(error.message()).startsWith("holds no measurements"));
	}

	private static BatonException refusal(String content) {
		return catchThrowableOfType(BatonException.class, () -> MeasurementImport.read(content));
	}

	private static void assertRate(MeasurementImport.Imported imported, TrafficType type, String peak,
			String sustained) {
		MetricsInput.Rate rate = imported.metrics().rps().of(type);
		assertThat(rate).as(type.label()).isNotNull();
		assertThat(rate.peak()).as(type.label() + " peak").isEqualTo(peak == null ? null : new BigDecimal(peak));
		assertThat(rate.sustained()).as(type.label() + " sustained")
				.isEqualTo(sustained == null ? null : new BigDecimal(sustained));
	}
}
