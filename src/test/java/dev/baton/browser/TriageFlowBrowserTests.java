package dev.baton.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import dev.baton.BatonIntegrationTest;
import dev.baton.DemoOrganisation;
import dev.baton.Http;
import dev.baton.MutableClock;

/**
 * The triage flow in a real browser: an AE files a request through the form (the template
 * decides the fields, the service's errors show next to them, the due times show before
 * filing), the circle discusses, answers the 4 questions and reviews, an SA assigns, and the
 * board shows the card, also at phone width.
 */
@BatonIntegrationTest
class TriageFlowBrowserTests extends BrowserTest {

	private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

	@Autowired
	MutableClock clock;

	@BeforeEach
	void mondayMorningInChicago() {
		clock.set(ZonedDateTime.of(LocalDateTime.parse("2026-11-23T10:00"), CHICAGO).toInstant());
		resize(DESKTOP);
	}

	@AfterEach
	void backToNow() {
		clock.set(Instant.now());
	}

	@Test
	void anAeFilesTheCircleTriagesAndAnSaAssigns() {
		fileOthersForTheBoard();
		var samsLoadBefore = activeRequestsOnTheCirclePage("Sam Rivera");

		// the AE files
		login("ae");
		find("nav a[href='/requests/new']").click();
		waitUntil(d -> d.getCurrentUrl().endsWith("/requests/new"));
		find("#f-q").sendKeys("2001");
		// the search narrows the list as one types; the list is swapped in, so look it up afresh
		waitUntil(d -> {
			try {
				var options = new Select(d.findElement(By.id("f-opportunityId")));
				if (options.getOptions().size() != 2) {
					return false;
				}
				options.selectByIndex(1);
				return options.getFirstSelectedOption().getText()
						.startsWith("Acme Logistics: platform consolidation (CRM-OPP-2001");
			}
			catch (org.openqa.selenium.StaleElementReferenceException swapped) {
				return false;
			}
		});
		// the list shown before the search came back may have matched too: once the search is in,
		// make sure the choice stands on the list it swapped in
		waitUntil(d -> {
			if (!Boolean.TRUE.equals(script("return document.querySelector('.htmx-request') === null;"))) {
				return false;
			}
			var options = new Select(d.findElement(By.id("f-opportunityId")));
			if (options.getFirstSelectedOption().getText().contains("CRM-OPP-2001")) {
				return true;
			}
			if (options.getOptions().size() == 2) {
				options.selectByIndex(1);
			}
			return false;
		});
		assertThat(new Select(find("#f-opportunityId")).getFirstSelectedOption().getText()).contains("CRM-OPP-2001");

		new Select(find("#f-template")).selectByValue("VENDOR_SECURITY_ASSESSMENT");
		waitUntil(d -> !d.findElements(By.id("f-details-dueDate")).isEmpty());
		assertThat(driver.findElements(By.id("f-details-meeting-why"))).isEmpty();
		new Select(find("#f-template")).selectByValue("SA_ACTIVITY");
		waitUntil(d -> !d.findElements(By.id("f-details-meeting-why")).isEmpty());
		assertThat(driver.findElements(By.id("f-details-dueDate"))).isEmpty();

		setValue(find("#f-details-preferredDates-0-start"), "2026-12-02T10:00");
		new Select(find("#f-details-preferredDates-0-timeZone")).selectByValue("America/New_York");
		htmxSettled();
		waitUntil(d -> d.findElement(By.id("due-triage")).getText().contains("24 Nov"));
		assertThat(find("#due-sla").getText()).contains("25 Nov");

		find("#f-details-pains").sendKeys("Forty Jenkins plugins to maintain");
		find("#f-details-requiredCapabilities").sendKeys("Merge request approvals\nSAST");
		find("#f-details-currentTools-0-name").sendKeys("Jenkins");
		find("input[name='details.currentTools[0].nonNegotiable']").click();
		find("input[name='details.asks'][value='DEMO']").click();
		find("#f-details-meeting-why").sendKeys("Platform team evaluates consolidation");
		find("#f-details-meeting-objectives").sendKeys("Show MR to deploy");
		find("#f-details-meeting-agenda").sendKeys("Intro, demo, Q&A");
		find("#f-details-meeting-attendees-0-name").sendKeys("Maria Gonzalez");
		find("#f-details-meeting-attendees-0-title").sendKeys("VP Engineering");
		assertEveryControlIsNamed();
		script("window.scrollTo(0, 0);");
		screenshot("new-request");

		// hosting is missing: the service says so next to the field, and what was typed is kept
		find("#new-request button[type=submit]:not([formaction])").click();
		waitUntil(d -> !d.findElements(By.id("e-details-hosting")).isEmpty());
		assertThat(find("#e-details-hosting").getText()).contains("is required");
		assertThat(find("#f-details-hosting").getAttribute("aria-describedby")).isEqualTo("e-details-hosting");
		assertThat(find("#f-details-meeting-why").getAttribute("value")).isEqualTo("Platform team evaluates consolidation");
		assertThat(find("#f-details-preferredDates-0-start").getAttribute("value")).isEqualTo("2026-12-02T10:00");

		new Select(find("#f-details-hosting")).selectByValue("SELF_MANAGED");
		find("#new-request button[type=submit]:not([formaction])").click();
		waitUntil(d -> d.getCurrentUrl().matches(".*/requests/[0-9a-f-]{36}$"));
		var requestPath = driver.getCurrentUrl().replaceFirst("^https?://[^/]+", "");
		assertThat(find("#flash").getText()).contains("Request filed");
		assertThat(find("#status").getText()).isEqualTo("New");
		assertThat(driver.findElements(By.id("recommendations"))).as("an AE sees no recommendations").isEmpty();

		// the circle discusses and reviews
		login("priya.natarajan");
		open(requestPath);
		find("#comment-body").sendKeys("Sam knows their Jenkins setup from the Initech POV");
		find("form[aria-label='Comment'] button[type=submit]").click();
		waitUntil(d -> d.findElement(By.id("thread")).getText().contains("Initech POV"));
		assertThat(find("#flash").getText()).isEqualTo("Comment added");
		find("form[aria-label='Review the command plan'] button[value=APPROVE]").click();
		waitUntil(d -> d.findElement(By.id("reviews")).getText().contains("Priya Natarajan approves"));

		// Sam answers the 4 questions, forgetting one first
		login("sa");
		open(requestPath);
		for (var question : List.of("commandPlanComplete", "understandsContext", "leadTime")) {
			find("input[name='" + question + "'][value=true]").click();
		}
		find("form[aria-label='The 4 questions'] button[type=submit]").click();
		waitUntil(d -> !d.findElements(By.id("e-questions-relatableExperience")).isEmpty());
		assertThat(find("#e-questions-relatableExperience").getText()).isEqualTo("is required");
		assertThat(find("input[name=leadTime][value=true]").isSelected()).isTrue();
		find("input[name=relatableExperience][value=true]").click();
		find("form[aria-label='The 4 questions'] button[type=submit]").click();
		waitUntil(d -> d.findElement(By.id("questions")).getText().contains("Answered by Sam Rivera"));

		// assigning before the second review names the rule that is missing
		new Select(find("#assign-assignee")).selectByVisibleText("Sam Rivera");
		find("form[aria-label='Assign'] button[type=submit]").click();
		waitUntil(d -> !d.findElements(By.id("violations")).isEmpty());
		assertThat(find("#violations").getText()).contains("triage.second-review");

		find("form[aria-label='Review the command plan'] button[value=APPROVE]").click();
		waitUntil(d -> d.findElement(By.id("reviews")).getText().contains("Sam Rivera approves"));
		waitUntil(d -> !d.findElements(By.cssSelector("#recommendations-list tr[data-recommendation-rank]")).isEmpty());
		new Select(find("#assign-assignee")).selectByVisibleText("Sam Rivera");
		if (!"1".equals(find("form[aria-label='Assign'] input[name=recommendationRank]").getAttribute("value"))) {
			// Sam is not the top recommendation: the form asks why
			find("#assign-reason").sendKeys("Sam worked with their platform team on the Initech POV");
		}
		find("form[aria-label='Assign'] button[type=submit]").click();
		waitUntil(d -> d.findElement(By.id("status")).getText().equals("SA Triaged"));
		assertThat(find("#assignee").getText()).contains("Sam Rivera");
		assertThat(find("#history").getText()).contains("sa-request.assigned").contains("sa-request.reviewed");
		assertEveryControlIsNamed();
		screenshot("request");

		// the board shows the card; it is a link a keyboard reaches and opens
		open("/board?board=commercial-amer");
		var id = requestPath.substring(requestPath.lastIndexOf('/') + 1);
		var card = find("#card-SA_TRIAGED-" + id);
		assertThat(card.getText()).contains("Acme Logistics").contains("USD 85,000.00").contains("Sam Rivera");
		assertThat(find("#columns").getAttribute("hx-get")).isEqualTo("/board/columns?board=commercial-amer");
		assertEveryControlIsNamed();
		screenshot("board");
		script("arguments[0].focus();", card);
		assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("card-SA_TRIAGED-" + id);
		driver.switchTo().activeElement().sendKeys(Keys.ENTER);
		waitUntil(d -> d.getCurrentUrl().endsWith(requestPath));

		// the manager sees the load move
		assertThat(activeRequestsOnTheCirclePage("Sam Rivera")).isEqualTo(samsLoadBefore + 1);
		assertEveryControlIsNamed();
		screenshot("circle");
	}

