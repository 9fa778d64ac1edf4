package dev.baton.rituals.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

import dev.baton.identity.Role;
import dev.baton.organisation.BusinessCalendar;
import dev.baton.organisation.CallContext;
import dev.baton.organisation.Circle;
import dev.baton.pipeline.Opportunity;
import dev.baton.platform.Decision;
import dev.baton.rituals.RitualRule;

/**
 * The ritual rules as policies: when each ritual falls, who presents at a demo jam, which deals a
 * peer review takes and who may plan a circle's rituals.
 */
public final class RitualPolicies {

	/** Who presents, and why them. */
	public record Draw(List<UUID> presenters, String reason) {
	}

	public static final int PRESENTERS = 2;
	public static final int PEER_REVIEW_DEALS = 2;
	public static final String PEER_REVIEW_REASON = "the two largest open deals in the circle's main currency not reviewed last time";

	private RitualPolicies() {
	}

	/**
	 * Two presenters picked at random from the circle, never someone who presented at the previous
	 * demo jam; only when the circle is too small to avoid it is a previous presenter picked again.
	 */
	public static Draw demoJam(List<UUID> members, Collection<UUID> previousPresenters, RandomGenerator random) {
		var fresh = new ArrayList<UUID>();
		var repeat = new ArrayList<UUID>();
		for (var member : members) {
			(previousPresenters.contains(member) ? repeat : fresh).add(member);
		}
		var picked = new ArrayList<UUID>();
		pick(fresh, picked, random);
		var reason = "picked at random from " + fresh.size() + " who did not present last time";
		if (picked.size() < PRESENTERS) {
			pick(repeat, picked, random);
			if (!repeat.isEmpty()) {
				reason = "the circle is too small to avoid a previous presenter";
			}
		}
		return new Draw(picked, reason);
	}

	private static void pick(List<UUID> pool, List<UUID> picked, RandomGenerator random) {
		var candidates = new ArrayList<>(pool);
		while (picked.size() < PRESENTERS && !candidates.isEmpty()) {
			picked.add(candidates.remove(random.nextInt(candidates.size())));
		}
	}

	/** Only the circle's manager or an administrator plans its rituals by hand. */
	public static Decision mayPlan(Circle circle, CallContext caller) {
		return Decision.check().refuseIf(!caller.has(Role.ADMIN) && !caller.is(circle.managerId()), RitualRule.PLANNER,
				() -> "Only the manager of " + circle.name() + " or an administrator plans its rituals").decide();
	}

	/** Members of the circle, its manager and administrators issue its calendar feed address. */
	public static Decision mayIssueFeed(Circle circle, CallContext caller) {
		var mayIssue = caller.has(Role.ADMIN) || caller.is(circle.managerId())
				|| (caller.personId() != null && circle.memberIds().contains(caller.personId()));
		return Decision.check().refuseIf(!mayIssue, RitualRule.FEED_ISSUER, () -> "Only members of " + circle.name()
				+ ", its manager or an administrator issue its calendar feed").decide();
	}

	/**
	 * The deals a peer review takes: the largest by Net ARR among the candidates not reviewed last
	 * time. Baton keeps no exchange rates, so amounts in different currencies are never compared:
	 * deals in the circle's main currency (the one most candidates are in; ties go to the
	 * alphabetically first code) come first, largest first; only when there are too few of them do
	 * deals in other currencies fill the places, by currency code and then by amount.
	 */
	public static List<UUID> peerReview(List<Opportunity> candidates, Collection<UUID> previous) {
		var fresh = candidates.stream().filter(o -> !previous.contains(o.id())).toList();
		var main = mainCurrency(fresh);
		return fresh.stream()
				.sorted(Comparator.comparing((Opportunity o) -> !o.netArr().currency().getCurrencyCode().equals(main))
						.thenComparing(o -> o.netArr().currency().getCurrencyCode())
						.thenComparing(o -> o.netArr().amount(), Comparator.reverseOrder())
						.thenComparing(o -> o.id()))
				.limit(PEER_REVIEW_DEALS).map(Opportunity::id).toList();
	}

	public static String mainCurrency(List<Opportunity> deals) {
		Map<String, Long> counts = deals.stream().collect(
				Collectors.groupingBy(o -> o.netArr().currency().getCurrencyCode(), Collectors.counting()));
		return counts.entrySet().stream()
				.sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
				.map(Map.Entry::getKey).findFirst().orElse(null);
	}

	/**
	 * The days of a biweekly ritual from {@code from} to {@code to} inclusive: {@code weekday} of
	 * every other week counted from {@code anchor} (a Monday), moved to the next working day of the
	 * board's calendar when it falls on a holiday.
	 */
	public static List<LocalDate> biweekly(LocalDate anchor, DayOfWeek weekday, LocalDate from, LocalDate to,
			BusinessCalendar calendar) {
		var days = new ArrayList<LocalDate>();
		var weeks = Math.floorDiv(ChronoUnit.WEEKS.between(anchor, from.with(DayOfWeek.MONDAY)), 2) * 2;
		for (var monday = anchor.plusWeeks(weeks); !monday.isAfter(to); monday = monday.plusWeeks(2)) {
			var day = working(calendar, monday.with(weekday), monday.plusDays(6));
			if (!day.isBefore(from) && !day.isAfter(to)) {
				days.add(day);
			}
		}
		return days;
	}

	/** The win/loss retro of each quarter starting from {@code from} to {@code to}: {@code weekday} of its first week. */
	public static List<LocalDate> quarterly(DayOfWeek weekday, LocalDate from, LocalDate to, BusinessCalendar calendar) {
		var days = new ArrayList<LocalDate>();
		var quarter = from.with(IsoFields.DAY_OF_QUARTER, 1);
		for (; !quarter.isAfter(to); quarter = quarter.plusMonths(3)) {
			var day = working(calendar, quarter.with(TemporalAdjusters.nextOrSame(weekday)), quarter.plusDays(6));
			if (!day.isBefore(from) && !day.isAfter(to)) {
				days.add(day);
			}
		}
		return days;
	}

	// the first working day on or after the day, as long as it stays within the week
	private static LocalDate working(BusinessCalendar calendar, LocalDate day, LocalDate last) {
		var candidate = day;
		while (!calendar.isWorkingDay(candidate) && candidate.isBefore(last)) {
			candidate = candidate.plusDays(1);
		}
		return calendar.isWorkingDay(candidate) ? candidate : day;
	}
}
