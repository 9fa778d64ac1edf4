package dev.baton.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.baton.Http;

/**
 * A base for tests that drive the pages in a real headless Chromium: one browser per test class,
 * started with the machine's own Chromium and chromedriver (never downloaded), and helpers to
 * log in, wait for htmx and take screenshots.
 * <p>
 * Without Chromium or chromedriver the tests are skipped, saying so, except on CI ({@code CI=true})
 * or with {@code -Dbaton.browser-tests=required}, where they fail. The paths can be changed
 * with the system properties {@code baton.chromium} and {@code baton.chromedriver}. Screenshots go
 * to {@code target/browser-screenshots}, and also to the folder named by {@code baton.screenshots}
 * (the README's screenshots are written with {@code -Dbaton.screenshots=docs/screenshots}).
 */
abstract class BrowserTest {

	static final String CHROMIUM = System.getProperty("baton.chromium", "/usr/bin/chromium");
	static final String CHROMEDRIVER = System.getProperty("baton.chromedriver", "/usr/bin/chromedriver");
	/** On CI (CI=true) or when asked, a missing browser fails the tests instead of skipping them. */
	static final boolean REQUIRED = "true".equalsIgnoreCase(System.getenv("CI"))
			|| "required".equals(System.getProperty("baton.browser-tests"));
	/** A laptop: the width the board must fit without scrolling sideways. */
	static final Dimension DESKTOP = new Dimension(1366, 900);
	static final Dimension PHONE = new Dimension(390, 844);

	static WebDriver driver;
	private static ChromeDriverService service;

	@LocalServerPort
	int port;

	/** Why the browser tests cannot run here, or null when they can. */
	private static String missing;

	@BeforeAll
	static void startBrowser() {
		var chromium = Paths.get(CHROMIUM);
		var chromedriver = Paths.get(CHROMEDRIVER);
		if (!Files.isExecutable(chromium) || !Files.isExecutable(chromedriver)) {
			missing = "Browser tests skipped: they need Chromium at " + chromium + " and chromedriver at " + chromedriver
					+ " (Debian: apt-get install chromium chromium-driver)";
			if (REQUIRED) {
				// on CI a missing browser is a broken install step, not a reason to pass without the tests
				throw new IllegalStateException(missing.replace("Browser tests skipped", "Browser tests cannot run")
						+ "; they are required when CI=true or -Dbaton.browser-tests=required");
			}
			System.err.println(missing);
			return;
		}
		missing = null;
		service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort()
				.build();
		var options = new ChromeOptions();
		options.setBinary(chromium.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1280,900");
		driver = new ChromeDriver(service, options);
		driver.manage().timeouts().implicitlyWait(Duration.ZERO);
		driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(40));
	}

	/** Each test is reported as skipped, with the reason, where there is no browser. */
	@BeforeEach
	void requireBrowser() {
		Assumptions.assumeTrue(missing == null, () -> missing);
	}

	@AfterAll
	static void stopBrowser() {
		if (driver != null) {
			driver.quit();
			driver = null;
		}
		if (service != null) {
			service.stop();
			service = null;
		}
	}

	String url(String path) {
		return "http://localhost:" + port + path;
	}

	void open(String path) {
		driver.get(url(path));
	}

	/** Logs in through the login form, after logging out whoever was logged in. */
	void login(String username) {
		driver.manage().deleteAllCookies();
		open("/login");
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(Http.DEMO_PASSWORD);
		driver.findElement(By.cssSelector("form button[type=submit]")).click();
		waitUntil(d -> !d.getCurrentUrl().contains("/login"));
	}

	<T> T waitUntil(Function<WebDriver, T> condition) {
		// a page may be replaced between finding an element and reading it: look again
		return new WebDriverWait(driver, Duration.ofSeconds(10))
				.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
	}

	WebElement find(String css) {
		return driver.findElement(By.cssSelector(css));
	}

	Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) driver).executeScript(script, arguments);
	}

	/** Sets a value as a person would and tells the page it changed (for date inputs, whose typing depends on the locale). */
	void setValue(WebElement input, String value) {
		script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
				input, value);
	}

	/** Waits until htmx has no request in flight. */
	void htmxSettled() {
		waitUntil(d -> Boolean.TRUE.equals(script("return document.querySelector('.htmx-request') === null;")));
	}

	/** Every visible control on the page has an accessible name (a label, a legend-less text, or aria-label). */
	void assertEveryControlIsNamed() {
		var unnamed = new java.util.ArrayList<String>();
		for (var control : driver.findElements(By.cssSelector("input:not([type=hidden]), select, textarea, button, a[href]"))) {
			if (control.isDisplayed() && control.getAccessibleName().isBlank()) {
				unnamed.add(control.getTagName() + " " + control.getAttribute("name") + " " + control.getAttribute("id"));
			}
		}
		org.assertj.core.api.Assertions.assertThat(unnamed).as("controls without an accessible name on " + driver.getCurrentUrl())
				.isEmpty();
	}

	/** The page does not scroll sideways at the current width. */
	void assertNoSidewaysScroll() {
		var widths = (java.util.Map<?, ?>) script(
				"return {page: document.documentElement.scrollWidth, view: window.innerWidth};");
		org.assertj.core.api.Assertions.assertThat(((Number) widths.get("page")).intValue())
				.as("the width of " + driver.getCurrentUrl()).isLessThanOrEqualTo(((Number) widths.get("view")).intValue());
	}

	/** axe-core's rules, from its WebJar on the test class path, read once. */
	private static String axe;

	/**
	 * Runs axe-core's accessibility rules (WCAG 2 A and AA) on the page as it is and fails on every
	 * serious or critical violation, naming the rule and the first elements it found.
	 */
	void assertAccessible() {
		if (axe == null) {
			try (var in = BrowserTest.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
				axe = new String(java.util.Objects.requireNonNull(in, "axe-core's WebJar").readAllBytes(),
						java.nio.charset.StandardCharsets.UTF_8);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		htmxSettled();
		script(axe);
		var found = ((JavascriptExecutor) driver).executeAsyncScript("""
				var done = arguments[arguments.length - 1];
				axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
				  .then(function (r) {
				    done(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })
				      .map(function (v) { return v.impact + ' ' + v.id + ': ' + v.help + ' at '
				        + v.nodes.slice(0, 3).map(function (n) { return n.target.join(' '); }).join(', '); }));
				  })
				  .catch(function (e) { done(['axe failed: ' + e]); });
				""");
		org.assertj.core.api.Assertions.assertThat((java.util.List<?>) found)
				.as("serious or critical accessibility violations on " + driver.getCurrentUrl()).isEmpty();
	}

	void resize(Dimension size) {
		driver.manage().window().setSize(size);
	}

	/** Saves the visible page as a PNG under target/browser-screenshots and, if asked, the screenshots folder. */
	Path screenshot(String name) {
		var png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
		try {
			var target = Paths.get("target", "browser-screenshots", name + ".png");
			Files.createDirectories(target.getParent());
			Files.copy(png.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
			var folder = System.getProperty("baton.screenshots");
			if (folder != null && !folder.isBlank()) {
				var published = Paths.get(folder, name + ".png");
				Files.createDirectories(published.getParent());
				Files.copy(png.toPath(), published, StandardCopyOption.REPLACE_EXISTING);
			}
			return target;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			new File(png.getPath()).delete();
		}
	}
}
