package dev.baton;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A browser session on the web UI: logs in through the form with its CSRF token and posts forms
 * with the token of the page they are on, as a browser does.
 */
public final class PageSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
	private static final Pattern CSRF_META = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");

	private final Http browser;

	private PageSession(Http browser) {
		this.browser = browser;
	}

	/** A session logged in as a demo user. */
	public static PageSession as(int port, String username) {
		return new PageSession(login(port, username));
	}

	/** A browser client (cookies kept) logged in through the login form as a demo user. */
	public static Http login(int port, String username) {
		var browser = Http.browser(port);
		var page = browser.get("/login");
		var response = browser.postForm("/login",
				Map.of("username", username, "password", Http.DEMO_PASSWORD, "_csrf", csrf(page.body())));
		assertThat(response.status()).isEqualTo(302);
		assertThat(response.header("Location")).doesNotContain("error");
		return browser;
	}

	public Http.Response get(String path) {
		return browser.get(path);
	}

	/** Opens the page, then posts the form fields (name, value, ...) with the page's CSRF token. */
	public Http.Response submit(String page, String action, String... fields) {
		var opened = browser.get(page);
		assertThat(opened.status()).as(opened.body()).isEqualTo(200);
		// built by hand: a form may repeat a name (several checkboxes)
		var body = new StringBuilder("_csrf=").append(encode(csrf(opened.body())));
		for (int i = 0; i < fields.length; i += 2) {
			body.append('&').append(encode(fields[i])).append('=').append(encode(fields[i + 1]));
		}
		return browser.send("POST", action, "application/x-www-form-urlencoded",
				body.toString().getBytes(StandardCharsets.UTF_8));
	}

	/** Follows a redirect answer (PRG) and answers the page it leads to. */
	public Http.Response follow(Http.Response redirect) {
		assertThat(redirect.status()).as(redirect.body()).isEqualTo(302);
		var location = redirect.header("Location");
		var path = location.replaceFirst("^https?://[^/]+", "");
		return browser.get(path);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	public static String csrf(String html) {
		var matcher = CSRF.matcher(html);
		if (matcher.find()) {
			return matcher.group(1);
		}
		var meta = CSRF_META.matcher(html);
		assertThat(meta.find()).as("page has a CSRF token").isTrue();
		return meta.group(1);
	}
}
