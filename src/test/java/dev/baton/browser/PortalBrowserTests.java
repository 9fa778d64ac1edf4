package dev.baton.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import dev.baton.BatonIntegrationTest;
import dev.baton.DemoOrganisation;
import dev.baton.Http;

/**
 * The portals in a real browser, with the demo logins: a customer checks out and adds seats, a
 * partner orders for one of its end customers, and a customer accepts the quote its account team
 * sent; each page names its controls and does not scroll sideways on a phone.
 */
@BatonIntegrationTest
class PortalBrowserTests extends BrowserTest {

	private void choosePlan(String label) {
		driver.findElement(By.xpath("//fieldset[legend='Plan']//label[span[normalize-space()='" + label + "']]")).click();
	}

	private String summary() {
		htmxSettled();
		return find("#summary").getText();
	}

	@Test
	void aCustomerChecksOutThenAddsSeats() {
		resize(DESKTOP);
		login("customer");
		waitUntil(d -> d.getCurrentUrl().endsWith("/portal"));
		assertThat(find("h1").getText()).isEqualTo("Acme Logistics");

		driver.findElement(By.linkText("Buy a subscription")).click();
		waitUntil(d -> d.getCurrentUrl().endsWith("/portal/checkout"));
		choosePlan("Premium (SaaS), Annual");
		var seats = find("input[name=seats]");
		seats.clear();
		seats.sendKeys("12");
		waitUntil(d -> summary().contains("USD 4,176.00 per year"));
		assertThat(summary()).contains("12 seats × USD 348.00");
		new Select(find("select[name=currency]")).selectByVisibleText("EUR");
		waitUntil(d -> summary().contains("EUR 3,888.00 per year"));
		new Select(find("select[name=currency]")).selectByVisibleText("USD");
		waitUntil(d -> summary().contains("USD 4,176.00 per year"));
		assertEveryControlIsNamed();
		screenshot("portal-checkout");
		find("#checkout button[type=submit]").click();

		waitUntil(d -> d.getCurrentUrl().contains("/portal/subscriptions/"));
		assertThat(find("[role=status]").getText()).startsWith("Order ").endsWith("placed: your subscription is active.");
		assertThat(find("h1").getText()).startsWith("Subscription S-");
		assertThat(driver.findElements(By.cssSelector("table.history tbody tr"))).hasSize(1);

		var newSeats = find("form input[name=seats]");
		newSeats.clear();
		newSeats.sendKeys("15");
		driver.findElement(By.xpath("//button[normalize-space()='Change seats']")).click();
		waitUntil(d -> d.findElements(By.cssSelector("[role=status]")).stream().anyMatch(e -> e.getText().contains("seats changed to 15")));
		assertThat(driver.findElements(By.cssSelector("table.history tbody tr"))).hasSize(2);
		assertThat(find("table.history tbody tr td:nth-child(6)").getText()).as("the newest version first").isEqualTo("15");
		assertEveryControlIsNamed();
		screenshot("portal-subscription");

		resize(PHONE);
		assertNoSidewaysScroll();
		open("/portal/checkout");
		assertNoSidewaysScroll();
		open("/portal");
		assertNoSidewaysScroll();
	}

	@Test
	void aPartnerOrdersForAnEndCustomer() {
		resize(DESKTOP);
		login("partner");
		waitUntil(d -> d.getCurrentUrl().endsWith("/portal"));
		assertThat(find("h1").getText()).isEqualTo("Northwind Channel");
		assertThat(find("[aria-labelledby=customers-heading]").getText()).contains("Hooli Cloud", "Initech Health");

		driver.findElement(By.linkText("Order for an end customer")).click();
		waitUntil(d -> d.getCurrentUrl().endsWith("/portal/checkout"));
		// without an end customer the order is not placed, and the page says what is missing
		choosePlan("Ultimate (SaaS), Annual");
		script("document.querySelector('#c-owner').removeAttribute('required');");
		find("#checkout button[type=submit]").click();
		waitUntil(d -> !d.findElements(By.id("error-summary")).isEmpty());
		assertThat(find("#error-summary").getText()).contains("choose the end customer you order for");

		new Select(find("#c-owner")).selectByVisibleText("Hooli Cloud");
		choosePlan("Ultimate (SaaS), Annual");
		var seats = find("input[name=seats]");
		seats.clear();
		seats.sendKeys("30");
		waitUntil(d -> summary().contains("USD 35,640.00 per year"));
		assertEveryControlIsNamed();
		find("#checkout button[type=submit]").click();

		waitUntil(d -> d.getCurrentUrl().contains("/portal/subscriptions/"));
		assertThat(find("hgroup p").getText()).isEqualTo("Ultimate (SaaS), Annual for Hooli Cloud");
		var number = find("h1").getText().replace("Subscription ", "");

		find("nav[aria-label=Main] a[href='/portal']").click();
		waitUntil(d -> d.getCurrentUrl().endsWith("/portal"));
		var row = driver.findElement(By.xpath("//table//tr[td/a[normalize-space()='" + number + "']]"));
		assertThat(row.getText()).contains("Hooli Cloud", "Ultimate (SaaS), Annual", "30");
		screenshot("portal-partner");

		resize(PHONE);
		assertNoSidewaysScroll();
	}

	@Test
	void aCustomerAcceptsTheQuoteItsAccountTeamSent() {
		var deskHttp = Http.to(port).as("deal-desk");
		var opportunity = DemoOrganisation.opportunity(Http.to(port).as("admin"), "Acme Logistics: platform consolidation");
		var quote = deskHttp.post("/api/v1/quotes", Http.json(Map.of("opportunityId", opportunity, "currency", "USD", "lines",
				List.of(Map.of("planCode", "ultimate-saas-annual", "quantity", 20, "discountPercent", "5"))))).json();
		var id = quote.path("id").asString();
		var number = quote.path("number").asString();
		assertThat(deskHttp.post("/api/v1/quotes/" + id + "/submission", "").json().path("status").asString())
				.isEqualTo("APPROVED");

		resize(DESKTOP);
		login("customer");
		waitUntil(d -> d.getCurrentUrl().endsWith("/portal"));
		var row = By.xpath("//section[@aria-labelledby='quotes-heading']//tr[td[starts-with(normalize-space(), '" + number + " ')]]");
		assertThat(driver.findElement(row).getText()).contains("Waiting for you", "20 × Ultimate (SaaS), Annual",
				"USD 22,572.00");
		driver.findElement(row).findElement(By.xpath(".//button[normalize-space()='Accept']")).click();
		var confirm = driver.switchTo().alert();
		assertThat(confirm.getText()).isEqualTo("Accept quote " + number + " for USD 22,572.00 per period?");
		confirm.accept();

		waitUntil(d -> d.findElements(By.cssSelector("[role=status]")).stream()
				.anyMatch(e -> e.getText().startsWith("Quote " + number + " accepted")));
		assertThat(driver.findElement(row).getText()).contains("Accepted").doesNotContain("Waiting for you");
		assertThat(driver.findElement(row).findElements(By.tagName("button"))).isEmpty();
		assertThat(deskHttp.get("/api/v1/quotes/" + id).json().path("acceptedBy").asString()).isEqualTo("customer");
		assertEveryControlIsNamed();
		screenshot("portal-quotes");
	}
}
