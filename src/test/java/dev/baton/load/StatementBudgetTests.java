package dev.baton.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import dev.baton.BatonIntegrationTest;
import dev.baton.DemoOrganisation;
import dev.baton.Http;
import dev.baton.MutableClock;
import dev.baton.PageSession;
import dev.baton.SqlStatements;

/**
 * Holds the hot operations to a fixed number of SQL statements, whatever the size of the
 * organisation and the history: each is counted on the demo organisation, then again after
 * adding 1,000 people and 10,000 requests, and must run the same statements at both sizes
 * and stay within its budget; the rows it reads may grow only by the cards a fuller board shows,
 * never by the people or the history. Its own context, so the grown database is seen by no other test.
 */
@BatonIntegrationTest
@TestPropertySource(properties = "baton.test.context=statement-budgets")
class StatementBudgetTests {

	private static final int ASSIGNMENT_BUDGET = 10;
	private static final int REQUEST_PAGE_BUDGET = 12;
	private static final int BOARD_PAGE_BUDGET = 8;
	private static final int LIST_API_BUDGET = 8;
	/** Rows an operation may read more on the grown database: a board's columns fill up (25 cards each). */
	private static final long MORE_ROWS_ALLOWED = 250;

	@LocalServerPort
	int port;

	@Autowired
	SqlStatements statements;

	@Autowired
	DataSource dataSource;

	@Autowired
	MutableClock clock;

	@Test
	void hotOperationsRunTheSameStatementsWithTenAndWithAThousandTimesTheData() throws SQLException {
		var smallRows = new LinkedHashMap<String, Long>();
		var small = measure(smallRows);

		try (var connection = dataSource.getConnection()) {
			LoadSeed.seed(connection, 1_000, 10_000);
		}
		var largeRows = new LinkedHashMap<String, Long>();
		var large = measure(largeRows);

		assertThat(large).as("statements per operation after adding 1,000 people and 10,000 requests")
				.isEqualTo(small);
		smallRows.forEach((operation, rows) -> assertThat(largeRows.get(operation))
				.as("rows %s reads with 1,000 more people and 10,000 more requests (%d before)", operation, rows)
				.isLessThanOrEqualTo(rows + MORE_ROWS_ALLOWED));
		assertThat(small.get("API assignment")).as("API assignment").hasSizeLessThanOrEqualTo(ASSIGNMENT_BUDGET);
		assertThat(small.get("request page")).as("request page").hasSizeLessThanOrEqualTo(REQUEST_PAGE_BUDGET);
		assertThat(small.get("board page")).as("board page").hasSizeLessThanOrEqualTo(BOARD_PAGE_BUDGET);
		assertThat(small.get("request list API")).as("request list API").hasSizeLessThanOrEqualTo(LIST_API_BUDGET);
	}

	/** The statements of each operation, by name (the SQL text is kept to show what differs). */
	private Map<String, List<String>> measure(Map<String, Long> rows) {
		var admin = Http.to(port).as("admin");
		var id = readyToAssign(admin);
		var sam = DemoOrganisation.person(admin, "Sam Rivera");
		var sa = Http.to(port).as("sa");
		var page = PageSession.as(port, "sa");
		var counted = new LinkedHashMap<String, List<String>>();

		// a first call of each kind warms what is loaded once per process (templates, policies)
		sa.get("/api/v1/sa-requests?board=commercial-amer&status=NEW");
		page.get("/board?board=commercial-amer");

		statements.start();
		var assigned = sa.post("/api/v1/sa-requests/" + id + "/assignment", Http.json(Map.of("assigneeId", sam)));
		counted.put("API assignment", statements.stop());
		rows.put("API assignment", statements.rows());
		assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);

		statements.start();
		var request = page.get("/requests/" + id);
		counted.put("request page", statements.stop());
		rows.put("request page", statements.rows());
		assertThat(request.status()).isEqualTo(200);

		statements.start();
		var board = page.get("/board?board=commercial-amer");
		counted.put("board page", statements.stop());
		rows.put("board page", statements.rows());
		assertThat(board.status()).isEqualTo(200);

		statements.start();
		var list = sa.get("/api/v1/sa-requests?board=commercial-amer&status=NEW");
		counted.put("request list API", statements.stop());
		rows.put("request list API", statements.rows());
		assertThat(list.status()).isEqualTo(200);

		counted.replaceAll((operation, sql) -> sql.stream().map(StatementBudgetTests::shape).toList());
		return counted;
	}

	/** A request of Circle Cascade that the triage rules allow to assign: discussed, answered, reviewed twice. */
	private String readyToAssign(Http admin) {
		var opportunity = DemoOrganisation.opportunity(admin, "Acme Logistics: platform consolidation");
		var meeting = clock.instant().plus(Duration.ofDays(10)).toString();
		var filed = Http.to(port).as("ae").post("/api/v1/sa-requests", Http.json(Map.of("opportunityId", opportunity,
				"template", "SA_ACTIVITY", "labels", List.of(), "details", Map.of(
						"preferredDates", List.of(Map.of("start", meeting, "timeZone", "America/Chicago")),
						"hosting", "SELF_MANAGED", "pains", List.of("Slow pipelines"),
						"requiredCapabilities", List.of("Merge request approvals"),
						"currentTools", List.of(Map.of("name", "Jenkins", "nonNegotiable", false)),
						"asks", List.of("DEMO"), "customPitchDeck", true,
						"meeting", Map.of("why", "Consolidation", "objectives", "Show the flow", "agenda", "Demo",
								"attendees", List.of(Map.of("name", "Maria Gonzalez", "title", "VP Engineering")))))));
		assertThat(filed.status()).as(filed.body()).isEqualTo(201);
		var id = filed.json().path("id").asString();
		var base = "/api/v1/sa-requests/" + id;
		assertThat(Http.to(port).as("priya.natarajan").post(base + "/comments", "{\"body\": \"Sam knows this stack\"}")
				.status()).isEqualTo(201);
		assertThat(Http.to(port).as("sa").put(base + "/triage-answers", Http.json(Map.of("commandPlanComplete", true,
				"understandsContext", true, "leadTime", true, "relatableExperience", true))).status()).isEqualTo(200);
		assertThat(Http.to(port).as("priya.natarajan").post(base + "/reviews", "{\"verdict\": \"APPROVE\"}").status())
				.isEqualTo(201);
		assertThat(Http.to(port).as("sa-manager").post(base + "/reviews", "{\"verdict\": \"APPROVE\"}").status())
				.isEqualTo(201);
		return id;
	}

	/** A statement without its literal values, so that two runs of the same query compare equal. */
	private static String shape(String sql) {
		return sql.replaceAll("'[^']*'", "?").replaceAll("\\b\\d+\\b", "?");
	}
}
