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
 * adding 1,000 people, 10,000 requests and 2,000 opportunities, and must run the same statements at both sizes
 * and stay within its budget; the rows it reads may grow only by the cards a fuller board shows,
 * never by the people or the history. Its own context, so the grown database is seen by no other test.
 */
@BatonIntegrationTest
@TestPropertySource(properties = "baton.test.context=statement-budgets")
class StatementBudgetTests {

	// every page's navigation counts the bell's unread notifications: one statement, and one more
	// (the caller's person) on a page that had not resolved the caller already; the request page
	// also reads the display names of its history's actors, in one statement
	private static final int ASSIGNMENT_BUDGET = 10;
	private static final int RECOMMENDATIONS_BUDGET = 12;
	/** A coverage plan reads each board once, whatever the number of requests it finds covers for. */
	private static final int COVERAGE_PLAN_BUDGET = 18;
	private static final int REQUEST_PAGE_BUDGET = 13;
	private static final int BOARD_PAGE_BUDGET = 9;
	private static final int LIST_API_BUDGET = 8;
	private static final int MY_WORK_BUDGET = 14;
	private static final int CIRCLE_LIST_BUDGET = 7;
	private static final int CIRCLE_PAGE_BUDGET = 19;
	/** The circle page with a member away three weeks adds the coverage plans of those away, read together. */
	private static final int CIRCLE_PAGE_AWAY_BUDGET = 40;
	private static final int REPORTS_BUDGET = 18;
	private static final int PEOPLE_ADMIN_BUDGET = 7;
	private static final int HOME_BUDGET = 12;
	private static final int INBOX_BUDGET = 8;
	private static final int GOVERNANCE_PAGE_BUDGET = 12;
	private static final int PIPELINE_PAGE_BUDGET = 10;
	/** Rows an operation may read more on the grown database: a board's columns fill up (25 cards each). */
	private static final long MORE_ROWS_ALLOWED = 250;
	/**
	 * Pages that show work or the organisation itself may read more: the seed's open copies keep
	 * their SA and circle (My work and the circle page show more open work, the circle page more
	 * work of its last eight weeks), the reports and the administrator's home list every circle and its SAs (250 circles and
	 * 600 SAs more). Recommendations weigh the board's requests of the experience window (a year: a third
	 * of the seeded 10,000) as experience and continuity, so they read those, never older ones. Reading the
	 * whole history instead (10,000 requests) would still break these.
	 */
	private static final Map<String, Long> MORE_ROWS_SHOWN = Map.of("My work", 600L, "circle page", 1_200L,
			"reports page", 1_200L, "recommendations API", 7_000L,
			"coverage plan API", 7_000L, "circle page, members away", 8_000L, "admin home", 1_200L);

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
		var small = measure(smallRows, false);

		try (var connection = dataSource.getConnection()) {
			LoadSeed.seed(connection, 1_000, 10_000);
		}
		var largeRows = new LinkedHashMap<String, Long>();
		var large = measure(largeRows, true);

