package dev.baton.pipeline;

import static dev.baton.pipeline.OpportunityUpsertTests.assertProblem;
import static dev.baton.pipeline.OpportunityUpsertTests.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.baton.BatonIntegrationTest;
import dev.baton.Http;
import tools.jackson.databind.JsonNode;

/**
 * Importing a CRM report exported as CSV: good rows kept whole, bad rows reported by line with
 * every reason, the file refused only when it cannot be read at all.
 */
@BatonIntegrationTest
class OpportunityCsvImportTests {

	static final String HEADER = "Opportunity ID,Opportunity Name,Account ID,Account Name,Owner Email,Segment,"
			+ "Business Unit,Region,Stage,Net ARR,Currency,Close Date,Subscription Type,Forecast Category,Why Now,"
			+ "Pains,Use Cases,Competitors,Compelling Event\n";

	@LocalServerPort
	int port;

	@Autowired
	Pipeline pipeline;

	private Http admin() {
		return Http.to(port).as("admin");
	}

	private Http.Response importCsv(Http http, String csv) {
		return http.send("POST", "/api/v1/opportunities/import", "text/csv",
				csv.getBytes(StandardCharsets.UTF_8));
	}

	private Http.Response importMultipart(Http http, String fileName, String csv) {
		var boundary = "baton-boundary-" + unique();
		var body = new ByteArrayOutputStream();
		var head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: text/csv\r\n\r\n";
		body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(csv.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return http.send("POST", "/api/v1/opportunities/import", "multipart/form-data; boundary=" + boundary,
				body.toByteArray());
	}

	private static String row(String id, String account, String stage, String amount, String closeDate) {
		return id + ",Deal " + id + "," + account + ",Account " + account + ",alex.morgan@baton.example,"
				+ "Mid-Market First Order,Commercial,AMER," + stage + "," + amount + ",USD," + closeDate
				+ ",SaaS,Pipeline,Renewal due,Slow builds;Audit gaps,CI/CD,GitHub,Board meeting\n";
	}

	private static List<Long> rejectedLines(JsonNode report) {
		var lines = new ArrayList<Long>();
		report.path("rejected").forEach(r -> lines.add(r.path("line").asLong()));
		return lines;
	}

	@Test
	void keepsGoodRowsAndReportsBadOnesByLine() {
		var u = unique();
		var csv = HEADER
				+ row("CSV-" + u + "-1", "CSVACC-" + u, "1-Discovery", "\"85,000.00\"", "2027-04-30") // line 2
				+ row("CSV-" + u + "-2", "CSVACC-" + u, "2-Scoping", "12000", "30/04/2027") // line 3: bad date
				+ "CSV-" + u + "-3,\"A deal with a\nmulti-line name\",CSVACC-" + u + ",,alex.morgan@baton.example,,,,"
				+ "3-Technical Evaluation,5000,EUR,2027-05-31,Self-Managed,,,,,,\n" // lines 4-5
				+ row("CSV-" + u + "-4", "CSVACC-" + u, "9-Won", "$5", "2027-06-30") // line 6: two errors
				+ "\n" // line 7: empty, skipped
				+ row("CSV-" + u + "-1", "CSVACC-" + u, "TECHNICAL_EVALUATION", "85000", "2027-04-30"); // line 8

		var response = importCsv(admin(), csv);

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		var report = response.json();
		assertThat(report.path("created").asInt()).isEqualTo(2);
		assertThat(report.path("updated").asInt()).isEqualTo(1);
		assertThat(rejectedLines(report)).containsExactly(3L, 6L);
		var badDate = report.path("rejected").get(0);
		assertThat(badDate.path("externalId").asString()).isEqualTo("CSV-" + u + "-2");
		assertThat(badDate.path("errors").get(0).path("field").asString()).isEqualTo("Close Date");
		assertThat(badDate.path("errors").get(0).path("message").asString()).contains("30/04/2027");
		var twoErrors = report.path("rejected").get(1).path("errors");
		assertThat(twoErrors.findValuesAsString("field")).containsExactlyInAnyOrder("Stage", "Net ARR");

		var first = pipeline.opportunityByExternalId("CSV-" + u + "-1").orElseThrow();
		assertThat(first.stage()).isEqualTo(Stage.TECHNICAL_EVALUATION);
		assertThat(first.netArr().amount()).isEqualByComparingTo("85000");
		assertThat(first.commandPlan().pains()).containsExactly("Slow builds", "Audit gaps");
		assertThat(first.commandPlan().competitors()).containsExactly("GitHub");
		var multiLine = pipeline.opportunityByExternalId("CSV-" + u + "-3").orElseThrow();
		assertThat(multiLine.name()).isEqualTo("A deal with a\nmulti-line name");
		assertThat(multiLine.segment().name()).as("the owner's segment").isEqualTo("MM_FIRST_ORDER");
		assertThat(multiLine.forecastCategory()).isNull();
		assertThat(pipeline.opportunityByExternalId("CSV-" + u + "-2")).isEmpty();
		assertThat(pipeline.opportunityByExternalId("CSV-" + u + "-4")).isEmpty();
		var importId = report.path("importId").asString();
		var trail = admin().get("/api/v1/audit?entityType=opportunity-import&entityId=" + importId).json();
		assertThat(trail.path("items").get(0).path("details").path("rejected").asInt()).isEqualTo(2);
	}

	@Test
	void readsAMultipartUploadTheSameWay() {
		var u = unique();
		var csv = HEADER + row("CSV-" + u, "CSVACC-" + u, "4-Proposal", "1000", "2027-07-31");

		var response = importMultipart(Http.to(port).as("deal-desk"), "crm-export.csv", csv);

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().path("created").asInt()).isEqualTo(1);
		assertThat(pipeline.opportunityByExternalId("CSV-" + u).orElseThrow().stage()).isEqualTo(Stage.PROPOSAL);
	}

