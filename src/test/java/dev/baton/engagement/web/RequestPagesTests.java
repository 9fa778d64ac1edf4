package dev.baton.engagement.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.baton.BatonIntegrationTest;
import dev.baton.DemoOrganisation;
import dev.baton.Http;
import dev.baton.PageSession;

/**
 * The triage pages over plain HTTP, as a browser without script uses them: who may see which
 * page, the service's field errors next to the fields, and the redirect after each form.
 */
@BatonIntegrationTest
class RequestPagesTests {


	@LocalServerPort
	int port;

	private Http login(String username) {
		return PageSession.login(port, username).header("Accept", "text/html");
	}

	private static String csrf(String html) {
		return PageSession.csrf(html);
	}

	@Test
	void aPageNumberPastAnyListIsAnEmptyPageNotAnError() {
		assertThat(login("ae").get("/my/requests?page=2147483647").status()).isEqualTo(200);
		assertThat(login("sa").get("/board?column=NEW&page=99999999").status()).isEqualTo(200);
	}

	private Map<String, String> completeActivity(String opportunityId, String csrf) {
		var form = new LinkedHashMap<String, String>();
		form.put("_csrf", csrf);
		form.put("opportunityId", opportunityId);
		form.put("template", "SA_ACTIVITY");
		form.put("details.preferredDates[0].start", "2027-03-02T10:00");
		form.put("details.preferredDates[0].timeZone", "America/New_York");
		form.put("details.hosting", "SELF_MANAGED");
		form.put("details.pains", "Forty Jenkins plugins\nSlow releases");
		form.put("details.requiredCapabilities", "SAST");
		form.put("details.currentTools[0].name", "Jenkins");
		form.put("details.currentTools[0].nonNegotiable", "true");
		form.put("details.asks", "DEMO");
		form.put("details.meeting.why", "Consolidation");
		form.put("details.meeting.objectives", "Show MR to deploy");
		form.put("details.meeting.agenda", "Intro, demo");
		form.put("details.meeting.attendees[0].name", "Maria Gonzalez");
		form.put("details.meeting.attendees[0].title", "VP Engineering");
		return form;
	}

	@Test
	void showsTheServicesFieldErrorsNextToTheFieldsAndFilesAfterPostRedirectGet() {
		var ae = login("ae");
		var page = ae.get("/requests/new");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Acme Logistics: platform consolidation").contains("Triage due");

		var opportunity = DemoOrganisation.opportunity(Http.to(port).as("admin"), "Acme Logistics: platform consolidation");
		var form = completeActivity(opportunity, csrf(page.body()));
		form.remove("details.hosting");
		form.remove("details.meeting.why");
		var refused = ae.postForm("/requests", form);

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("id=\"e-details-hosting\"").contains("Choose where the customer will run it")
				.doesNotContain("SELF_MANAGED, CLOUD or SAAS")
				.contains("id=\"e-details-meeting-why\"").contains("aria-invalid=\"true\"");

		form.put("details.hosting", "SELF_MANAGED");
		form.put("details.meeting.why", "Consolidation");
		var filed = ae.postForm("/requests", form);
		assertThat(filed.status()).as(filed.body()).isEqualTo(302);
		assertThat(filed.header("Location")).matches(".*/requests/[0-9a-f-]{36}$");

		var request = ae.get(filed.header("Location").replaceFirst("^https?://[^/]+", ""));
		assertThat(request.status()).isEqualTo(200);
		assertThat(request.body()).contains("Request filed: CAMER-").contains("Alex Morgan filed the request")
				.doesNotContain("sa-request.filed").contains("Maria Gonzalez");
	}

	@Test
	void theFieldSetFollowsTheTemplatesRequirements() {
		var ae = login("ae");
		var security = ae.get("/requests/new/fields?template=VENDOR_SECURITY_ASSESSMENT").body();
		assertThat(security).contains("name=\"details.dueDate\"").contains("Frameworks and controls")
				.doesNotContain("details.meeting.why").doesNotContain("details.preferredDates[0].start");

		var followUp = ae.get("/requests/new/fields?template=FOLLOW_UP").body();
		assertThat(followUp).contains("details.meeting.why").contains("details.preferredDates[0].start")
				.doesNotContain("name=\"details.hosting\"").doesNotContain("details.dueDate");
	}

