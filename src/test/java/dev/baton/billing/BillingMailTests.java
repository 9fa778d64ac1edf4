package dev.baton.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

import dev.baton.platform.BundleWords;
import dev.baton.platform.Money;

/**
 * The words of billing's mail to a customer's billing contact come from the message bundle, in the
 * reader's language, without Spring.
 */
class BillingMailTests {

	private final dev.baton.platform.Words words = BundleWords.words();

	private static DunningStepTaken step(DunningStepTaken.Action action, String outcome) {
		return new DunningStepTaken(new InvoiceId(UUID.randomUUID()), "INV-2027-000042", UUID.randomUUID(), 1, action,
				Money.of("120.00", "USD"), LocalDate.parse("2027-03-01"), outcome, List.of());
	}

	@AfterEach
	void backToTheDefaultLanguage() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void aDunningReminderIsWrittenInTheReadersLanguage() {
		var step = step(DunningStepTaken.Action.NOTICE, "Reminder sent");

		var english = BillingMail.dunning(words, step);
		assertThat(english.subject()).isEqualTo("Reminder: invoice INV-2027-000042 was due on 2027-03-01");
		assertThat(BillingMail.letter(words, "Dana Reyes", english.text())).startsWith("Dear Dana Reyes,\n\nInvoice INV-2027-000042")
				.contains("USD 120.00 is still owed").endsWith("\n-- \nSent by Baton.");

		LocaleContextHolder.setLocale(Locale.GERMAN);
		var german = BillingMail.dunning(words, step);
		assertThat(german.subject()).isEqualTo("Zahlungserinnerung: Rechnung INV-2027-000042 war am 2027-03-01 fällig");
		assertThat(BillingMail.letter(words, "Dana Reyes", german.text())).startsWith("Guten Tag Dana Reyes,\n\nRechnung")
				.contains("USD 120.00 sind noch offen").doesNotContain("owed").endsWith("\n-- \nGesendet von Baton.");
	}

	@Test
	void aRetryThatChargedACardLeavesTheMailToTheReceiptOrTheDecline() {
		assertThat(BillingMail.dunning(words, step(DunningStepTaken.Action.RETRY, "Card charged"))).isNull();
		assertThat(BillingMail.dunning(words, step(DunningStepTaken.Action.RETRY, "No card on file")).subject())
				.startsWith("Reminder: invoice INV-2027-000042");
	}
}
