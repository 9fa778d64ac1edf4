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
 * The daily work in a real browser, at a laptop's width (1366 px) and a phone's (390 px): an AE
 * files a request through the form (the template decides the fields, errors in words next to
 * them, the due times before filing), the circle walks the guided triage (discussed, the 4
 * questions, two reviews, assign) with each step saying done, next or not yet, the forms that no
 * longer apply disappear, a refused assignment comes back to the request's own address, the AE
 * hears of it in the inbox, and the board, the home pages and the inbox fit the screen and pass
 * axe-core's accessibility rules.
 */
@BatonIntegrationTest
class TriageFlowBrowserTests extends BrowserTest {

	private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
	private static final String REFERENCE = "[A-Z][A-Z0-9]*-\\d+";

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
	void anAeFilesAndTheCircleWalksTheGuidedTriageOnALaptop() {
		fileOthersForTheBoard();

		// the AE files through the form
		login("ae");
		find("nav a[href='/requests/new']").click();
		waitUntil(d -> d.getCurrentUrl().endsWith("/requests/new"));
		chooseOpportunity("2001", "CRM-OPP-2001");
		new Select(find("#f-template")).selectByValue("VENDOR_SECURITY_ASSESSMENT");
		waitUntil(d -> !d.findElements(By.id("f-details-dueDate")).isEmpty());
		new Select(find("#f-template")).selectByValue("SA_ACTIVITY");
		waitUntil(d -> !d.findElements(By.id("f-details-meeting-why")).isEmpty());
		assertThat(driver.findElements(By.id("f-details-dueDate"))).isEmpty();
		setValue(find("#f-details-preferredDates-0-start"), "2026-12-02T10:00");
		new Select(find("#f-details-preferredDates-0-timeZone")).selectByValue("America/New_York");
		htmxSettled();
		waitUntil(d -> d.findElement(By.id("due-triage")).getText().contains("24 Nov"));
		assertThat(find("#due-triage").getText()).contains("Chicago time");
		find("#f-details-pains").sendKeys("Forty Jenkins plugins to maintain");
		find("#f-details-requiredCapabilities").sendKeys("Merge request approvals\nSAST");
		find("#f-details-currentTools-0-name").sendKeys("Jenkins");
		find("input[name='details.currentTools[0].nonNegotiable']").click();
		// the asks in words, not constants
		assertThat(find("#f-details-asks").getText()).contains("Technical Q&A").contains("RFI or RFP")
				.doesNotContain("Technical qa").doesNotContain("Rfi rfp");
		find("input[name='details.asks'][value='DEMO']").click();
		find("#f-details-meeting-why").sendKeys("Platform team evaluates consolidation");
		find("#f-details-meeting-objectives").sendKeys("Show MR to deploy");
		find("#f-details-meeting-agenda").sendKeys("Intro, demo, Q&A");
		find("#f-details-meeting-attendees-0-name").sendKeys("Maria Gonzalez");
		find("#f-details-meeting-attendees-0-title").sendKeys("VP Engineering");
		assertEveryControlIsNamed();
		script("window.scrollTo(0, 0);");
		screenshot("new-request");

		// hosting is missing: the error says so in words, next to the field and in the summary
		find("#new-request button[type=submit]:not([formaction])").click();
		waitUntil(d -> !d.findElements(By.id("e-details-hosting")).isEmpty());
		assertThat(find("#e-details-hosting").getText()).startsWith("Choose where the customer will run it")
				.doesNotContain("SELF_MANAGED");
		assertThat(find("#error-summary").getText()).contains("Hosting").doesNotContain("details.hosting");
		assertThat(find("#f-details-meeting-why").getAttribute("value")).isEqualTo("Platform team evaluates consolidation");
		new Select(find("#f-details-hosting")).selectByVisibleText("Self-managed");
		find("#new-request button[type=submit]:not([formaction])").click();
		waitUntil(d -> d.getCurrentUrl().matches(".*/requests/[0-9a-f-]{36}$"));
		var requestPath = driver.getCurrentUrl().replaceFirst("^https?://[^/]+", "");
		var reference = find("#reference").getText();
		assertThat(reference).matches(REFERENCE);
		assertThat(find("#flash").getText()).contains(reference);
		assertThat(find("#status").getText()).isEqualTo("New");
		assertThat(step("discussed")).isEqualTo("next");
		assertThat(step("four-questions")).isEqualTo("not-yet");
		assertThat(find("#step-assigned").getText()).contains("Once the steps above are done");
		assertThat(driver.findElements(By.id("recommendations"))).as("an AE sees no recommendations").isEmpty();
		assertThat(find("#clock-badge").getText()).isEqualTo("Triage: 8 business hours left");
		assertThat(find("#clock-due").getText()).isEqualTo("due Tue 24 Nov 10:00 Chicago time (Tue 24 Nov 11:00 your time)");

		// the circle discusses and a first review comes in
		login("priya.natarajan");
		open(requestPath);
		find("#comment-body").sendKeys("Sam knows their Jenkins setup from the Initech POV");
		find("form[aria-label='Comment'] button[type=submit]").click();
		waitUntil(d -> d.findElement(By.id("thread")).getText().contains("Initech POV"));
		assertThat(find("#thread").getText()).contains("Priya Natarajan wrote");
		assertThat(step("discussed")).isEqualTo("done");
		assertThat(find("#step-discussed").getText()).contains("Discussed by Priya Natarajan");
		find("form[aria-label='Review the command plan'] button[value=APPROVE]").click();
		waitUntil(d -> d.findElement(By.id("reviews")).getText().contains("Priya Natarajan approves the command plan"));
		assertThat(find("#step-second-review").getText()).contains("1 approved so far");

		// Sam answers the 4 questions, forgetting one first: the error is in words next to it
		login("sa");
		open(requestPath);
		assertThat(step("four-questions")).isEqualTo("next");
		for (var question : List.of("commandPlanComplete", "understandsContext", "leadTime")) {
			find("input[name='" + question + "'][value=true]").click();
		}
		find("form[aria-label='The 4 questions'] button[type=submit]").click();
		waitUntil(d -> !d.findElements(By.id("e-questions-relatableExperience")).isEmpty());
		assertThat(driver.getCurrentUrl()).as("a refused form comes back to the request, so a refresh posts nothing")
				.doesNotContain("/answers");
		assertThat(find("#e-questions-relatableExperience").getText()).isEqualTo("Answer yes or no.");
		assertThat(find("input[name=leadTime][value=true]").isSelected()).isTrue();
		find("input[name=relatableExperience][value=true]").click();
		find("form[aria-label='The 4 questions'] button[type=submit]").click();
		waitUntil(d -> d.findElement(By.id("step-four-questions")).getText().contains("Answered by Sam Rivera"));
		// saved answers show as saved, and the form to change them starts from them
		assertThat(driver.findElements(By.cssSelector("#saved-answers strong")).stream().map(e -> e.getText()).toList())
				.containsExactly("Yes", "Yes", "Yes", "Yes");
		assertThat(find("input[name=commandPlanComplete][value=true]").isSelected()).isTrue();

		// the second review completes the step; its forms disappear and the assign step is next
		find("form[aria-label='Review the command plan'] button[value=APPROVE]").click();
		waitUntil(d -> step("second-review").equals("done"));
		assertThat(driver.findElements(By.cssSelector("form[aria-label='Review the command plan']"))).isEmpty();
		assertThat(driver.findElements(By.cssSelector("form[aria-label='Waive the second review']"))).isEmpty();
		assertThat(step("assigned")).isEqualTo("next");

		// the recommendations explain their order: room, then a demanded skill, then score
		waitUntil(d -> !d.findElements(By.cssSelector("#recommendations-list [data-recommendation-rank]")).isEmpty());
		assertThat(find("#recommendations-order").getText()).contains("room").contains("skill").contains("score");
		assertThat(driver.findElements(By.cssSelector("#recommendations-list li.tier"))).isNotEmpty();
		var ranked = driver.findElements(By.cssSelector("#recommendations-list [data-recommendation-rank]"));
		assertAccessible();
		script("document.getElementById('step-second-review').scrollIntoView();");
		screenshot("request-triage");
		if (ranked.size() > 1) {
			// choosing the second without a reason is refused by name, and the address stays the request's
			var second = ranked.get(1);
			new Select(find("#assign-assignee")).selectByValue(second.getAttribute("data-person-id"));
			assertThat(find("#assign-reason").isDisplayed()).isTrue();
			find("form[aria-label='Assign'] button[type=submit]").click();
			waitUntil(d -> !d.findElements(By.id("violations")).isEmpty());
			assertThat(find("#violations").getText()).contains("Why not the top recommendation");
			assertThat(driver.getCurrentUrl()).doesNotContain("/assignment");
			waitUntil(d -> !d.findElements(By.cssSelector("#recommendations-list [data-recommendation-rank]")).isEmpty());
		}
		new Select(find("#assign-assignee")).selectByVisibleText("Sam Rivera");
		if (!"1".equals(find("form[aria-label='Assign'] input[name=recommendationRank]").getAttribute("value"))) {
			find("#assign-reason").sendKeys("Sam worked with their platform team on the Initech POV");
		}
		find("form[aria-label='Assign'] button[type=submit]").click();
		waitUntil(d -> d.findElement(By.id("status")).getText().equals("SA Triaged"));
		assertThat(find("#assignee").getText()).contains("Sam Rivera");
		assertThat(step("assigned")).isEqualTo("done");
		// after assignment nothing of triage is offered any more
		for (var form : List.of("Review the command plan", "Waive the second review", "The 4 questions", "Assign",
				"Approve or reject")) {
			assertThat(driver.findElements(By.cssSelector("form[aria-label='" + form + "']"))).as(form).isEmpty();
		}
		assertThat(find("#clock-badge").getText()).startsWith("SLA: ").endsWith("business hours left");
		// the history reads as sentences with names
		find("#history summary").click();
		assertThat(find("#history").getText()).contains("Alex Morgan filed the request").contains("Sam Rivera assigned Sam Rivera")
				.doesNotContain("sa-request.");
		assertEveryControlIsNamed();
		assertAccessible();
		script("window.scrollTo(0, 0);");
		screenshot("request");

		// the board: every column fits the laptop, the card shows the number
		open("/board?board=commercial-amer");
		var id = requestPath.substring(requestPath.lastIndexOf('/') + 1);
		var card = find("#card-SA_TRIAGED-" + id);
		assertThat(card.getText()).contains(reference).contains("Acme Logistics").contains("Sam Rivera");
		assertNoSidewaysScroll();
		var lastColumn = find("#col-DECLINED");
		assertThat(((Number) script("return arguments[0].getBoundingClientRect().right;", lastColumn)).doubleValue())
				.as("the last column is on the screen").isLessThanOrEqualTo(1366);
		// the number finds its request
		find(".board-filters input[name=q]").sendKeys(reference, Keys.ENTER);
		waitUntil(d -> d.getCurrentUrl().contains("q="));
		assertThat(driver.findElements(By.cssSelector("a.card"))).hasSize(1);
		open("/board?board=commercial-amer");
		assertEveryControlIsNamed();
		assertAccessible();
		screenshot("board");
		card = find("#card-SA_TRIAGED-" + id);
		script("arguments[0].focus();", card);
		driver.switchTo().activeElement().sendKeys(Keys.ENTER);
		waitUntil(d -> d.getCurrentUrl().endsWith(requestPath));

		// Sam's home: what needs triage in the circle and what is assigned to him, with due times
		open("/");
		assertThat(find("#assigned-to-me").getText()).contains(reference).contains("due");
		assertThat(find("#needs-triage").getText()).contains("Globex Retail");
		assertNoSidewaysScroll();
		assertAccessible();
		screenshot("home-sa");

		// the AE hears of it: the bell counts, the inbox opens the request and marks all read
		login("ae");
		waitUntil(d -> !d.findElements(By.cssSelector("#bell .bell-count")).isEmpty());
		assertThat(find("#bell a").getAttribute("aria-label")).contains("unread notification");
		assertThat(find("#my-open-requests").getText()).contains(reference).contains("Sam Rivera works on it");
		screenshot("home-ae");
		find("#bell a").click();
		waitUntil(d -> d.getCurrentUrl().endsWith("/inbox"));
		assertThat(find(".inbox").getText()).contains("Your SA for " + reference);
		assertAccessible();
		screenshot("inbox");
		var unread = driver.findElements(By.cssSelector(".inbox li.unread")).size();
		// other tests' requests may have told this AE of theirs too: open the one about this request
		driver.findElement(By.xpath("//ol[contains(@class,'inbox')]/li[contains(@class,'unread')][contains(., 'Your SA for "
				+ reference + " ')]//form[contains(@action,'/open')]//button")).click();
		waitUntil(d -> d.getCurrentUrl().endsWith(requestPath));
		open("/inbox");
		assertThat(driver.findElements(By.cssSelector(".inbox li.unread"))).as("opening one marks it read")
				.hasSize(unread - 1);

		// the manager's home: the circle's health; and their inbox, marked read all at once
		login("sa-manager");
		open("/inbox");
		assertThat(driver.findElements(By.cssSelector(".inbox li.unread"))).isNotEmpty();
		find("form[action='/inbox/read-all'] button").click();
		waitUntil(d -> d.findElements(By.cssSelector("#bell .bell-count")).isEmpty());
		assertThat(driver.findElements(By.cssSelector(".inbox li.unread"))).isEmpty();
		assertThat(find("#flash").getText()).contains("marked read");
		open("/");
		assertThat(find("#circle-health").getText()).contains("Circle Cascade").contains("wait for triage")
				.contains("wait for reviews");
		assertAccessible();
		screenshot("home-manager");
		find("#circle-health a[href^='/circles/']").click();
		waitUntil(d -> d.findElement(By.tagName("h1")).getText().equals("Circle Cascade"));
		assertThat(find("main").getText()).doesNotContain("1 engaged requests");
		screenshot("circle");
	}