	/** Logs in as Circle Cascade's manager and reads an SA's active requests off the circle page. */
	private int activeRequestsOnTheCirclePage(String sa) {
		login("sa-manager");
		open("/circles");
		driver.findElement(By.linkText("Circle Cascade")).click();
		waitUntil(d -> d.findElement(By.tagName("h1")).getText().equals("Circle Cascade"));
		var row = find("#load").findElement(By.xpath(".//tr[th='" + sa + "']"));
		return Integer.parseInt(row.findElements(By.tagName("td")).get(1).getText().trim());
	}

	@Test
	void theBoardFitsAPhoneByScrollingItsColumns() {
		login("sa-manager");
		resize(PHONE);
		open("/board");
		var page = (Map<?, ?>) script("var c = document.getElementById('columns');"
				+ "return {page: document.documentElement.scrollWidth, view: window.innerWidth,"
				+ " columns: c.scrollWidth, box: c.clientWidth};");
		assertThat(((Number) page.get("page")).intValue()).as("the page itself does not scroll sideways")
				.isLessThanOrEqualTo(((Number) page.get("view")).intValue());
		assertThat(((Number) page.get("columns")).intValue()).as("the columns scroll inside their box")
				.isGreaterThan(((Number) page.get("box")).intValue());
		assertThat(find("nav[aria-label=Main] a[href='/board']").isDisplayed()).isTrue();
		screenshot("board-phone");

		var admin = Http.to(port).as("admin");
		var filed = Http.to(port).as("ae").post("/api/v1/sa-requests",
				activity(DemoOrganisation.opportunity(admin, "Acme Logistics: platform consolidation"), "2026-12-04T15:00:00Z",
						List.of()));
		assertThat(filed.status()).as(filed.body()).isEqualTo(201);
		open("/requests/" + filed.json().path("id").asString());
		assertNoSidewaysScroll();
		login("ae");
		open("/requests/new");
		assertNoSidewaysScroll();
		open("/my/requests");
		assertNoSidewaysScroll();
		assertEveryControlIsNamed();
	}

