package dev.baton.assignment.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.baton.engagement.RequestActivity;

/**
 * Which requests count as active for an SA in a week of the circle page's chart, and how the chart
 * is laid out.
 */
class LoadHistoryTests {

	private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
	private static final UUID SAM = UUID.randomUUID();
	private static final UUID PRIYA = UUID.randomUUID();
	private static final LocalDate TODAY = LocalDate.parse("2026-11-25");

	private static RequestActivity request(UUID assignee, UUID assist, String triagedAt, String closedAt) {
		var triaged = triagedAt == null ? null : Instant.parse(triagedAt);
		return new RequestActivity(UUID.randomUUID(), assignee, assist, triaged, triaged,
				closedAt == null ? null : Instant.parse(closedAt));
	}

	private static Instant at(String day) {
		return LocalDate.parse(day).atStartOfDay(CHICAGO).toInstant();
	}

	@Test
	void weeksRunFromMondayAndEndWithTheCurrentWeek() {
		assertThat(LoadHistory.weekStarts(TODAY, 3)).containsExactly(LocalDate.parse("2026-11-09"),
				LocalDate.parse("2026-11-16"), LocalDate.parse("2026-11-23"));
	}

	@Test
	void aRequestIsActiveFromItsAssignmentUntilItIsClosed() {
		var r = request(SAM, null, "2026-11-10T15:00:00Z", "2026-11-18T15:00:00Z");

		assertThat(LoadHistory.activeFor(r, SAM, at("2026-11-02"), at("2026-11-09"))).as("before assignment").isFalse();
		assertThat(LoadHistory.activeFor(r, SAM, at("2026-11-09"), at("2026-11-16"))).as("assigned that week").isTrue();
		assertThat(LoadHistory.activeFor(r, SAM, at("2026-11-16"), at("2026-11-23"))).as("closed that week").isTrue();
		assertThat(LoadHistory.activeFor(r, SAM, at("2026-11-23"), at("2026-11-30"))).as("after closing").isFalse();
		assertThat(LoadHistory.activeFor(r, PRIYA, at("2026-11-09"), at("2026-11-16"))).as("someone else's").isFalse();
	}

	@Test
	void anAssistCountsAndAnUnassignedRequestDoesNot() {
		assertThat(LoadHistory.activeFor(request(SAM, PRIYA, "2026-11-10T15:00:00Z", null), PRIYA, at("2026-11-16"),
				at("2026-11-23"))).isTrue();
		assertThat(LoadHistory.activeFor(request(null, null, null, null), SAM, at("2026-11-16"), at("2026-11-23")))
				.isFalse();
	}

	@Test
	void theChartHasALinePerSaWithAPointPerWeek() {
		var history = List.of(request(SAM, null, "2026-11-10T15:00:00Z", null),
				request(SAM, null, "2026-11-17T15:00:00Z", null), request(PRIYA, null, "2026-11-17T15:00:00Z",
						"2026-11-19T15:00:00Z"));

		var chart = LoadHistory.chart(List.of(new LoadHistory.Member(SAM, "Sam"), new LoadHistory.Member(PRIYA, "Priya")),
				history, TODAY, 3, CHICAGO);

		assertThat(chart.weeks()).containsExactly("9 Nov", "16 Nov", "23 Nov");
		assertThat(chart.series().get(0).values()).containsExactly(1, 2, 2);
		assertThat(chart.series().get(1).values()).containsExactly(0, 1, 0);
		assertThat(chart.max()).isEqualTo(2);
		assertThat(chart.series().get(0).points().split(" ")).hasSize(3);
		// the highest value is drawn at the top of the plot, zero at its bottom
		assertThat(chart.series().get(0).points()).endsWith("," + LoadHistory.TOP);
		assertThat(chart.series().get(1).points()).startsWith(LoadHistory.LEFT + ","
				+ (LoadHistory.HEIGHT - LoadHistory.BOTTOM));
	}
}