		small.forEach((operation, sql) -> System.out.printf("BUDGET %-20s statements %d / %d, rows %d / %d%n", operation,
				sql.size(), large.get(operation).size(), smallRows.get(operation), largeRows.get(operation)));
		assertThat(large).as("statements per operation after adding 1,000 people and 10,000 requests")
				.isEqualTo(small);
		smallRows.forEach((operation, rows) -> assertThat(largeRows.get(operation))
				.as("rows %s reads with 1,000 more people and 10,000 more requests (%d before)", operation, rows)
				.isLessThanOrEqualTo(rows + MORE_ROWS_SHOWN.getOrDefault(operation, MORE_ROWS_ALLOWED)));
		assertThat(small.get("API assignment")).as("API assignment").hasSizeLessThanOrEqualTo(ASSIGNMENT_BUDGET);
		assertThat(small.get("recommendations API")).as("recommendations API")
				.hasSizeLessThanOrEqualTo(RECOMMENDATIONS_BUDGET);
		assertThat(small.get("coverage plan API")).as("coverage plan API").hasSizeLessThanOrEqualTo(COVERAGE_PLAN_BUDGET);
		assertThat(small.get("request page")).as("request page").hasSizeLessThanOrEqualTo(REQUEST_PAGE_BUDGET);
		assertThat(small.get("board page")).as("board page").hasSizeLessThanOrEqualTo(BOARD_PAGE_BUDGET);
		assertThat(small.get("request list API")).as("request list API").hasSizeLessThanOrEqualTo(LIST_API_BUDGET);
		assertThat(small.get("My work")).as("My work").hasSizeLessThanOrEqualTo(MY_WORK_BUDGET);
		assertThat(small.get("circle list")).as("circle list").hasSizeLessThanOrEqualTo(CIRCLE_LIST_BUDGET);
		assertThat(small.get("circle page")).as("circle page").hasSizeLessThanOrEqualTo(CIRCLE_PAGE_BUDGET);
		assertThat(small.get("circle page, members away")).as("circle page, members away")
				.hasSizeLessThanOrEqualTo(CIRCLE_PAGE_AWAY_BUDGET);
		assertThat(small.get("reports page")).as("reports page").hasSizeLessThanOrEqualTo(REPORTS_BUDGET);
		assertThat(small.get("people admin page")).as("people admin page").hasSizeLessThanOrEqualTo(PEOPLE_ADMIN_BUDGET);
		for (var home : List.of("AE home", "SA home", "manager home", "admin home")) {
			assertThat(small.get(home)).as(home).hasSizeLessThanOrEqualTo(HOME_BUDGET);
		}
		assertThat(small.get("inbox page")).as("inbox page").hasSizeLessThanOrEqualTo(INBOX_BUDGET);
		assertThat(small.get("opportunities page")).as("opportunities page").hasSizeLessThanOrEqualTo(PIPELINE_PAGE_BUDGET);
		assertThat(small.get("sizing page")).as("sizing page").hasSizeLessThanOrEqualTo(PIPELINE_PAGE_BUDGET);
		assertThat(small.get("on-site page")).as("on-site page").hasSizeLessThanOrEqualTo(GOVERNANCE_PAGE_BUDGET);
		assertThat(small.get("judgment page")).as("judgment page").hasSizeLessThanOrEqualTo(GOVERNANCE_PAGE_BUDGET);
		assertThat(small.get("tasks page")).as("tasks page").hasSizeLessThanOrEqualTo(GOVERNANCE_PAGE_BUDGET);
		assertThat(small.get("rituals page")).as("rituals page").hasSizeLessThanOrEqualTo(GOVERNANCE_PAGE_BUDGET);
	}

	/**
	 * The statements of each operation, by name (the SQL text is kept to show what differs). On the grown
	 * database a second member of Circle Cascade is away as well, so its page shows two coverage plans.
	 */
	private Map<String, List<String>> measure(Map<String, Long> rows, boolean grown) {
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
		var recommended = sa.get("/api/v1/sa-requests/" + id + "/recommendations");
		counted.put("recommendations API", statements.stop());
		rows.put("recommendations API", statements.rows());
		assertThat(recommended.status()).as(recommended.body()).isEqualTo(200);

		statements.start();
		var assigned = sa.post("/api/v1/sa-requests/" + id + "/assignment", Http.json(Map.of("assigneeId", sam)));
		counted.put("API assignment", statements.stop());
		rows.put("API assignment", statements.rows());
		assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);

		// three weeks away later on: the plan finds a cover for each request Sam holds, one the first time and
		// a couple of hundred once the seed has added open work; the absences go again before the other pages
		var booked = awayThreeWeeks(admin, sam);
		var priya = DemoOrganisation.person(admin, "Priya Natarajan");
		var alsoBooked = grown ? awayThreeWeeks(admin, priya) : null;
		statements.start();
		var plan = Http.to(port).as("sa-manager").get("/api/v1/people/" + sam + "/coverage-plan");
		counted.put("coverage plan API", statements.stop());
		rows.put("coverage plan API", statements.rows());
		assertThat(plan.status()).as(plan.body()).isEqualTo(200);
		assertThat(plan.json().path("needed").asBoolean()).as(plan.body()).isTrue();
		assertThat(plan.json().path("requests")).as(plan.body()).isNotEmpty();
		var manager = PageSession.as(port, "sa-manager");
		var cascade = DemoOrganisation.circle(admin, "Circle Cascade");
		measure(counted, rows, "circle page, members away", () -> manager.get("/circles/" + cascade));
		back(admin, sam, booked);
		if (alsoBooked != null) {
			back(admin, priya, alsoBooked);
		}

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

		var office = PageSession.as(port, "admin");
		measure(counted, rows, "My work", () -> page.get("/my/work"));
		measure(counted, rows, "circle list", () -> manager.get("/circles"));
		measure(counted, rows, "circle page", () -> manager.get("/circles/" + cascade));
		measure(counted, rows, "reports page", () -> manager.get("/governance/reports"));
		measure(counted, rows, "people admin page", () -> office.get("/admin/people?page=1"));
		var ae = PageSession.as(port, "ae");
		measure(counted, rows, "AE home", () -> ae.get("/"));
		measure(counted, rows, "SA home", () -> page.get("/"));
		measure(counted, rows, "manager home", () -> manager.get("/"));
		measure(counted, rows, "admin home", () -> office.get("/"));
		measure(counted, rows, "inbox page", () -> page.get("/inbox"));
		measure(counted, rows, "opportunities page", () -> ae.get("/opportunities"));
		measure(counted, rows, "sizing page", () -> page.get("/sizing"));
		measure(counted, rows, "on-site page", () -> page.get("/governance/onsite"));
		measure(counted, rows, "judgment page", () -> manager.get("/governance/judgments"));
		measure(counted, rows, "tasks page", () -> page.get("/governance/tasks"));
		measure(counted, rows, "rituals page", () -> manager.get("/governance/rituals"));

		counted.replaceAll((operation, sql) -> sql.stream().map(StatementBudgetTests::shape).toList());
		return counted;
	}

	/** Counts one page: its first call warms what a process loads once, the second is counted and must answer 200. */
	private void measure(Map<String, List<String>> counted, Map<String, Long> rows, String operation,
			java.util.function.Supplier<Http.Response> call) {
		assertThat(call.get().status()).as(operation).isEqualTo(200);
		statements.start();
		var response = call.get();
		counted.put(operation, statements.stop());
		rows.put(operation, statements.rows());
		assertThat(response.status()).as(operation).isEqualTo(200);
	}

	private Http.Response awayThreeWeeks(Http admin, String person) {
		var away = clock.instant().atZone(java.time.ZoneOffset.UTC).toLocalDate().plusDays(40);
		var booked = admin.post("/api/v1/people/" + person + "/absences",
				Http.json(Map.of("kind", "PTO", "startDate", away.toString(), "endDate", away.plusDays(20).toString())));
		assertThat(booked.status()).as(booked.body()).isEqualTo(201);
		return booked;
	}

	private static void back(Http admin, String person, Http.Response booked) {
		var removed = admin.delete("/api/v1/people/" + person + "/absences/" + booked.json().path("id").asString());
		assertThat(removed.status()).as(removed.body()).isEqualTo(204);
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
		DemoOrganisation.triage(port, id);
		return id;
	}

	/** A statement without its literal values, so that two runs of the same query compare equal. */
	private static String shape(String sql) {
		// an IN list of ids is one statement whatever its length
		return sql.replaceAll("'[^']*'", "?").replaceAll("\\b\\d+\\b", "?").replaceAll("\\?(, \\?)+", "?");
	}
}