	@Test
	void previewsTheDueTimesBeforeFiling() {
		var ae = login("ae");
		var soon = java.time.LocalDateTime.ofInstant(Instant.now().plusSeconds(3 * 3600), java.time.ZoneId.of("UTC"))
				.withSecond(0).withNano(0);
		var due = ae.get("/requests/new/due?details.preferredDates%5B0%5D.start=" + soon
				+ "&details.preferredDates%5B0%5D.timeZone=UTC&template=SA_ACTIVITY").body();

		assertThat(due).contains("id=\"due-triage\"").contains("Fast Track").contains("Circle Cascade");
	}

	@Test
	void pagesARoleMayNotSeeAnswer403AndAreNotLinked() {
		var ae = login("ae");
		var board = ae.get("/board");
		assertThat(board.status()).isEqualTo(403);
		assertThat(board.contentType()).startsWith("text/html");
		assertThat(ae.get("/").body()).doesNotContain("href=\"/board\"").contains("href=\"/requests/new\"")
				.contains("href=\"/my/requests\"");

		var sa = login("sa");
		assertThat(sa.get("/requests/new").status()).isEqualTo(403);
		assertThat(sa.get("/my/requests").status()).isEqualTo(403);
		assertThat(sa.get("/").body()).contains("href=\"/board\"").doesNotContain("href=\"/requests/new\"");
		assertThat(sa.get("/board").status()).isEqualTo(200);

		var customer = login("customer");
		assertThat(customer.get("/requests/" + java.util.UUID.randomUUID()).status()).isEqualTo(403);
	}

	@Test
	void pagesLinkWebjarsByTheirVersionAndEveryOtherLinkAsWritten() {
		var board = login("sa").get("/board?board=commercial-amer").body();

		assertThat(board).containsPattern("src=\"/webjars/htmx\\.org/\\d[^/\"]*/dist/htmx\\.min\\.js\"")
				.contains("href=\"/css/baton.css\"").containsPattern("href=\"/requests/[0-9a-f-]{36}\"");
	}

	@Test
	void pagesGoGzippedToBrowsersThatAcceptIt() {
		var board = login("sa").header("Accept-Encoding", "gzip").get("/board?board=commercial-amer");

		assertThat(board.status()).isEqualTo(200);
		assertThat(board.header("Content-Encoding")).isEqualTo("gzip");
	}

	@Test
	void aFilteredBoardIsALinkAndItsPollingKeepsTheFilters() {
		var sa = login("sa");
		var board = sa.get("/board?board=commercial-amer&segment=MM_FIRST_ORDER&label=EXPEDITE").body();

		assertThat(board).contains("hx-get=\"/board/columns?board=commercial-amer&amp;segment=MM_FIRST_ORDER&amp;label=EXPEDITE\"")
				.contains("hx-trigger=\"every 20s\" hx-swap=\"outerHTML\" data-poll");
		// the bell polls as a poll too, which the script skips in a hidden tab and the session does not count as activity
		assertThat(board).containsPattern("id=\"bell\"[^>]*hx-trigger=\"every 60s\"[^>]*data-poll");
		var columns = sa.get("/board/columns?board=commercial-amer&group=label");
		assertThat(columns.status()).isEqualTo(200);
		assertThat(columns.body()).startsWith("<div").contains("id=\"col-EXPEDITE\"").doesNotContain("<html");
	}

	private static String activity(String opportunityId) {
		return Http.json(Map.of("opportunityId", opportunityId, "template", "SA_ACTIVITY", "details", Map.of(
				"preferredDates", java.util.List.of(Map.of("start", Instant.now().plusSeconds(20 * 86400).toString(),
						"timeZone", "Europe/Berlin")),
				"hosting", "SAAS", "pains", java.util.List.of("Slow releases"), "requiredCapabilities", java.util.List.of("CI"),
				"currentTools", java.util.List.of(Map.of("name", "GitHub")), "asks", java.util.List.of("DEMO"),
				"meeting", Map.of("why", "Evaluation", "objectives", "Demo", "agenda", "Demo, Q&A",
						"attendees", java.util.List.of(Map.of("name", "Pat Lee", "title", "CTO"))))));
	}

	private String file(String ae, String opportunity) {
		var admin = Http.to(port).as("admin");
		var response = Http.to(port).as(ae).post("/api/v1/sa-requests",
				activity(DemoOrganisation.opportunity(admin, opportunity)));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().path("id").asString();
	}

