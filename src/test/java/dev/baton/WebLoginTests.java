package dev.baton;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Form login to the web UI: the login page, CSRF, sessions, and the pages a role may see.
 */
@BatonIntegrationTest
class WebLoginTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

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
				.contains("USD 85,000.00").contains("Circle Cascade").doesNotContain("FACTOR_");
		assertThat(home.header("Content-Security-Policy")).contains("default-src 'self'");
		assertThat(home.header("X-Frame-Options")).isEqualTo("DENY");
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
		assertThat(browser.get("/login?error").body()).contains("Wrong username or password");
	}

	@Test
	void pageOfAnotherRoleAnswers403() {
		var browser = Http.browser(port);
		login(browser, "customer", Http.DEMO_PASSWORD);

		var home = browser.get("/");
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

		var issued = browser.postForm("/account/tokens", Map.of("name", "Quote export", "_csrf", csrf(page.body())));
		assertThat(issued.status()).isEqualTo(200);
		var secret = Pattern.compile("(bat_[A-Za-z0-9_-]{20,})").matcher(issued.body());
		assertThat(secret.find()).isTrue();
		assertThat(Http.to(port).bearer(secret.group(1)).get("/api/v1/me").status()).isEqualTo(200);
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
