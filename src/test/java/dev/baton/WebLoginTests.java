package dev.baton;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Form login to the web UI: the login page, CSRF, sessions, and the pages a role may see.
 */
@BatonIntegrationTest
class WebLoginTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
	private static final String PASSWORD = "a long enough password";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void redirectsAnonymousVisitorsToTheLoginPage() {
		var response = Http.to(port).get("/");

		assertThat(response.status()).isEqualTo(302);
		assertThat(response.header("Location")).endsWith("/login");
	}

	@Test
	void logsInWithFormAndShowsTheUsersHome() {
		var browser = Http.browser(port);
		login(browser, "ae", Http.DEMO_PASSWORD);

		var home = browser.get("/");
		assertThat(home.status()).isEqualTo(200);
		assertThat(home.body()).contains("Hello, Alex Morgan").contains("Acme Logistics: platform consolidation")
				.contains("USD 85,000.00").contains("My open requests").doesNotContain("FACTOR_");
		assertThat(home.header("Content-Security-Policy")).contains("default-src 'self'");
		assertThat(home.header("X-Frame-Options")).isEqualTo("DENY");
		var missing = browser.header("Accept-Language", "de").header("Accept", "text/html").get("/no-such-page");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.body()).contains("lang=\"de\"").contains("404 Nicht gefunden").contains("Hier gibt es nichts.");
	}

	@Test
	void refusesLoginWithoutCsrfToken() {
		var browser = Http.browser(port);
		browser.get("/login");

		var response = browser.postForm("/login", Map.of("username", "ae", "password", Http.DEMO_PASSWORD));

		assertThat(response.status()).isEqualTo(403);
	}

	@Test
	void wrongPasswordReturnsToLoginWithError() {
		var browser = Http.browser(port);
		var response = submitLogin(browser, "ae", "wrong-password");

		assertThat(response.status()).isEqualTo(302);
		assertThat(response.header("Location")).endsWith("/login?error");
		assertThat(browser.get("/login?error").body())
				.contains("Wrong username or password, or the account is locked or disabled");
		assertThat(Http.browser(port).header("Accept-Language", "de").get("/login?error").body()).contains("lang=\"de\"")
				.contains("Benutzername oder Passwort falsch").contains(">Anmelden<").doesNotContain("Wrong username");
	}

	@Test
	void lockedAccountGetsTheSameAnswerAsAWrongPassword() {
		var username = createUser("web.locked", "AE").path("username").asString();
		for (int i = 0; i < 5; i++) {
			submitLogin(Http.browser(port), username, "wrong password!");
		}

		var response = submitLogin(Http.browser(port), username, PASSWORD);

		assertThat(response.status()).isEqualTo(302);
		assertThat(response.header("Location")).endsWith("/login?error");
	}

	@Test
	void demotedOrDisabledAccountLosesItsLiveSession() {
		var user = createUser("web.demoted", "ADMIN");
		var username = user.path("username").asString();
		var path = "/api/v1/users/" + user.path("id").asString();
		var admin = Http.to(port).as("admin");
		var browser = Http.browser(port);
		login(browser, username, PASSWORD);
		assertThat(browser.get("/admin/audit").status()).isEqualTo(200);

		assertThat(admin.header("If-Match", "\"0\"").put(path, change(username, "AE", true)).status()).isEqualTo(200);

		assertThat(browser.get("/admin/audit").status()).as("the demoted session").isEqualTo(403);
		var home = browser.get("/");
		assertThat(home.status()).isEqualTo(200);
		assertThat(home.body()).doesNotContain("href=\"/admin/audit\"");

		assertThat(admin.header("If-Match", "\"1\"").put(path, change(username, "AE", false)).status()).isEqualTo(200);

		var next = browser.get("/");
		assertThat(next.status()).isEqualTo(302);
		assertThat(next.header("Location")).endsWith("/login?expired");
		assertThat(browser.get("/login?expired").body()).contains("Your session has ended");
		var after = browser.get("/");
		assertThat(after.status()).as("the session is gone").isEqualTo(302);
		assertThat(after.header("Location")).endsWith("/login");
	}

	@Test
	void trustsTheProxysForwardedProtocol() {
		assertThat(Http.to(port).get("/login").header("Strict-Transport-Security")).isNull();

		var viaProxy = Http.to(port).header("X-Forwarded-Proto", "https").get("/login");

		assertThat(viaProxy.header("Strict-Transport-Security")).contains("max-age=");
	}

	private JsonNode createUser(String prefix, String role) {
		var username = prefix + "." + UUID.randomUUID().toString().substring(0, 8);
		var created = Http.to(port).as("admin").post("/api/v1/users", Http.json(Map.of("username", username,
				"displayName", "User " + username, "email", username + "@baton.example", "roles", List.of(role),
				"password", PASSWORD)));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json();
	}

	private static String change(String username, String role, boolean enabled) {
		return Http.json(Map.of("displayName", "User " + username, "email", username + "@baton.example",
				"roles", List.of(role), "enabled", enabled));
	}

	@Test
	void pageOfAnotherRoleAnswers403() {
		var browser = Http.browser(port);
		login(browser, "customer", Http.DEMO_PASSWORD);

		assertThat(browser.get("/").header("Location")).as("a customer's home is its portal").endsWith("/portal");
		var home = browser.get("/portal");
		assertThat(home.status()).isEqualTo(200);
		assertThat(home.body()).doesNotContain("href=\"/opportunities\"").doesNotContain("href=\"/admin/audit\"");
		assertThat(browser.get("/opportunities").status()).isEqualTo(403);
		assertThat(browser.get("/admin/audit").status()).isEqualTo(403);
	}

	@Test
	void adminSeesTheAuditTrailPage() {
		var browser = Http.browser(port);
		login(browser, "admin", Http.DEMO_PASSWORD);

		var page = browser.get("/admin/audit?entityType=board");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("board.created");
	}

	@Test
	void issuesAndRevokesTokenFromTheTokensPage() {
		var browser = Http.browser(port);
		login(browser, "deal-desk", Http.DEMO_PASSWORD);
		var page = browser.get("/account/tokens");

		var name = "Quote export " + UUID.randomUUID().toString().substring(0, 8);

		var issued = browser.postForm("/account/tokens", Map.of("name", name, "_csrf", csrf(page.body())));
		assertThat(issued.status()).isEqualTo(200);
		var secret = Pattern.compile("(bat_[A-Za-z0-9_-]{20,})").matcher(issued.body());
		assertThat(secret.find()).isTrue();
		var token = Http.to(port).bearer(secret.group(1));
		assertThat(token.get("/api/v1/me").status()).isEqualTo(200);

		var listed = browser.get("/account/tokens").body();
		var revokeForm = Pattern.compile(Pattern.quote(name)
				+ "</td>(?:(?!</tr>).)*action=\"(/account/tokens/[0-9a-f-]{36}/revoke)\"", Pattern.DOTALL).matcher(listed);
		assertThat(revokeForm.find()).as("the token's revoke button").isTrue();
		var revoked = browser.postForm(revokeForm.group(1), Map.of("_csrf", csrf(listed)));

		assertThat(revoked.status()).isEqualTo(302);
		assertThat(revoked.header("Location")).endsWith("/account/tokens");
		assertThat(token.get("/api/v1/me").status()).isEqualTo(401);
		assertThat(browser.get("/account/tokens").body())
				.containsPattern(Pattern.compile(Pattern.quote(name) + "</td>(?:(?!</tr>).)*revoked ", Pattern.DOTALL));
	}

	@Test
	void anHtmxRequestOfAnEndedSessionSendsTheWholeWindowToTheLoginPage() {
		var username = createUser("web.idle", "SA").path("username").asString();
		var browser = Http.browser(port);
		login(browser, username, PASSWORD);
		var poll = browser.header("HX-Request", "true").header("X-Baton-Poll", "true");
		assertThat(poll.get("/inbox/bell").status()).isEqualTo(200);

		// the session ends as the idle timeout ends it: the cleanup deletes its row
		assertThat(jdbc.sql("DELETE FROM spring_session WHERE principal_name = :name").param("name", username).update())
				.isEqualTo(1);

		var ended = poll.get("/inbox/bell");
		assertThat(ended.status()).as("not a redirect, which htmx would follow and swap in").isEqualTo(401);
		assertThat(ended.header("HX-Redirect")).isEqualTo("/login?expired");
		assertThat(ended.body()).doesNotContain("<form");
		var never = Http.to(port).header("HX-Request", "true").get("/inbox/bell");
		assertThat(never.status()).isEqualTo(401);
		assertThat(never.header("HX-Redirect")).isEqualTo("/login");
		assertThat(Http.to(port).get("/inbox/bell").status()).as("a page load is still redirected").isEqualTo(302);
	}

	@Test
	void logoutEndsTheSession() {
		var browser = Http.browser(port);
		login(browser, "sa", Http.DEMO_PASSWORD);
		var home = browser.get("/");

		var logout = browser.postForm("/logout", Map.of("_csrf", csrf(home.body())));
		assertThat(logout.header("Location")).endsWith("/login?logout");
		assertThat(browser.get("/").status()).isEqualTo(302);
	}

	static void login(Http browser, String username, String password) {
		var response = submitLogin(browser, username, password);
		assertThat(response.status()).isEqualTo(302);
		assertThat(response.header("Location")).doesNotContain("error");
	}

	private static Http.Response submitLogin(Http browser, String username, String password) {
		var page = browser.get("/login");
		assertThat(page.status()).isEqualTo(200);
		return browser.postForm("/login", Map.of("username", username, "password", password, "_csrf", csrf(page.body())));
	}

	static String csrf(String html) {
		var matcher = CSRF.matcher(html);
		assertThat(matcher.find()).as("page has a CSRF token").isTrue();
		return matcher.group(1);
	}
}
