package dev.baton;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The smallest filing body docs/api.md shows is enough, and a person's repeat review says it
 * replaced the first instead of answering as if it were a new one.
 */
@BatonIntegrationTest
class RequestFilingContractTests {

	/** The minimal SA Activity filing, as in docs/engagement.md and the OpenAPI example. */
	static final String MINIMAL_FILING = """
			{
			  "opportunityId": "%s",
			  "template": "SA_ACTIVITY",
			  "details": {
			    "preferredDates": [{"start": "2026-12-08T15:00:00Z", "timeZone": "America/New_York"}],
			    "hosting": "SELF_MANAGED",
			    "pains": ["Forty Jenkins plugins to maintain"],
			    "requiredCapabilities": ["Merge request approvals"],
			    "currentTools": [{"name": "Jenkins", "nonNegotiable": false}],
			    "asks": ["DEMO"],
			    "meeting": {"why": "Platform team evaluates consolidation", "objectives": "Show MR to deploy",
			                "agenda": "Intro, demo, Q&A", "attendees": [{"name": "Maria Gonzalez", "title": "VP Engineering"}]}
			  }
			}
			""";

	@LocalServerPort
	int port;

	private Http as(String username) {
		return Http.to(port).as(username);
	}

	private String fileMinimal() {
		var opportunity = DemoOrganisation.opportunity(as("admin"), "Acme Logistics: platform consolidation");
		var filed = as("ae").post("/api/v1/sa-requests", MINIMAL_FILING.formatted(opportunity));
		assertThat(filed.status()).as(filed.body()).isEqualTo(201);
		assertThat(filed.header("Location")).endsWith("/api/v1/sa-requests/" + filed.json().path("id").asString());
		return filed.json().path("id").asString();
	}

	@Test
	void theMinimalFilingBodyFilesARequest() {
		var id = fileMinimal();

		assertThat(as("ae").get("/api/v1/sa-requests/" + id).json().path("template").asString()).isEqualTo("SA_ACTIVITY");
	}

	@Test
	void aRepeatReviewByTheSamePersonReplacesTheFirstAndAnswers200() {
		var id = fileMinimal();
		var path = "/api/v1/sa-requests/" + id + "/reviews";

		var first = as("priya.natarajan").post(path, "{\"verdict\": \"APPROVE\"}");
		var repeat = as("priya.natarajan").post(path, "{\"verdict\": \"CONCERNS\", \"note\": \"second thoughts\"}");

		assertThat(first.status()).as(first.body()).isEqualTo(201);
		assertThat(repeat.status()).as(repeat.body()).isEqualTo(200);
		var reviews = repeat.json().path("reviews");
		assertThat(reviews.size()).isEqualTo(1);
		assertThat(reviews.get(0).path("verdict").asString()).isEqualTo("CONCERNS");
	}
}
