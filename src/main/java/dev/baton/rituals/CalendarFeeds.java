package dev.baton.rituals;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.baton.audit.AuditLog;
import dev.baton.organisation.Actor;
import dev.baton.organisation.CallContext;
import dev.baton.organisation.CircleId;
import dev.baton.organisation.Organisation;
import dev.baton.organisation.Person;
import dev.baton.organisation.PersonId;
import dev.baton.platform.BatonException;
import dev.baton.platform.ProblemType;
import dev.baton.rituals.domain.RitualPolicies;
import dev.baton.rituals.jdbc.CalendarFeedRepository;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * A circle's iCalendar feed: its rituals and its members' time away. Calendar apps cannot log in,
 * so each circle has a secret feed address; Baton keeps only the secret's SHA-256, and issuing a
 * new address retires the old one. Away days show no kind and no note, only that someone is away;
 * peer reviews show how many deals, never their customer or deal names.
 */
@Service
public class CalendarFeeds {

	/** The feed address, shown once. */
	public record Feed(UUID circleId, String path) {
	}

	static final String PATH = "/api/v1/calendar-feeds/";
	private static final SecureRandom SECRETS = new SecureRandom();

	private final CalendarFeedRepository repository;
	private final Rituals rituals;
	private final Organisation organisation;
	private final AuditLog audit;
	private final Clock clock;

	CalendarFeeds(CalendarFeedRepository repository, Rituals rituals, Organisation organisation, AuditLog audit,
			Clock clock) {
		this.repository = repository;
		this.rituals = rituals;
		this.organisation = organisation;
		this.audit = audit;
		this.clock = clock;
	}

	/** A new secret address for the circle's feed; members, its manager and admins may ask for one. */
	@Transactional
	public Feed issue(CircleId id, CallContext caller) {
		var circleId = id.value();
		RitualPolicies.mayIssueFeed(organisation.circle(id), caller).orThrow(ProblemType.NOT_PERMITTED);
		var bytes = new byte[32];
		SECRETS.nextBytes(bytes);
		var secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		repository.replace(circleId, hash(secret), caller.username(), clock.instant());
		audit.record("calendar-feed.issued", "circle", circleId, "a new secret feed address; the previous one no longer works",
				Map.of());
		return new Feed(circleId, PATH + secret + ".ics");
	}

	/** The feed for a secret, as iCalendar text. */
	@Transactional(readOnly = true)
	public String render(String secret) {
		var circleId = repository.circleOf(hash(secret)).map(CircleId::of)
				.orElseThrow(() -> new BatonException(RitualProblems.FEED_UNKNOWN, "No calendar feed at this address"));
		var circle = organisation.circle(circleId);
		var today = rituals.today(circleId);
		var from = today.minusDays(30);
		var to = today.plusDays(180);
		var now = clock.instant();
		var calendar = new Calendar();
		calendar.add(new ProdId("-//Baton//Circle rituals and time away//EN"));
		calendar.add(ImmutableVersion.VERSION_2_0);
		calendar.add(ImmutableCalScale.GREGORIAN);
		calendar.add(new XProperty("X-WR-CALNAME", circle.name() + " (Baton)"));
		var names = new LinkedHashMap<UUID, String>();
		for (var ritual : rituals.between(circleId, from, to)) {
			var event = new VEvent(ritual.startsAt(), Duration.ofMinutes(ritual.minutes()),
					ritual.kind().label() + " · " + circle.name());
			event.replace(new DtStamp(now));
			event.add(new Uid("ritual-" + ritual.id() + "@baton"));
			event.add(new Description(describe(ritual, names)));
			calendar.add(event);
		}
		// readers without a person: notes are withheld
		var reader = new Actor("calendar-feed", Set.of(), null);
		for (var absence : organisation.circleAbsences(circleId, from, to, reader)) {
			var event = new VEvent(absence.startDate(), absence.endDate().plusDays(1),
					name(absence.personId(), names) + " away");
			event.replace(new DtStamp(now));
			event.add(new Uid("away-" + absence.id() + "@baton"));
			calendar.add(event);
		}
		var out = new StringWriter();
		try {
			new CalendarOutputter(false).output(calendar, out);
		} catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		return out.toString();
	}

	private String describe(Ritual ritual, Map<UUID, String> names) {
		switch (ritual.kind()) {
			case DEMO_JAM:
				return "Presenters: " + String.join(" and ", ritual.presenterIds().stream().map(id -> name(id, names))
						.toList()) + ". About 5 minutes to present and 5 for feedback each.";
			case PEER_REVIEW:
				// the feed is read without logging in: no customer or deal names, only how many
				var deals = ritual.opportunityIds().size();
				return deals + (deals == 1 ? " opportunity" : " opportunities")
						+ "; see the circle's rituals in Baton. 10 minutes each.";
			default:
				return "Review wins, then losses, then action items. Everyone adds at least one thing.";
		}
	}

	private String name(UUID personId, Map<UUID, String> names) {
		return names.computeIfAbsent(personId, id -> organisation.findPerson(PersonId.of(id)).map(Person::name).orElse("Someone"));
	}

	static String hash(String secret) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("Every JVM has SHA-256", e);
		}
	}
}
