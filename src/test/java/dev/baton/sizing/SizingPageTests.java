package dev.baton.sizing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.baton.BatonIntegrationTest;
import dev.baton.Http;

/**
 * The sizing page through a logged-in browser session: the form, the answer on the same page,
 * refusals next to their fields, the import, and saving to an opportunity.
 */
@BatonIntegrationTest
class SizingPageTests {

	@LocalServerPort
	int port;

	private static Map<String, String> form(String csrf, String... fields) {
		var values = new LinkedHashMap<String, String>();
		values.put("_csrf", csrf);
		for (int i = 0; i < fields.length; i += 2) {
			values.put(fields[i], fields[i + 1]);
		}
		return values;
	}

	@Test
	void showsTheFormWithEveryGroupLabelledAndTheQueries() {
		var page = WebSession.loggedIn(port, "ae").get("/sizing");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("<title>Sizing · Baton</title>").contains("Load").contains("Repositories")
				.contains("Automation").contains("Availability and recovery").contains("Hosting")
				.contains("<label for=\"f-rps-api-peak\">API peak RPS</label>")
				.contains("id=\"f-rps-gitPush-sustained\" name=\"rps.gitPush.sustained\"")
				.contains("max_over_time(").contains("quantile_over_time(0.95");
	}

	@Test
	void speaksTheBrowsersLanguage() {
		var page = WebSession.loggedIn(port, "ae").header("Accept-Language", "de").get("/sizing");

		assertThat(page.body()).contains("lang=\"de\"").contains("Verfügbarkeit und Wiederherstellung")
				.contains("<label for=\"f-rps-api-peak\">API Spitze RPS</label>").contains(">Noch nicht bekannt<")
				.doesNotContain("Availability and recovery");
	}

