package dev.baton.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import dev.baton.BatonIntegrationTest;

/**
 * The governance pages in a real browser: reached through the navigation's Governance menu, named
 * controls, and no sideways scrolling on a phone.
 */
@BatonIntegrationTest
class GovernanceBrowserTests extends BrowserTest {

	@Test
	void aManagerOpensTheReportsFromTheGovernanceMenu() {
		resize(DESKTOP);
		login("sa-manager");
		open("/board");

		driver.findElement(By.xpath("//nav[@aria-label='Main']//summary[normalize-space()='Governance']")).click();
		find("nav[aria-label=Main] a[href='/governance/reports']").click();
		waitUntil(d -> d.getCurrentUrl().endsWith("/governance/reports"));

		assertThat(find("h1").getText()).isEqualTo("Engagement reports");
		assertThat(driver.findElements(By.cssSelector("a[href*='/governance/reports/triage.csv']"))).isNotEmpty();
		assertEveryControlIsNamed();
		screenshot("reports");

		resize(PHONE);
		assertNoSidewaysScroll();
	}

	@Test
	void anSaOpensTheJudgmentsAndAnAeSeesNoReportsLink() {
		resize(DESKTOP);
		login("sa");
		open("/governance/judgments");
		assertEveryControlIsNamed();
		screenshot("judgments");

		login("ae");
		open("/my/requests");
		driver.findElement(By.xpath("//nav[@aria-label='Main']//summary[normalize-space()='Governance']")).click();
		assertThat(driver.findElements(By.cssSelector("nav[aria-label=Main] a[href='/governance/reports']"))).isEmpty();
		assertThat(find("nav[aria-label=Main] a[href='/governance/onsite']").isDisplayed()).isTrue();
	}

	@Test
	void noGovernancePageScrollsSidewaysOnAPhone() {
		resize(DESKTOP);
		login("sa-manager");
		resize(PHONE);
		for (var path : new String[] { "/governance/onsite", "/governance/judgments", "/governance/tasks",
				"/governance/rituals", "/governance/reports" }) {
			open(path);
			assertNoSidewaysScroll();
		}
	}
}