	@Test
	void theTriageWorksOnAPhone() {
		resize(PHONE);
		var id = filed("2026-12-03T15:00:00Z");
		login("priya.natarajan");
		open("/requests/" + id);
		assertNoSidewaysScroll();
		find("#comment-body").sendKeys("Diego knows this stack");
		find("form[aria-label='Comment'] button[type=submit]").click();
		waitUntil(d -> step("discussed").equals("done"));
		find("form[aria-label='Review the command plan'] button[value=APPROVE]").click();
		waitUntil(d -> d.findElement(By.id("reviews")).getText().contains("Priya Natarajan approves"));
		find("#step-second-review summary").click();
		find("#waiver-reason").sendKeys("A repeat demo of last month's, reviewed then");
		find("form[aria-label='Waive the second review'] button[type=submit]").click();
		waitUntil(d -> step("second-review").equals("done"));
		assertThat(find("#step-second-review").getText()).contains("Waived by Priya Natarajan");

		login("sa");
		open("/requests/" + id);
		for (var question : List.of("commandPlanComplete", "understandsContext", "leadTime", "relatableExperience")) {
			find("input[name='" + question + "'][value=true]").click();
		}
		find("form[aria-label='The 4 questions'] button[type=submit]").click();
		waitUntil(d -> step("assigned").equals("next"));
		waitUntil(d -> !d.findElements(By.cssSelector("#recommendations-list [data-recommendation-rank='1']")).isEmpty());
		// on a phone the recommendations still show why and the assign buttons
		var top = find("#recommendations-list [data-recommendation-rank='1']");
		assertThat(top.findElement(By.cssSelector(".reasons")).isDisplayed()).isTrue();
		assertThat(top.findElement(By.cssSelector("form.assign button")).isDisplayed()).isTrue();
		assertNoSidewaysScroll();
		assertAccessible();
		screenshot("request-phone");
		top.findElement(By.cssSelector("form.assign button")).click();
		waitUntil(d -> d.findElement(By.id("status")).getText().equals("SA Triaged"));
		assertNoSidewaysScroll();

		// the board is a list on a phone: the columns stack, the open ones first in the board's order
		login("sa-manager");
		open("/board");
		assertNoSidewaysScroll();
		var newColumn = find("#col-NEW");
		assertThat(newColumn.isDisplayed()).isTrue();
		assertThat(((Number) script("return arguments[0].getBoundingClientRect().width;", newColumn)).doubleValue())
				.as("a column takes the phone's width").isGreaterThan(300);
		assertThat(find("nav[aria-label=Main] a[href='/board']").isDisplayed()).isTrue();
		assertAccessible();
		screenshot("board-phone");
		for (var page : List.of("/", "/inbox", "/my/work", "/circles")) {
			open(page);
			assertNoSidewaysScroll();
		}
		login("ae");
		for (var page : List.of("/", "/requests/new", "/my/requests", "/inbox")) {
			open(page);
			assertNoSidewaysScroll();
			assertEveryControlIsNamed();
		}
		assertAccessible();
	}