	@Test
	void keepsGoodRowsAlsoWhenTheWholeRequestIsIdempotent() {
		var u = unique();
		var csv = HEADER + row("CSV-" + u + "-1", "CSVACC-" + u, "4-Proposal", "1000", "2027-07-31")
				+ row("CSV-" + u + "-2", "CSVACC-" + u, "4-Proposal", "1000", "not a date")
				+ row("CSV-" + u + "-3", "CSVACC-" + u, "4-Proposal", "1000", "2027-07-31");

		var response = importCsv(admin().header("Idempotency-Key", "csv-import-" + u), csv);

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().path("created").asInt()).isEqualTo(2);
		assertThat(rejectedLines(response.json())).containsExactly(3L);
		assertThat(pipeline.opportunityByExternalId("CSV-" + u + "-1")).isPresent();
		assertThat(pipeline.opportunityByExternalId("CSV-" + u + "-3")).isPresent();
	}

	@Test
	void aMultipartUploadWithAnIdempotencyKeyImportsOnceAndReplaysTheAnswer() {
		var u = unique();
		var csv = HEADER + row("CSV-" + u, "CSVACC-" + u, "4-Proposal", "1000", "2027-07-31");
		var client = admin().header("Idempotency-Key", "csv-upload-" + u);

		var first = importMultipart(client, "crm-export.csv", csv);
		// a client sending again picks a new boundary: still the same request
		var again = importMultipart(client, "crm-export.csv", csv);
		var otherFile = importMultipart(client, "crm-export.csv", csv + row("CSV-" + u + "-2", "CSVACC-" + u,
				"4-Proposal", "1000", "2027-07-31"));

		assertThat(first.status()).as(first.body()).isEqualTo(200);
		assertThat(first.json().path("created").asInt()).isEqualTo(1);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(again.body()).isEqualTo(first.body());
		assertProblem(otherFile, 422, "idempotency-key-reused");
		assertThat(pipeline.opportunityByExternalId("CSV-" + u + "-2")).isEmpty();
	}

	@Test
	void columnsTheFileDoesNotHaveKeepWhatBatonStores() {
		var u = unique();
		var externalId = "CSV-" + u;
		var body = OpportunityUpsertTests.body("CSVACC-" + u);
		assertThat(admin().put("/api/v1/opportunities/" + externalId, Http.json(body)).status()).isEqualTo(201);
		var narrow = "Opportunity ID,Opportunity Name,Account ID,Owner Email,Stage,Net ARR,Currency,Close Date,"
				+ "Subscription Type,Forecast Category,Pains\n" + externalId
				+ ",Umbrella: CI/CD consolidation,CSVACC-" + u
				+ ",alex.morgan@baton.example,5-Negotiating,85000,USD,2027-03-31,Self-Managed,,New pain\n";

		var report = importCsv(admin(), narrow).json();

		assertThat(report.path("updated").asInt()).as(report.toString()).isEqualTo(1);
		var stored = pipeline.opportunityByExternalId(externalId).orElseThrow();
		assertThat(stored.stage()).isEqualTo(Stage.NEGOTIATING);
		assertThat(stored.forecastCategory()).as("an empty cell clears").isNull();
		assertThat(stored.segment().name()).as("no Segment column: kept").isEqualTo("MM_NAMED");
		assertThat(stored.regionKey()).as("no Region column: kept").isEqualTo("AMER");
		assertThat(stored.commandPlan().pains()).containsExactly("New pain");
		assertThat(stored.commandPlan().whyNow()).as("no Why Now column: kept").isEqualTo("Jenkins renewal in 90 days");
		assertThat(stored.commandPlan().meddppicc().champion()).isEqualTo("Tom");
	}

	@Test
	void importingTheSameFileTwiceChangesNothing() {
		var u = unique();
		var csv = HEADER + row("CSV-" + u, "CSVACC-" + u, "4-Proposal", "1000", "2027-07-31");
		importCsv(admin(), csv);

		var again = importCsv(admin(), csv).json();

		assertThat(again.path("created").asInt()).isZero();
		assertThat(again.path("updated").asInt()).isZero();
		assertThat(again.path("unchanged").asInt()).isEqualTo(1);
	}

	@Test
	void reportsARowWithTheWrongNumberOfCells() {
		var u = unique();
		var csv = HEADER + "CSV-" + u + ",too,few,cells\n"
				+ row("CSV-" + u + "-ok", "CSVACC-" + u, "4-Proposal", "1000", "2027-07-31");

		var report = importCsv(admin(), csv).json();

		assertThat(rejectedLines(report)).containsExactly(2L);
		assertThat(report.path("rejected").get(0).path("errors").get(0).path("field").asString()).isEqualTo("row");
		assertThat(report.path("created").asInt()).isEqualTo(1);
	}

	@Test
	void stopsAtABrokenQuoteAndKeepsTheRowsBefore() {
		var u = unique();
		var csv = HEADER + row("CSV-" + u + "-1", "CSVACC-" + u, "4-Proposal", "1000", "2027-07-31")
				+ "CSV-" + u + "-2,\"never closed,ACC,x\n"
				+ row("CSV-" + u + "-3", "CSVACC-" + u, "4-Proposal", "1000", "2027-07-31");

		var response = importCsv(admin(), csv);

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		var report = response.json();
		assertThat(report.path("created").asInt()).isEqualTo(1);
		assertThat(rejectedLines(report)).containsExactly(3L);
		assertThat(report.path("rejected").get(0).path("errors").get(0).path("field").asString()).isEqualTo("file");
		assertThat(pipeline.opportunityByExternalId("CSV-" + u + "-1")).isPresent();
	}

	@Test
	void refusesAFileWithoutTheColumnsItNeeds() {
		var missing = importCsv(admin(), "Opportunity ID,Opportunity Name\nX,Y\n");
		var unknown = importCsv(admin(), HEADER.replace("Close Date", "Clse Date"));
		var noOwner = importCsv(admin(), HEADER.replace("Owner Email,", ""));

		assertProblem(missing, 400, "pipeline-csv-unreadable");
		assertThat(missing.json().path("detail").asString()).contains("Account ID").contains("Close Date")
				.contains("Net ARR");
		assertProblem(unknown, 400, "pipeline-csv-unreadable");
		assertThat(unknown.json().path("detail").asString()).contains("'Clse Date'").contains("missing columns Close Date");
		assertProblem(noOwner, 400, "pipeline-csv-unreadable");
		assertThat(noOwner.json().path("detail").asString()).contains("Owner Email");
	}

	@Test
	void refusesAnEmptyOrNonUtf8File() {
		var empty = importCsv(admin(), "");
		var latin1 = admin().send("POST", "/api/v1/opportunities/import", "text/csv",
				(HEADER + "Caf\u00e9").getBytes(StandardCharsets.ISO_8859_1));
		var noFile = importMultipart(admin(), "empty.csv", "");

		assertProblem(empty, 400, "pipeline-csv-unreadable");
		assertProblem(latin1, 400, "pipeline-csv-unreadable");
		assertThat(latin1.json().path("detail").asString()).contains("UTF-8");
		assertThat(noFile.status()).isEqualTo(400);
	}

	@Test
	void acceptsAByteOrderMarkAndHeadersInAnyCase() {
		var u = unique();
		var csv = "\uFEFF" + HEADER.toLowerCase() + row("CSV-" + u, "CSVACC-" + u, "closed won", "1000", "2027-07-31");

		var report = importCsv(admin(), csv).json();

		assertThat(report.path("created").asInt()).as(report.toString()).isEqualTo(1);
		assertThat(pipeline.opportunityByExternalId("CSV-" + u).orElseThrow().stage()).isEqualTo(Stage.CLOSED_WON);
	}

	@Test
	void importsTheExampleFileOfTheDocs() throws java.io.IOException {
		var docs = java.nio.file.Files.readString(java.nio.file.Path.of("docs/organisation.md"));
		var start = docs.indexOf("```csv\n") + "```csv\n".length();
		var csv = docs.substring(start, docs.indexOf("```", start));

		var report = importCsv(admin(), csv).json();

		assertThat(report.path("rejected").size()).as(report.toString()).isZero();
		assertThat(report.path("created").asInt() + report.path("updated").asInt() + report.path("unchanged").asInt())
				.isEqualTo(3);
		var kraken = pipeline.opportunityByExternalId("0068c00001AbCdG").orElseThrow();
		assertThat(kraken.name()).isEqualTo("Kraken Energie: SMB named, renewal plus");
		assertThat(kraken.segment().name()).isEqualTo("SMB_NAMED");
		assertThat(pipeline.opportunityByExternalId("0068c00001AbCdE").orElseThrow().netArr().amount())
				.isEqualByComparingTo("85000");
	}

	@Test
	void onlyAdministratorsAndDealDeskImport() {
		var csv = HEADER;

		assertProblem(importCsv(Http.to(port).as("finance"), csv), 403, "forbidden");
		assertProblem(importCsv(Http.to(port).as("ae"), csv), 403, "forbidden");
		assertThat(importCsv(Http.to(port).as("deal-desk"), csv).status()).isEqualTo(200);
	}
}
