package dev.baton.sizing;

import static dev.baton.sizing.SizingApiTests.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.baton.BatonIntegrationTest;
import dev.baton.Http;

/**
 * Importing what the prospect measured, as CSV, JSON or an uploaded file, through the API.
 */
@BatonIntegrationTest
class MeasurementImportApiTests {

	private static final String CSV = """
			traffic_type,peak,sustained
			api,150,90
			web,12,8
			git_pull,15,9
			git_push,2,1
			""";

	@LocalServerPort
	int port;

	private Http.Response send(String contentType, String body) {
		return Http.to(port).as("sa").send("POST", "/api/v1/sizing/measurements/import", contentType,
				body.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void answersTheMetricsReadFromCsvReadyToPrefillTheForm() {
		var response = send("text/csv", CSV);

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		var body = response.json();
		assertThat(body.path("format").asString()).isEqualTo("csv");
		assertThat(body.path("rows").asInt()).isEqualTo(4);
		assertThat(body.path("metrics").path("rps").path("api").path("peak").asInt()).isEqualTo(150);
		assertThat(body.path("metrics").path("rps").path("gitPush").path("sustained").asInt()).isEqualTo(1);
		assertThat(body.path("metrics").has("users")).isFalse();
	}

	@Test
	void importedMetricsAreAcceptedByTheRecommendation() {
		var metrics = send("text/csv", CSV).json().path("metrics").toString();

		var recommendation = Http.to(port).as("sa").post("/api/v1/sizing/recommendations", metrics);

		assertThat(recommendation.status()).isEqualTo(200);
		assertThat(recommendation.json().path("architecture").path("id").asString()).isEqualTo("10k");
	}

	@Test
	void readsJson() {
		var response = send("application/json", "[{\"trafficType\": \"api\", \"peak\": 150, \"sustained\": 90}]");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().path("format").asString()).isEqualTo("json");
		assertThat(response.json().path("metrics").path("rps").path("api").path("sustained").asInt()).isEqualTo(90);
	}

	@Test
	void readsAnUploadedFile() {
		String boundary = "----sizing-boundary";
		String multipart = "--" + boundary + "\r\n"
				+ "Content-Disposition: form-data; name=\"file\"; filename=\"rates.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n" + CSV + "\r\n--" + boundary + "--\r\n";

		var response = send("multipart/form-data; boundary=" + boundary, multipart);

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().path("metrics").path("rps").path("gitPull").path("peak").asInt()).isEqualTo(15);
	}

	@Test
	void refusesBadRowsByLineNumber() {
		var response = send("text/csv", """
				traffic_type,peak,sustained
				api,150,90
				web,twelve,8
				git_pull,9,15
				""");

		assertProblem(response, 400, "sizing-measurements-invalid");
		var errors = response.json().path("errors");
		assertThat(errors.findValuesAsString("field")).containsExactly("line 3", "line 4");
		assertThat(errors.get(0).path("message").asString()).contains("twelve");
		assertThat(errors.get(1).path("message").asString()).contains("must not exceed the peak 9");
		assertThat(response.json().path("detail").asString()).contains("line 3").contains("line 4");
	}

	@Test
	void refusesAnEmptyBody() {
		assertProblem(send("text/csv", ""), 400, "sizing-measurements-invalid");
	}

	@Test
	void customerMayNotImport() {
		var response = Http.to(port).as("customer").send("POST", "/api/v1/sizing/measurements/import", "text/csv",
				CSV.getBytes(StandardCharsets.UTF_8));

		assertProblem(response, 403, "forbidden");
	}
}
