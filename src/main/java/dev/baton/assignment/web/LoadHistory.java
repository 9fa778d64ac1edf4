package dev.baton.assignment.web;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dev.baton.engagement.RequestActivity;

/**
 * Active requests per SA per week, from the requests' history, and the line chart that draws
 * them. A request counts for an SA in a week when the SA holds or assists it, it was triaged
 * (assigned) before the week ended, and it was not closed before the week began. The history
 * knows the current assignee only, so a reassigned request counts for its latest SA.
 */
final class LoadHistory {

	private static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
	private static final List<String> COLOURS = List.of("#1565c0", "#c62828", "#2e7d32", "#6a1b9a", "#ef6c00",
			"#00838f", "#4e342e", "#ad1457");

	static final int WIDTH = 640;
	static final int HEIGHT = 260;
	static final int LEFT = 40;
	static final int RIGHT = 36;
	static final int TOP = 16;
	static final int BOTTOM = 40;

	private LoadHistory() {
	}

	/** One SA's line. */
	record Series(String name, String colour, List<Integer> values, String points) {
	}

	/** A tick on an axis with its position. */
	record Tick(String label, int x, int y) {
	}

	/** The chart: weeks, one series per SA, axis ticks, and the largest value. */
	record Chart(List<String> weeks, List<Series> series, List<Tick> xTicks, List<Tick> yTicks, int max, int width,
			int height, int left, int right, int top, int bottom) {
	}

	/** A person to draw. */
	record Member(UUID id, String name) {
	}

	/** The Monday of each of the last {@code weeks} weeks, oldest first, the current week last. */
	static List<LocalDate> weekStarts(LocalDate today, int weeks) {
		var current = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		var starts = new ArrayList<LocalDate>();
		for (int i = weeks - 1; i >= 0; i--) {
			starts.add(current.minusWeeks(i));
		}
		return starts;
	}

	/** Whether a request was active for a person in the week from {@code start} to before {@code end}. */
	static boolean activeFor(RequestActivity request, UUID person, Instant start, Instant end) {
		if (!person.equals(request.assigneeId()) && !person.equals(request.assistId())) {
			return false;
		}
		var taken = request.triagedAt() != null ? request.triagedAt() : request.engagedAt();
		if (taken == null || !taken.isBefore(end)) {
			return false;
		}
		return request.closedAt() == null || !request.closedAt().isBefore(start);
	}

	static Chart chart(List<Member> members, List<RequestActivity> history, LocalDate today, int weeks, ZoneId zone) {
		var starts = weekStarts(today, weeks);
		var series = new ArrayList<List<Integer>>();
		int max = 1;
		for (var member : members) {
			var values = new ArrayList<Integer>();
			for (var start : starts) {
				var from = start.atStartOfDay(zone).toInstant();
				var to = start.plusWeeks(1).atStartOfDay(zone).toInstant();
				var count = (int) history.stream().filter(r -> activeFor(r, member.id(), from, to)).count();
				values.add(count);
				max = Math.max(max, count);
			}
			series.add(values);
		}
		var plotWidth = WIDTH - LEFT - RIGHT;
		var plotHeight = HEIGHT - TOP - BOTTOM;
		var labels = starts.stream().map(WEEK::format).toList();
		var xTicks = new ArrayList<Tick>();
		for (int i = 0; i < starts.size(); i++) {
			xTicks.add(new Tick(labels.get(i), x(i, starts.size(), plotWidth), HEIGHT - BOTTOM + 16));
		}
		var yTicks = new ArrayList<Tick>();
		var step = Math.max(1, (int) Math.ceil(max / 5.0));
		for (int v = 0; v <= max; v += step) {
			yTicks.add(new Tick(String.valueOf(v), LEFT - 6, y(v, max, plotHeight)));
		}
		var drawn = new ArrayList<Series>();
		for (int m = 0; m < members.size(); m++) {
			var values = series.get(m);
			var points = new StringBuilder();
			for (int i = 0; i < values.size(); i++) {
				points.append(i == 0 ? "" : " ").append(x(i, values.size(), plotWidth)).append(',')
						.append(y(values.get(i), max, plotHeight));
			}
			drawn.add(new Series(members.get(m).name(), COLOURS.get(m % COLOURS.size()), List.copyOf(values),
					points.toString()));
		}
		return new Chart(labels, drawn, xTicks, yTicks, max, WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM);
	}

	private static int x(int index, int count, int plotWidth) {
		return LEFT + (count <= 1 ? 0 : index * plotWidth / (count - 1));
	}

	private static int y(int value, int max, int plotHeight) {
		return TOP + plotHeight - value * plotHeight / max;
	}
}
