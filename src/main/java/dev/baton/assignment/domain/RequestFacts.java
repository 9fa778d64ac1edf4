package dev.baton.assignment.domain;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.baton.engagement.Hosting;
import dev.baton.engagement.RequestDetails.PreferredDate;
import dev.baton.organisation.BusinessCalendar;
import dev.baton.organisation.Segment;
import dev.baton.platform.Money;

/**
 * What the filters and scorers know about the request being placed, gathered once from
 * engagement, pipeline and organisation.
 *
 * @param boardCalendar the calendar of the request's board, whose working days its circles work
 * @param circleMembers the members of every circle on the request's board, by circle id
 * @param today the current day in the board's time zone
 */
public record RequestFacts(UUID requestId, UUID circleId, String boardKey, BusinessCalendar boardCalendar, UUID requesterId,
		String requesterName, UUID accountId, String accountName, boolean namedAccount, String industry,
		Segment segment, Money netArr, List<String> requiredCapabilities, Hosting hosting, List<String> cloudVendors,
		List<String> competitors, List<PreferredDate> preferredDates, Map<UUID, Set<UUID>> circleMembers,
		LocalDate today) {

	public RequestFacts {
		requiredCapabilities = requiredCapabilities == null ? List.of() : List.copyOf(requiredCapabilities);
		cloudVendors = cloudVendors == null ? List.of() : List.copyOf(cloudVendors);
		competitors = competitors == null ? List.of() : List.copyOf(competitors);
		preferredDates = preferredDates == null ? List.of() : List.copyOf(preferredDates);
		circleMembers = circleMembers == null ? Map.of() : Map.copyOf(circleMembers);
	}

	/** The board's time zone. */
	public ZoneId boardZone() {
		return boardCalendar.zone();
	}

	/** The days the customer could meet, in the board's time zone; today when no date is proposed. */
	public List<LocalDate> meetingDays() {
		return meetingDays(preferredDates, boardZone(), today);
	}

	/** The days the customer could meet, in this zone; today when no date is proposed. */
	public static List<LocalDate> meetingDays(List<PreferredDate> preferredDates, ZoneId zone, LocalDate today) {
		if (preferredDates == null || preferredDates.isEmpty()) {
			return List.of(today);
		}
		return preferredDates.stream().filter(d -> d.start() != null).map(d -> d.start().atZone(zone).toLocalDate())
				.distinct().sorted().toList();
	}
}
