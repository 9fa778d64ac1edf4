package dev.baton;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that an answer is an RFC 9457 Problem Detail of a given type, without leaks.
 */
public final class ProblemAssertions {

	private ProblemAssertions() {
	}

	public static void assertProblem(Http.Response response, int status, String type) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		var json = response.json();
		assertThat(json.path("type").asString()).isEqualTo("/problems/" + type);
		assertThat(json.path("status").asInt()).isEqualTo(status);
		assertThat(json.path("title").asString()).isNotBlank();
		assertThat(response.body()).doesNotContain("at dev.baton").doesNotContain("Exception").doesNotContain("SELECT");
	}
}
