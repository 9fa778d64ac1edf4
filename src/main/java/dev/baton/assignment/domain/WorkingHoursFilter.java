package dev.baton.assignment.domain;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

import dev.baton.assignment.AssignmentRule;
import dev.baton.platform.Decision;

/**
 * Excludes an SA for whom every proposed meeting slot falls outside their working day: a working
 * day of the board's calendar (its open weekdays, not its holidays), {@code start} (inclusive) to
 * {@code end} (exclusive), in the SA's own time zone. A request without slots, or an SA without a
 * time zone, passes.
 */
public final class WorkingHoursFilter implements CandidateFilter {

	public static final String NAME = "working-hours";
	private static final DateTimeFormatter SLOT = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

	private final LocalTime start;
	private final LocalTime end;

	public WorkingHoursFilter(LocalTime start, LocalTime end) {
		this.start = Objects.requireNonNull(start, "start");
		this.end = Objects.requireNonNull(end, "end");
		if (!end.isAfter(start)) {
			throw new IllegalArgumentException("The working day must end after it starts, but was " + start + "-" + end);
		}
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Decision decide(RequestFacts request, Candidate candidate) {
		var zone = candidate.timeZone();
		var slots = request.preferredDates().stream().filter(d -> d.start() != null).map(d -> d.start().atZone(zone))
				.toList();
		if (zone == null || slots.isEmpty()) {
			return Decision.allowed();
		}
		for (var slot : slots) {
			var time = slot.toLocalTime();
			if (request.boardCalendar().isWorkingDay(slot.toLocalDate()) && !time.isBefore(start) && time.isBefore(end)) {
				return Decision.allowed();
			}
		}
		return Decision.refused(AssignmentRule.WORKING_HOURS, "outside working hours (" + start + "-" + end + " " + zone.getId() + ") for every proposed slot: "
				+ slots.stream().map(SLOT::format).collect(Collectors.joining(", ")));
	}
}