	@Test
	void anApproverTheSegmentWaitsForApprovesFromTheRequestPage() {
		var id = file("jamie.fox", "Stark Manufacturing: add 150 seats");
		var sa = login("sa");
		assertThat(sa.get("/requests/" + id).body()).contains("Awaiting approval").doesNotContain("aria-label=\"Approve or reject\"");

		var asm = login("asm");
		var page = asm.get("/requests/" + id).body();
		assertThat(page).contains("aria-label=\"Approve or reject\"");
		var rejectWithoutReason = asm.postForm("/requests/" + id + "/approvals", Map.of("_csrf", csrf(page), "decision", "REJECT"));
		// post, redirect, get: the refusal shows on the request's own page, so a refresh posts nothing again
		assertThat(rejectWithoutReason.status()).isEqualTo(302);
		assertThat(rejectWithoutReason.header("Location")).endsWith("/requests/" + id + "#approvals");
		assertThat(asm.get("/requests/" + id).body()).contains("id=\"e-approval-reason\"").contains("Give a reason.");
		assertThat(asm.get("/requests/" + id).body()).as("shown once").doesNotContain("id=\"e-approval-reason\"");

		var approved = asm.postForm("/requests/" + id + "/approvals", Map.of("_csrf", csrf(page), "decision", "APPROVE"));
		assertThat(approved.status()).isEqualTo(302);
		assertThat(approved.header("Location")).endsWith("/requests/" + id + "#approvals");
		assertThat(asm.get("/requests/" + id).body()).contains("id=\"status\">New<").contains("Decision recorded");
	}

	@Test
	void declineNeedsAReasonAndTheRequesterCannotDecline() {
		var id = file("ae", "Acme Logistics: platform consolidation");
		var ae = login("ae");
		var own = ae.get("/requests/" + id).body();
		assertThat(own).doesNotContain("aria-label=\"Decline\"");
		var byRequester = ae.postForm("/requests/" + id + "/decline", Map.of("_csrf", csrf(own), "reason", "never mind"));
		assertThat(byRequester.status()).isEqualTo(302);
		assertThat(ae.get("/requests/" + id).body()).contains("The requesting AE does not decline it");

		var priya = login("priya.natarajan");
		var page = priya.get("/requests/" + id).body();
		var blank = priya.postForm("/requests/" + id + "/decline", Map.of("_csrf", csrf(page), "reason", " "));
		assertThat(blank.status()).isEqualTo(302);
		assertThat(priya.get("/requests/" + id).body()).contains("id=\"e-decline-reason\"").contains("Give a reason.");

		var declined = priya.postForm("/requests/" + id + "/decline", Map.of("_csrf", csrf(page), "reason", "Route to the CSM"));
		assertThat(declined.status()).isEqualTo(302);
		assertThat(priya.get("/requests/" + id).body()).contains("id=\"status\">Declined<").contains("Route to the CSM");
	}

	@Test
	void aBoardColumnShowsAtMost25CardsAndLinksToTheRest() {
		for (int i = 0; i < BoardPage.PER_COLUMN + 1; i++) {
			file("oliver.schmidt", "Kraken Energie: SMB named renewal plus");
		}
		var manager = login("ingrid.larsen");
		var board = manager.get("/board?board=commercial-emea&segment=SMB_NAMED").body();
		var newColumn = board.substring(board.indexOf("id=\"col-NEW\""), board.indexOf("id=\"col-SA_WAITING\""));

		assertThat(count(newColumn, "id=\"card-NEW-")).isEqualTo(BoardPage.PER_COLUMN);
		assertThat(count(board, "class=\"card\"")).isLessThanOrEqualTo(200);
		assertThat(newColumn).contains("href=\"/board?board=commercial-emea&amp;segment=SMB_NAMED&amp;column=NEW\"")
				.containsPattern("More in New \\(\\d+ not shown\\)");

		var column = manager.get("/board?board=commercial-emea&segment=SMB_NAMED&column=NEW").body();
		assertThat(count(column, "id=\"card-NEW-")).isGreaterThan(BoardPage.PER_COLUMN)
				.isLessThanOrEqualTo(BoardPage.PER_PAGE);
		assertThat(column).doesNotContain("id=\"col-SA_TRIAGED\"").contains("Back to the whole board");
	}

