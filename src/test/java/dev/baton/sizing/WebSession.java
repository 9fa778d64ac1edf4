package dev.baton.sizing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Pattern;

import dev.baton.Http;

/**
 * Logging in to the web UI through the form, with its CSRF token, as a browser does; and the demo
 * data the sizing tests work against.
 */
final class WebSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private WebSession() {
	}

	static Http loggedIn(int port, String username) {
		var browser = Http.browser(port);
		var page = browser.get("/login");
		var response = browser.postForm("/login",
				Map.of("username", username, "password", Http.DEMO_PASSWORD, "_csrf", csrf(page.body())));
		assertThat(response.status()).isEqualTo(302);
		assertThat(response.header("Location")).doesNotContain("error");
		return browser;
	}

	static String csrf(String html) {
		var matcher = CSRF.matcher(html);
		assertThat(matcher.find()).as("page has a CSRF token").isTrue();
		return matcher.group(1);
	}

	/** An opportunity of the demo pipeline. */
	static String opportunityId(int port, int index) {
		var items = Http.to(port).as("admin").get("/api/v1/opportunities?size=200").json().path("items");
		assertThat(items.size()).as("demo opportunities").isGreaterThan(index);
		return items.get(index).path("id").asString();
	}
}