	@Test
	void theAssignFormAsksWhyWhenTheTopRecommendationIsNotTaken() {
		var admin = Http.to(port).as("admin");
		var filed = Http.to(port).as("ae").post("/api/v1/sa-requests",
				activity(DemoOrganisation.opportunity(admin, "Acme Logistics: platform consolidation"), "2026-12-03T15:00:00Z",
						List.of()));
		assertThat(filed.status()).as(filed.body()).isEqualTo(201);

		login("sa");
		open("/requests/" + filed.json().path("id").asString());
		// the assignment module's recommendations load into the page
		waitUntil(d -> !d.findElements(By.cssSelector("#recommendations-list tr[data-recommendation-rank='2']")).isEmpty());
		var top = find("#recommendations-list tr[data-recommendation-rank='1']");
		var second = find("#recommendations-list tr[data-recommendation-rank='2']");
		assertThat(top.getText()).contains("Assign");
		assertThat(second.findElement(By.cssSelector("input[name=rankReason]")).getAttribute("required")).isNotNull();

		new Select(find("#assign-assignee")).selectByValue(top.getAttribute("data-person-id"));
		assertThat(find("form[aria-label='Assign'] input[name=recommendationRank]").getAttribute("value")).isEqualTo("1");
		assertThat(find("#assign-reason").isDisplayed()).isFalse();

		new Select(find("#assign-assignee")).selectByValue(second.getAttribute("data-person-id"));
		assertThat(find("form[aria-label='Assign'] input[name=recommendationRank]").getAttribute("value")).isEqualTo("2");
		assertThat(find("#assign-reason").isDisplayed()).isTrue();
		assertThat(find("label[for=assign-reason]").getText()).isEqualTo("Why not the top recommendation");
		assertEveryControlIsNamed();
	}

	/** Two more requests from other AEs, so the board shows its badges: an Expedite and a Fast Track one. */
	private void fileOthersForTheBoard() {
		var admin = Http.to(port).as("admin");
		var globex = DemoOrganisation.opportunity(admin, "Globex Retail: Premium to Ultimate");
		var tyrell = DemoOrganisation.opportunity(admin, "Tyrell Systems: CI/CD migration");
		var jordan = Http.to(port).as("jordan.brooks").post("/api/v1/sa-requests",
				activity(globex, "2026-11-30T15:00:00Z", List.of("EXPEDITE")));
		assertThat(jordan.status()).as(jordan.body()).isEqualTo(201);
		var taylor = Http.to(port).as("taylor.reed").post("/api/v1/sa-requests",
				activity(tyrell, "2026-11-23T20:00:00Z", List.of()));
		assertThat(taylor.status()).as(taylor.body()).isEqualTo(201);
	}

	private static String activity(String opportunityId, String firstMeeting, List<String> labels) {
		return Http.json(Map.of("opportunityId", opportunityId, "template", "SA_ACTIVITY", "labels", labels,
				"details", Map.of(
						"preferredDates", List.of(Map.of("start", firstMeeting, "timeZone", "America/Chicago")),
						"hosting", "SAAS", "pains", List.of("Slow releases"), "requiredCapabilities", List.of("CI"),
						"currentTools", List.of(Map.of("name", "GitHub", "nonNegotiable", false)),
						"asks", List.of("DEMO"),
						"meeting", Map.of("why", "Evaluation", "objectives", "Demo", "agenda", "Demo, Q&A",
								"attendees", List.of(Map.of("name", "Pat Lee", "title", "CTO"))))));
	}
}
