package dev.baton.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.baton.BatonIntegrationTest;
import dev.baton.DemoOrganisation;
import dev.baton.Http;
import dev.baton.SqlStatements;

/**
 * Reads by id stay reads by id: a circle or a person is one statement that reads that row only,
 * and the statements a read runs do not change as the organisation grows.
 */
@BatonIntegrationTest
class OrganisationReadsTests {

	@LocalServerPort
	int port;

	@Autowired
	SqlStatements sql;

	@Test
	void aCircleIsReadByItsIdInOneStatementWhateverTheNumberOfCircles() {
		var admin = Http.to(port).as("admin");
		var cascade = DemoOrganisation.circle(admin, "Circle Cascade");
		var before = organisationStatements("/api/v1/circles/" + cascade);

		var fixtures = new OrganisationFixtures(port);
		var unique = OrganisationFixtures.unique();
		fixtures.circle("Circle Reads " + unique, null, List.of(fixtures.person("Sa Reads " + unique, "SA")),
				List.of(fixtures.person("Ae Reads " + unique, "AE")));
		var after = organisationStatements("/api/v1/circles/" + cascade);

		assertThat(before).hasSize(1).allSatisfy(statement -> assertThat(statement).contains("WHERE c.id = "));
		assertThat(after).isEqualTo(before);
	}

	@Test
	void aPersonIsReadWithTheirSkillsInOneStatement() {
		var admin = Http.to(port).as("admin");
		var priya = DemoOrganisation.person(admin, "Priya Natarajan");

		var statements = organisationStatements("/api/v1/people/" + priya);

		assertThat(statements).hasSize(1).allSatisfy(statement -> assertThat(statement).contains("WHERE p.id = "));
	}

	@Test
	void thePeopleOfARoleReadOnlyTheirOwnSkills() {
		var statements = organisationStatements("/api/v1/people?role=SA");

		assertThat(statements).hasSize(1)
				.allSatisfy(statement -> assertThat(statement).contains("s.person_id = p.id").contains("p.role = "));
	}

	/** The statements a GET as an SA runs against the organisation's tables (not the login's). */
	private List<String> organisationStatements(String path) {
		var http = Http.to(port).as("sa");
		sql.start();
		var response = http.get(path);
		var statements = sql.stop();
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return statements.stream()
				.filter(s -> s.matches("(?i).*\\b(circle|person|person_skill|circle_member|circle_served_ae)\\b.*"))
				.toList();
	}
}
