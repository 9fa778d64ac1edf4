package dev.baton.engagement;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the AE tells the circle when filing: when to meet, what the customer runs and needs, and
 * what the meeting is for. Which parts are required depends on the template.
 */
public record RequestDetails(List<PreferredDate> preferredDates, Hosting hosting, List<String> pains,
		List<String> requiredCapabilities, List<CurrentTool> currentTools, Set<SaAsk> asks, Meeting meeting,
		Boolean customPitchDeck, LocalDate dueDate, String notes) {

	public RequestDetails {
		customPitchDeck = Boolean.TRUE.equals(customPitchDeck);
		preferredDates = preferredDates == null ? List.of() : List.copyOf(preferredDates);
		pains = pains == null ? List.of() : List.copyOf(pains);
		requiredCapabilities = requiredCapabilities == null ? List.of() : List.copyOf(requiredCapabilities);
		currentTools = currentTools == null ? List.of() : List.copyOf(currentTools);
		asks = asks == null ? Set.of() : Set.copyOf(asks);
	}

	/** The earliest preferred meeting start, if any. */
	public Optional<Instant> firstMeeting() {
		return preferredDates.stream().map(PreferredDate::start).filter(java.util.Objects::nonNull)
				.min(Comparator.naturalOrder());
	}

	/** A meeting slot the customer could do, in the customer's time zone. */
	public record PreferredDate(Instant start, ZoneId timeZone) {
	}

	/** A tool the customer uses today, and whether they will keep it whatever happens. */
	public record CurrentTool(String name, Boolean nonNegotiable) {

		public CurrentTool {
			nonNegotiable = Boolean.TRUE.equals(nonNegotiable);
		}
	}

	/** Why meet, what for, the agenda and who comes. */
	public record Meeting(String why, String objectives, String agenda, List<Attendee> attendees) {

		public Meeting {
			attendees = attendees == null ? List.of() : List.copyOf(attendees);
		}
	}

	/** Someone in the meeting. */
	public record Attendee(String name, String title) {
	}
}
