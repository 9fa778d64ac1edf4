package dev.baton.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

import dev.baton.engagement.RequestTemplate;
import dev.baton.engagement.SaRequestClockAlert;
import dev.baton.engagement.SaRequestFiled;
import dev.baton.platform.BundleWords;

/**
 * The wording of notifications, from the message bundle in the reader's language, without Spring.
 */
class MessagesTests {

	private static final Instant NOW = Instant.parse("2026-11-24T14:10:00Z");
	private final Messages messages = new Messages("https://baton.example.com", BundleWords.words());

	@AfterEach
	void backToTheDefaultLanguage() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void fastTrackSaysHowSoonTheMeetingIs() {
		assertThat(messages.fastTrack(NOW, NOW.plus(Duration.ofMinutes(5 * 60 + 40))))
				.isEqualTo("Fast Track: meeting in 5 hours, assign now");
		assertThat(messages.fastTrack(NOW, NOW.plus(Duration.ofMinutes(61)))).isEqualTo("Fast Track: meeting in 1 hour, assign now");
		assertThat(messages.fastTrack(NOW, NOW.plus(Duration.ofMinutes(45)))).isEqualTo("Fast Track: meeting in 45 minutes, assign now");
		assertThat(messages.fastTrack(NOW, NOW.minusSeconds(60))).isEqualTo("Fast Track: meeting now, assign now");
		assertThat(messages.fastTrack(NOW, null)).isEqualTo("Fast Track: meeting within 24 hours, assign now");
	}

	@Test
	void filedRequestLinksToTheRequestAndGivesTheTriageDueTimeInTheReadersZone() {
		var id = UUID.randomUUID();
		var event = new SaRequestFiled(id, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "commercial-amer",
				"Acme Logistics: SA Activity", RequestTemplate.SA_ACTIVITY, false, true, false,
				Instant.parse("2026-11-24T15:00:00Z"), null, null);

		var message = messages.filed(event, "Alex Morgan", ZoneId.of("America/Chicago"), NOW);

		assertThat(message.title()).isEqualTo("New request: Acme Logistics: SA Activity");
		assertThat(message.body()).isEqualTo("Alex Morgan filed Acme Logistics: SA Activity (SA Activity). Expedite. "
				+ "Triage due Tue 24 Nov 09:00 CST.");
		assertThat(message.link()).isEqualTo("https://baton.example.com/requests/" + id);
	}

	@Test
	void fastTrackRequestLeadsWithTheFastTrack() {
		var event = new SaRequestFiled(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
				"commercial-amer", "Acme Logistics: SA Activity", RequestTemplate.SA_ACTIVITY, true, false, false, null,
				null, NOW.plus(Duration.ofHours(3)));

		var message = messages.filed(event, "Alex Morgan", ZoneId.of("UTC"), NOW);

		assertThat(message.title()).startsWith("Fast Track: ");
		assertThat(message.body()).startsWith("Fast Track: meeting in 3 hours, assign now. Alex Morgan filed");
	}

	@Test
	void slaBreachNamesTheAssignee() {
		var event = new SaRequestClockAlert(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "Globex: POV",
				SaRequestClockAlert.Kind.SLA_BREACHED, Instant.parse("2026-11-24T09:00:00Z"));

		var message = messages.clockAlert(event, "Sam Rivera", ZoneId.of("Europe/Berlin"));

		assertThat(message.title()).isEqualTo("SLA breached: Globex: POV");
		assertThat(message.body()).isEqualTo("Globex: POV missed its SLA, due Tue 24 Nov 10:00 CET. Assigned to Sam Rivera.");
	}

	@Test
	void aNotificationSpeaksTheReadersLanguage() {
		var event = new SaRequestClockAlert(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "Globex: POV",
				SaRequestClockAlert.Kind.SLA_BREACHED, Instant.parse("2026-11-24T09:00:00Z"));
		LocaleContextHolder.setLocale(java.util.Locale.GERMAN);

		var message = messages.clockAlert(event, "Sam Rivera", ZoneId.of("Europe/Berlin"));

		assertThat(message.title()).isEqualTo("SLA verletzt: Globex: POV");
		assertThat(message.body()).isEqualTo("Globex: POV hat das SLA verfehlt, fällig Di. 24 Nov. 10:00 MEZ. Zugewiesen an Sam Rivera.");
		assertThat(messages.fastTrack(NOW, NOW.plus(Duration.ofMinutes(61)))).isEqualTo("Fast Track: Termin in 1 Stunde, jetzt zuweisen");
	}

	@Test
	void eventKeyIsStableAndTellsOccurrencesApart() {
		var id = UUID.randomUUID();
		assertThat(EventKey.of("assigned", id, "a")).isEqualTo(EventKey.of("assigned", id, "a"));
		assertThat(EventKey.of("assigned", id, "a")).isNotEqualTo(EventKey.of("assigned", id, "b"));
		assertThat(EventKey.of("filed", id)).isEqualTo("filed:" + id);
	}
}
