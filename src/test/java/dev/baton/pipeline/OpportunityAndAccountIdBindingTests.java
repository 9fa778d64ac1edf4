package dev.baton.pipeline;

import static dev.baton.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.baton.BatonIntegrationTest;
import dev.baton.Http;

/**
 * Paths and parameters bound to {@link OpportunityId} or {@link AccountId} refuse anything but a
 * UUID as a 400 that names the field, as they did when they were bound to a plain UUID.
 */
@BatonIntegrationTest
class OpportunityAndAccountIdBindingTests {

	@LocalServerPort
	int port;

	@ParameterizedTest
	@CsvSource({
			"/api/v1/opportunities/not-a-uuid, id",
			"/api/v1/accounts/not-a-uuid, id",
			"/api/v1/accounts/not-a-uuid/booked-figures, id",
			"/api/v1/opportunities/not-a-uuid/judgments, id",
			"/api/v1/opportunities/not-a-uuid/tasks, id",
			"/api/v1/opportunities/not-a-uuid/sizing-recommendations, opportunityId",
			"/api/v1/accounts/not-a-uuid/csm, accountId",
			"/api/v1/accounts/not-a-uuid/support-redirect, accountId",
			"/api/v1/onsite-requests?opportunityId=not-a-uuid, opportunityId" })
	void aNonUuidIdIsA400NamingTheField(String path, String field) {
		var response = Http.to(port).as("admin").get(path);

		assertProblem(response, 400, "validation-failed");
		var error = response.json().path("errors").get(0);
		assertThat(error.path("field").asString()).isEqualTo(field);
		assertThat(error.path("message").asString()).contains("UUID");
	}
}
