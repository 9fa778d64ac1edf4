package dev.baton.platform.web;

import static dev.baton.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.baton.BatonIntegrationTest;
import dev.baton.Http;

/**
 * Paths and parameters bound to typed ids ({@code PersonId}, {@code OpportunityId}, ...) behave as
 * they did when they were bound to a plain UUID: anything but a UUID is a 400 that names the field,
 * and an empty optional parameter means none.
 */
@BatonIntegrationTest
class TypedIdBindingTests {

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
			"/api/v1/onsite-requests?opportunityId=not-a-uuid, opportunityId",
			"/api/v1/opportunities?ownerId=not-a-uuid, ownerId",
			"/api/v1/people/not-a-uuid, id",
			"/api/v1/people/not-a-uuid/coverage-plan, id",
			"/api/v1/circles/not-a-uuid/capacity, id",
			"/api/v1/sa-requests/not-a-uuid/recommendations, id",
			"/api/v1/users/not-a-uuid, id" })
	void aNonUuidIdIsA400NamingTheField(String path, String field) {
		var response = Http.to(port).as("admin").get(path);

		assertProblem(response, 400, "validation-failed");
		var error = response.json().path("errors").get(0);
		assertThat(error.path("field").asString()).isEqualTo(field);
		assertThat(error.path("message").asString()).contains("UUID");
	}

	@ParameterizedTest
	@CsvSource({ "/api/v1/opportunities?ownerId=", "/api/v1/opportunities?ownerId=%20",
			"/api/v1/onsite-requests?opportunityId=", "/api/v1/licensing/signals?accountId=" })
	void anEmptyOptionalIdMeansNone(String path) {
		var response = Http.to(port).as("admin").get(path);

		assertThat(response.status()).as(response.body()).isEqualTo(200);
	}
}
