package dev.baton.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.baton.BatonIntegrationTest;
import dev.baton.Http;

/**
 * Who may set up the organisation: administrators only. Everyone else on the vendor's staff gets
 * 403 before anything is read or checked; an administrator's empty request gets past the role
 * check to the validation (400) or the version check (428).
 */
@BatonIntegrationTest
class OrganisationAccessTests {

	static final String SOME_ID = "00000000-0000-0000-0000-000000000001";

	@LocalServerPort
	int port;

	@ParameterizedTest(name = "{0} {1} as {2} -> {3}")
	@CsvSource({
			"POST, /api/v1/regions, admin, 400",
			"POST, /api/v1/regions, sa-manager, 403",
			"POST, /api/v1/regions, deal-desk, 403",
			"POST, /api/v1/boards, admin, 400",
			"POST, /api/v1/boards, sa-manager, 403",
			"PUT, /api/v1/boards/commercial-amer, admin, 428",
			"PUT, /api/v1/boards/commercial-amer, sa-manager, 403",
			"PUT, /api/v1/boards/commercial-amer/calendar, admin, 428",
			"PUT, /api/v1/boards/commercial-amer/calendar, asm, 403",
			"PUT, /api/v1/boards/commercial-amer/holidays/2027-12-24, admin, 428",
			"PUT, /api/v1/boards/commercial-amer/holidays/2027-12-24, sa, 403",
			"DELETE, /api/v1/boards/commercial-amer/holidays/2027-12-24, sa-manager, 403",
			"POST, /api/v1/people, admin, 400",
			"POST, /api/v1/people, sa-manager, 403",
			"POST, /api/v1/people, ae, 403",
			"PUT, /api/v1/people/" + SOME_ID + ", admin, 428",
			"PUT, /api/v1/people/" + SOME_ID + ", finance, 403",
			"PUT, /api/v1/people/" + SOME_ID + "/skills, sa, 403",
			"POST, /api/v1/circles, admin, 400",
			"POST, /api/v1/circles, sa-manager, 403",
			"POST, /api/v1/circles, sa, 403",
			"PUT, /api/v1/circles/" + SOME_ID + ", csm, 403",
			"PUT, /api/v1/circles/" + SOME_ID + "/members, sa-manager, 403",
			"PUT, /api/v1/circles/" + SOME_ID + "/served-aes, asm, 403",
			"POST, /api/v1/regions, customer, 403",
			"POST, /api/v1/regions, partner, 403",
			"POST, /api/v1/regions, anonymous, 401",
			"GET, /api/v1/regions/AMER, sa, 200",
			"GET, /api/v1/regions/AMER, customer, 403",
			"GET, /api/v1/people/" + SOME_ID + "/absences, partner, 403",
	})
	void onlyAdministratorsSetUpTheOrganisation(String method, String path, String user, int expected) {
		var http = "anonymous".equals(user) ? Http.to(port) : Http.to(port).as(user);
		var response = switch (method) {
		case "GET" -> http.get(path);
		case "DELETE" -> http.delete(path);
		case "PUT" -> http.put(path, "{}");
		default -> http.post(path, "{}");
		};

		assertThat(response.status()).as(response.body()).isEqualTo(expected);
		if (expected >= 400) {
			assertThat(response.contentType()).startsWith("application/problem+json");
		}
	}
}