	@Test
	void submittingTheFormShowsTheRecommendationWithItsReasons() {
		var browser = WebSession.loggedIn(port, "sa");
		var page = browser.get("/sizing");

		var answer = browser.postForm("/sizing", form(WebSession.csrf(page.body()), "users", "3000",
				"rps.api.peak", "150", "rps.api.sustained", "90", "availability.highAvailability", "true",
				"hosting.cloudProvider", "AWS"));

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body()).contains("id=\"result\"").contains("10k")
				.contains("API peak 150 RPS exceeds the 5k target of 100 RPS; 10k (200 RPS) fits [S1, S2, S4]")
				.contains(RuleNames.AVAILABILITY).contains("Gitaly Cluster (Praefect)").contains("Total")
				.contains("Save to opportunity");
		assertThat(value(answer.body(), "rps.api.peak")).isEqualTo("150");
	}

	@Test
	void refusedValuesAreShownNextToTheirFields() {
		var browser = WebSession.loggedIn(port, "sa");
		var page = browser.get("/sizing");

		var answer = browser.postForm("/sizing", form(WebSession.csrf(page.body()), "rps.web.peak", "10",
				"rps.web.sustained", "12", "rps.api.peak", "lots"));

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body()).doesNotContain("id=\"result\"").contains("role=\"alert\"")
				.contains("id=\"f-rps-api-peak-error\"").contains("must be a number but was &#39;lots&#39;")
				.contains("aria-invalid=\"true\"");
	}

	@Test
	void engineRefusalsAreShownNextToTheirFieldsToo() {
		var browser = WebSession.loggedIn(port, "sa");
		var page = browser.get("/sizing");

		var answer = browser.postForm("/sizing", form(WebSession.csrf(page.body()), "rps.web.peak", "10",
				"rps.web.sustained", "12"));

		assertThat(answer.body()).doesNotContain("id=\"result\"").contains("id=\"f-rps-web-sustained-error\"")
				.contains("must not exceed the peak 10");
	}

	@Test
	void postingWithoutCsrfTokenIsRefused() {
		var browser = WebSession.loggedIn(port, "sa");

		assertThat(browser.postForm("/sizing", Map.of("users", "100")).status()).isEqualTo(403);
	}

	@Test
	void importedRatesPrefillTheFormAndKeepWhatWasTyped() {
		var browser = WebSession.loggedIn(port, "sa");
		String csrf = WebSession.csrf(browser.get("/sizing").body());
		String boundary = "----page-import";
		String body = part(boundary, "_csrf", csrf) + part(boundary, "users", "2500")
				+ part(boundary, "measurementsText", "traffic_type,peak,sustained\napi,150,90\ngit_pull,15,9\n")
				+ "--" + boundary + "\r\nContent-Disposition: form-data; name=\"measurementsFile\"; filename=\"\"\r\n"
				+ "Content-Type: application/octet-stream\r\n\r\n\r\n--" + boundary + "--\r\n";

		var answer = browser.send("POST", "/sizing/import", "multipart/form-data; boundary=" + boundary,
				body.getBytes(StandardCharsets.UTF_8));

		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		assertThat(answer.body()).contains("Imported 2 rows from CSV");
		assertThat(value(answer.body(), "rps.api.peak")).isEqualTo("150");
		assertThat(value(answer.body(), "rps.gitPull.sustained")).isEqualTo("9");
		assertThat(value(answer.body(), "rps.web.peak")).isEmpty();
		assertThat(value(answer.body(), "users")).isEqualTo("2500");
	}

	@Test
	void importErrorsNameTheLine() {
		var browser = WebSession.loggedIn(port, "sa");
		String csrf = WebSession.csrf(browser.get("/sizing").body());
		String boundary = "----page-import-bad";
		String body = part(boundary, "_csrf", csrf)
				+ part(boundary, "measurementsText", "traffic_type,peak,sustained\napi,150,90\nweb,x,1\n")
				+ "--" + boundary + "--\r\n";

		var answer = browser.send("POST", "/sizing/import", "multipart/form-data; boundary=" + boundary,
				body.getBytes(StandardCharsets.UTF_8));

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body()).contains("id=\"import-errors\"").contains("line 3: peak must be a number");
	}

	@Test
	void saSavesToAnOpportunityAndGetsThePrintAndPdfLinks() {
		var browser = WebSession.loggedIn(port, "sa");
		String opportunity = WebSession.opportunityId(port, 3);
		String csrf = WebSession.csrf(browser.get("/sizing").body());

		var saved = browser.postForm("/sizing/save", form(csrf, "users", "3000", "rps.api.peak", "150",
				"opportunityId", opportunity, "note", "From the February measurements"));

		assertThat(saved.status()).isEqualTo(302);
		String location = saved.header("Location");
		assertThat(location).contains("/sizing?saved=");
		String id = location.substring(location.indexOf("saved=") + 6);
		var page = browser.get("/sizing?saved=" + id);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Saved.").contains("href=\"/sizing-recommendations/" + id + "/print\"")
				.contains("href=\"/sizing-recommendations/" + id + ".pdf\"").contains("10k")
				.contains("value=\"" + opportunity + "\" selected");
		assertThat(Http.to(port).as("ae").get("/api/v1/sizing-recommendations/" + id).json().path("note").asString())
				.isEqualTo("From the February measurements");
	}

	@Test
	void savingWithoutAnOpportunityAsksForOne() {
		var browser = WebSession.loggedIn(port, "sa");
		String csrf = WebSession.csrf(browser.get("/sizing").body());

		var answer = browser.postForm("/sizing/save", form(csrf, "users", "3000"));

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body()).contains("choose the opportunity to save it against").contains("id=\"result\"");
	}

	@Test
	void savingWithWrongMetricsAndNoOpportunityNamesBoth() {
		var browser = WebSession.loggedIn(port, "sa");
		String csrf = WebSession.csrf(browser.get("/sizing").body());

		var answer = browser.postForm("/sizing/save", form(csrf, "rps.api.peak", "-1"));

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body()).contains("id=\"f-rps-api-peak-error\"").contains("id=\"f-opportunityId\"")
				.contains("choose the opportunity to save it against").doesNotContain("id=\"result\"");
	}

	@Test
	void aeSeesTheAnswerButNoSaveButtonAndCannotSave() {
		var browser = WebSession.loggedIn(port, "ae");
		String csrf = WebSession.csrf(browser.get("/sizing").body());

		var answer = browser.postForm("/sizing", form(csrf, "users", "3000"));
		var save = browser.postForm("/sizing/save", form(csrf, "users", "3000", "opportunityId",
				WebSession.opportunityId(port, 0)));

		assertThat(answer.body()).contains("id=\"result\"").doesNotContain("Save to opportunity</button>");
		assertThat(save.status()).isEqualTo(403);
	}

	@Test
	void customerMayNotOpenTheSizingPage() {
		assertThat(WebSession.loggedIn(port, "customer").get("/sizing").status()).isEqualTo(403);
	}

	/** The value an input of the page shows. */
	private static String value(String html, String name) {
		var matcher = Pattern.compile("name=\"" + Pattern.quote(name) + "\"\\s+value=\"([^\"]*)\"").matcher(html);
		assertThat(matcher.find()).as("input " + name).isTrue();
		return matcher.group(1);
	}

	private static String part(String boundary, String name, String value) {
		return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
	}
}
