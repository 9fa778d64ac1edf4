package dev.baton.sizing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.baton.BatonIntegrationTest;
import dev.baton.Http;

/**
 * The customer's copy of a saved recommendation: the printable page and the PDF rendered from it.
 */
@BatonIntegrationTest
class SizingExportTests {

	@LocalServerPort
	int port;

	String id;

	@BeforeEach
	void saveARecommendation() {
		var saved = Http.to(port).as("sa").post(
				"/api/v1/opportunities/" + WebSession.opportunityId(port, 0) + "/sizing-recommendations", """
						{"metrics": {"users": 3000, "rps": {"api": {"peak": 150, "sustained": 90}},
						             "repositories": {"largestRepositoryGb": 12, "monorepoCount": 2, "monorepoUse": "HEAVY"},
						             "availability": {"highAvailability": true, "multiRegionOrDisasterRecovery": true}},
						 "note": "Ask about the Geo secondary's region"}
						""");
		assertThat(saved.status()).as(saved.body()).isEqualTo(201);
		id = saved.json().path("id").asString();
	}

	@Test
	void printPageShowsTheArchitectureReasonsComponentsAndSources() {
		var page = WebSession.loggedIn(port, "ae").get("/sizing-recommendations/" + id + "/print");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.contentType()).startsWith("text/html");
		assertThat(page.body()).contains("10k").contains("Gitaly Cluster (Praefect)").contains("Geo")
				.contains(RuleNames.REQUEST_RATES).contains("Total").contains("Edition 2025-12").contains("S5")
				.contains("Ask about the Geo secondary&#39;s region").contains("/sizing-recommendations/" + id + ".pdf");
	}

	@Test
	void pdfIsTheSameDocument() throws IOException {
		var browser = new RawBrowser(port).login("sa");

		HttpResponse<byte[]> pdf = browser.get("/sizing-recommendations/" + id + ".pdf");

		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
		assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		try (var document = Loader.loadPDF(pdf.body())) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("10k").contains("Gitaly Cluster (Praefect)").contains("Edition 2025-12")
					.doesNotContain("Download as PDF");
		}
		assertThat(browser.get("/sizing-recommendations/" + id + "/pdf").statusCode()).isEqualTo(200);
	}

	@Test
	void unknownRecommendationIs404() {
		var page = WebSession.loggedIn(port, "sa").get("/sizing-recommendations/" + UUID.randomUUID() + "/print");

		assertThat(page.status()).isEqualTo(404);
	}

	@Test
	void customerMayNotSeeIt() {
		var customer = WebSession.loggedIn(port, "customer");

		assertThat(customer.get("/sizing-recommendations/" + id + "/print").status()).isEqualTo(403);
		assertThat(customer.get("/sizing-recommendations/" + id + ".pdf").status()).isEqualTo(403);
	}

	@Test
	void anonymousVisitorIsSentToLogin() {
		var response = Http.to(port).get("/sizing-recommendations/" + id + ".pdf");

		assertThat(response.status()).isEqualTo(302);
		assertThat(response.header("Location")).endsWith("/login");
	}

	/** A browser session that reads bytes, for the PDF. */
	static final class RawBrowser {

		private final int port;
		private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
				.followRedirects(HttpClient.Redirect.NEVER).build();

		RawBrowser(int port) {
			this.port = port;
		}

		RawBrowser login(String username) {
			String page = new String(get("/login").body(), StandardCharsets.UTF_8);
			String form = "username=" + username + "&password=" + Http.DEMO_PASSWORD + "&_csrf="
					+ URLEncoder.encode(WebSession.csrf(page), StandardCharsets.UTF_8);
			var response = send(HttpRequest.newBuilder(uri("/login"))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(form)).build());
			assertThat(response.statusCode()).isEqualTo(302);
			return this;
		}

		HttpResponse<byte[]> get(String path) {
			return send(HttpRequest.newBuilder(uri(path)).GET().build());
		}

		private URI uri(String path) {
			return URI.create("http://localhost:" + port + path);
		}

		private HttpResponse<byte[]> send(HttpRequest request) {
			try {
				return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
			}
			catch (IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}
	}
}