	private static int count(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
			count++;
		}
		return count;
	}

	@Test
	void theLoserOfAConcurrentAssignmentSeesTheConflictAndHtmxGetsItsStatus() {
		var id = readyToAssign();
		var sam = DemoOrganisation.person(Http.to(port).as("admin"), "Sam Rivera");
		var winner = login("sa");
		var loser = login("priya.natarajan");
		// both opened the page at the same version
		var winnersPage = winner.get("/requests/" + id).body();
		var losersPage = loser.get("/requests/" + id).body();
		var version = version(losersPage);
		assertThat(version(winnersPage)).isEqualTo(version);

		var won = winner.postForm("/requests/" + id + "/assignment",
				Map.of("_csrf", csrf(winnersPage), "assigneeId", sam, "version", version));
		assertThat(won.status()).isEqualTo(302);
		assertThat(winner.get("/requests/" + id).body()).contains("id=\"flash\"><strong>Assigned<");
		var lost = loser.postForm("/requests/" + id + "/assignment",
				Map.of("_csrf", csrf(losersPage), "assigneeId", sam, "version", version));

		// post, redirect, get: the top of the page says what happened, since the assign form is gone
		assertThat(lost.status()).isEqualTo(302);
		assertThat(lost.header("Location")).endsWith("/requests/" + id + "#refusal");
		var after = loser.get("/requests/" + id).body();
		assertThat(after).contains("id=\"refusal\"").contains("Someone else changed this request a moment ago")
				.contains("id=\"status\">SA Triaged<").doesNotContain("was changed by someone else since version");
		// htmx gets the conflict as a fragment with its status, and a refused permission with 403
		var htmx = loser.header("HX-Request", "true").postForm("/requests/" + id + "/assignment",
				Map.of("_csrf", csrf(losersPage), "assigneeId", sam, "version", version));
		assertThat(htmx.status()).isEqualTo(409);
		assertThat(htmx.body()).startsWith("<div").contains("Someone else changed this request a moment ago")
				.doesNotContain("<html");
		var ae = login("ae");
		var declined = ae.header("HX-Request", "true").postForm("/requests/" + id + "/decline",
				Map.of("_csrf", csrf(ae.get("/requests/" + id).body()), "reason", "never mind"));
		assertThat(declined.status()).isEqualTo(403);
		assertThat(declined.body()).contains("role=\"alert\"").contains("The requesting AE does not decline it");
		var comment = winner.header("HX-Request", "true").postForm("/requests/" + id + "/comments",
				Map.of("_csrf", csrf(winnersPage), "body", "Taking it"));
		assertThat(comment.status()).isEqualTo(200);
		assertThat(comment.header("HX-Redirect")).isEqualTo("/requests/" + id + "#thread");
		assertThat(winner.get("/requests/" + id).body()).as("the flash survives the redirect").contains("Comment added");
	}

	/** The version the page's assign form carries. */
	private static String version(String page) {
		var matcher = java.util.regex.Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(page);
		assertThat(matcher.find()).as("the page has the assign form").isTrue();
		return matcher.group(1);
	}

	/** A request of Circle Cascade that the triage rules allow to assign: discussed, answered, reviewed twice. */
	private String readyToAssign() {
		var id = file("ae", "Acme Logistics: platform consolidation");
		DemoOrganisation.triage(port, id);
		return id;
	}

	@Test
	void thePagesSpeakTheBrowsersLanguageAndEnglishWhenTheBundleLacksIt() {
		var id = file("ae", "Acme Logistics: platform consolidation");
		var german = login("sa").header("Accept-Language", "de-DE,de;q=0.9");
		var page = german.get("/requests/" + id).body();
		assertThat(page).contains("lang=\"de\"").contains("id=\"status\">Neu<").contains("Im Kreis besprochen")
				.contains("Als Nächstes").contains("Posteingang");
		assertThat(german.get("/governance/onsite").body()).as("a governance page").contains("lang=\"de\"")
				.contains("<h1>Vor-Ort-Termine</h1>").contains("Geschätzte Kosten").doesNotContain("Estimated cost");
		var french = login("sa").header("Accept-Language", "fr-FR");
		assertThat(french.get("/requests/" + id).body()).contains("lang=\"en\"").contains("id=\"status\">New<")
				.contains("Discussed by the circle");
		assertThat(german.get("/my/work").body()).contains("lang=\"de\"").contains("<h1>Meine Arbeit</h1>")
				.contains("Meine Anfragen").contains("Meine geplanten Abwesenheiten").doesNotContain("My requests");
		var manager = login("sa-manager").header("Accept-Language", "de");
		var circles = manager.get("/circles").body();
		assertThat(circles).contains("Meine Kreise").contains(">Betreute AEs<");
		var circle = circles.replaceAll("(?s).*href=\"(/circles/[0-9a-f-]{36})\".*", "$1");
		assertThat(manager.get(circle).body()).contains("lang=\"de\"").contains("Auslastung je SA")
				.contains("Wer ist abwesend, nächste 6 Wochen").contains("SLA-Einhaltung").doesNotContain("Load per SA");
	}

	@Test
	void theStaffPagesBeyondRequestsSpeakGermanWithoutAMissingWord() {
		var german = login("admin").header("Accept-Language", "de");
		for (var path : java.util.List.of("/governance/onsite", "/governance/judgments", "/governance/tasks",
				"/governance/rituals", "/governance/reports", "/usage/periods", "/catalog", "/finance", "/shadow-billing",
				"/admin", "/admin/boards", "/admin/circles", "/admin/people", "/admin/people/new", "/admin/import",
				"/admin/usage", "/admin/audit", "/subscriptions")) {
			var page = german.get(path);
			assertThat(page.status()).as(path).isEqualTo(200);
			assertThat(page.body()).as(path).contains("lang=\"de\"").doesNotContain("??");
		}
		assertThat(german.get("/admin/people/new").body()).contains(">Keine</option>").doesNotContain(">None</option>");
		// the administrator's home: the organisation at a glance
		assertThat(german.get("/").body()).contains("lang=\"de\"").contains("Nächster Feiertag").contains("Manager: ")
				.doesNotContain("Next holiday").doesNotContain("Time zone").doesNotContain("none known");
		// the AE's request form, its due preview and a template's fields
		var ae = login("ae").header("Accept-Language", "de");
		var form = ae.get("/requests/new").body();
		assertThat(form).contains("lang=\"de\"").contains("Triage fällig").contains("Felder anzeigen")
				.doesNotContain("Triage due").doesNotContain("??");
		assertThat(ae.get("/requests/new/fields?template=SA_ACTIVITY").body()).contains("Das Treffen")
				.doesNotContain("The meeting").doesNotContain("??");
		assertThat(ae.get("/account/tokens").body()).contains("lang=\"de\"").contains("Token ausstellen")
				.doesNotContain("Issue token").doesNotContain("??");
		assertThat(ae.get("/licensing/signals").body()).contains("lang=\"de\"").contains("Up-Sell-Signale")
				.doesNotContain("Evidence").doesNotContain("??");
	}

	@Test
	void theInboxMarksOneOrAllReadAndOpensWhereANotificationPoints() {
		var id = file("ae", "Acme Logistics: platform consolidation");
		var reference = Http.to(port).as("sa").get("/api/v1/sa-requests/" + id).json().path("reference").asString();
		var manager = login("sa-manager");
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(40))
				.until(() -> manager.get("/inbox?unread=true").body().contains("New request: " + reference + " "));
		var inbox = manager.get("/inbox").body();
		assertThat(inbox).contains("class=\"bell-count\"").contains("Mark all read");
		var entry = java.util.regex.Pattern.compile("action=\"/inbox/([0-9a-f-]{36})/open\"").matcher(inbox);
		assertThat(entry.find()).isTrue();
		var opened = manager.postForm("/inbox/" + entry.group(1) + "/open", Map.of("_csrf", csrf(inbox)));
		assertThat(opened.status()).isEqualTo(302);
		assertThat(opened.header("Location")).contains("/requests/");
		var sam = login("sa");
		assertThat(sam.postForm("/inbox/" + entry.group(1) + "/read", Map.of("_csrf", csrf(sam.get("/inbox").body())))
				.status()).as("someone else's notification").isEqualTo(404);
		var all = manager.postForm("/inbox/read-all", Map.of("_csrf", csrf(inbox)));
		assertThat(all.status()).isEqualTo(302);
		assertThat(manager.get("/inbox").body()).doesNotContain("class=\"bell-count\"").doesNotContain("Mark all read");
	}

	@Test
	void theClockLineRefreshesAloneAndSaysBusinessTimeAndTheBoardsClock() {
		var id = file("ae", "Acme Logistics: platform consolidation");
		var clockLine = login("sa").get("/requests/" + id + "/clock");
		assertThat(clockLine.status()).isEqualTo(200);
		assertThat(clockLine.body()).startsWith("<p").doesNotContain("<html").contains("id=\"clock-badge\"")
				.containsPattern("Triage: [0-9a-z ]+ left").contains("Chicago time")
				.contains("hx-get=\"/requests/" + id + "/clock\"");
	}
}