	/** Where a step of the guided triage stands: done, next or not-yet. */
	private String step(String key) {
		return find("#step-" + key).getAttribute("data-state");
	}

	private void chooseOpportunity(String search, String crmId) {
		find("#f-q").sendKeys(search);
		// the search narrows the list as one types; the list is swapped in, so look it up afresh
		waitUntil(d -> {
			if (!Boolean.TRUE.equals(script("return document.querySelector('.htmx-request') === null;"))) {
				return false;
			}
			try {
				var options = new Select(d.findElement(By.id("f-opportunityId")));
				if (options.getFirstSelectedOption().getText().contains(crmId)) {
					return true;
				}
				if (options.getOptions().size() == 2) {
					options.selectByIndex(1);
				}
				return false;
			}
			catch (org.openqa.selenium.StaleElementReferenceException swapped) {
				return false;
			}
		});
	}

	/** A request from the AE through the API, not yet triaged. */
	private String filed(String firstMeeting) {
		var admin = Http.to(port).as("admin");
		var filed = Http.to(port).as("ae").post("/api/v1/sa-requests",
				activity(DemoOrganisation.opportunity(admin, "Acme Logistics: platform consolidation"), firstMeeting,
						List.of()));
		assertThat(filed.status()).as(filed.body()).isEqualTo(201);
		assertThat(filed.json().path("reference").asString()).matches(REFERENCE);
		return filed.json().path("id").asString();
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
