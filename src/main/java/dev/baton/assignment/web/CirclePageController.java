package dev.baton.assignment.web;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import dev.baton.assignment.Assignments;
import dev.baton.engagement.EngagementFigures;
import dev.baton.engagement.SaRequests;
import dev.baton.identity.Role;
import dev.baton.organisation.AbsenceKind;
import dev.baton.organisation.CallContexts;
import dev.baton.organisation.Circle;
import dev.baton.organisation.CircleId;
import dev.baton.organisation.Organisation;
import dev.baton.organisation.Person;
import dev.baton.organisation.PersonId;
import dev.baton.platform.Words;

/**
 * The circle page for its SA manager and administrators: load per SA, load over recent weeks,
 * triage figures, the PTO calendar of the coming weeks, and coverage plans to accept.
 */
@Controller
@PreAuthorize("hasAnyRole('SA_MANAGER','ADMIN')")
class CirclePageController {

	/** Weeks of history the chart and the figures cover. */
	static final int WEEKS = 8;
	/** Days the PTO calendar shows, today first. */
	static final int CALENDAR_DAYS = 42;
	/** How far back requests are read to know which were still active in the chart's weeks. */
	private static final Duration HISTORY = Duration.ofDays(365);

	private final Assignments assignments;
	private final SaRequests requests;
	private final EngagementFigures triage;
	private final Organisation organisation;
	private final Clock clock;
	private final CallContexts callContexts;
	private final Words words;

	CirclePageController(Assignments assignments, SaRequests requests, EngagementFigures triage, Organisation organisation,
			Clock clock, CallContexts callContexts, Words words) {
		this.words = words;
		this.callContexts = callContexts;
		this.assignments = assignments;
		this.requests = requests;
		this.triage = triage;
		this.organisation = organisation;
		this.clock = clock;
	}

	/** A circle in the list. */
	record CircleRow(UUID id, String name, String board, String manager, int members, int servedAes) {
	}

	/** A day column of the PTO calendar. */
	record DayColumn(String label, String title, String css) {
	}

	/** A cell of the PTO calendar: empty, PTO or sick. */
	record DayCell(String text, String title, String css) {
	}

	/** One member's row of the PTO calendar. */
	record CalendarRow(String name, List<DayCell> cells) {
	}

	/** A triage figure with its label. */
	record Figure(String label, String value, String detail) {
	}

	@GetMapping("/circles")
	String circles(Authentication authentication, Model model) {
		var admin = isAdmin(authentication);
		// a manager's circles come with the call context; an administrator sees every circle
		var shown = admin ? organisation.circles() : organisation.circlesById(CircleId.ofAll(callContexts.current().manages()));
		var managers = new java.util.HashMap<UUID, String>();
		organisation.peopleById(shown.stream().map(Circle::managerId).filter(java.util.Objects::nonNull)
				.map(PersonId::of).collect(java.util.stream.Collectors.toSet())).forEach(p -> managers.put(p.id(), p.name()));
		var rows = shown.stream().sorted(Comparator.comparing(Circle::name))
				.map(c -> new CircleRow(c.id(), c.name(), c.boardKey(), managers.get(c.managerId()), c.memberIds().size(),
						c.servedAeIds().size()))
				.toList();
		model.addAttribute("circles", rows);
		model.addAttribute("admin", admin);
		return "circles/list";
	}

	@GetMapping("/circles/{id}")
	String circle(@PathVariable CircleId id, Authentication authentication, Model model) {
		var circle = organisation.circle(id);
		if (!isAdmin(authentication)) {
			var me = organisation.personForUsername(authentication.getName()).map(Person::id).orElse(null);
			if (me == null || !me.equals(circle.managerId())) {
				throw new AccessDeniedException("Only the circle's manager and administrators see the circle page");
			}
		}
		var board = organisation.board(circle.boardKey());
		var zone = board.calendar().zone();
		var now = clock.instant();
		var today = LocalDate.ofInstant(now, zone);
		model.addAttribute("circle", circle);
		model.addAttribute("board", board);
		model.addAttribute("manager", name(circle.managerId()));

		var capacity = assignments.capacity(id);
		model.addAttribute("capacity", capacity);
		model.addAttribute("statusSummary", capacity.totals().statuses().entrySet().stream()
				.map(e -> words.of(e.getKey()) + ": " + e.getValue()).collect(java.util.stream.Collectors.joining(", ")));

		var members = new ArrayList<LoadHistory.Member>();
		var known = new java.util.HashMap<java.util.UUID, String>();
		organisation.peopleById(PersonId.ofAll(circle.memberIds())).forEach(p -> known.put(p.id(), p.name()));
		for (var memberId : circle.memberIds()) {
			if (known.containsKey(memberId)) {
				members.add(new LoadHistory.Member(memberId, known.get(memberId)));
			}
		}
		var weeks = LoadHistory.weekStarts(today, WEEKS);
		var from = weeks.get(0).atStartOfDay(zone).toInstant();
		// only work open at some time since the chart's first week can count: an index range, not the history
		var history = requests.activity(id, from.minus(HISTORY), from);
		model.addAttribute("chart", LoadHistory.chart(members, history, today, WEEKS, zone));

		var figures = triage.triage(null, id, from, now);
		model.addAttribute("figuresFrom", weeks.get(0));
		model.addAttribute("figures", List.of(
				new Figure(words.get("circle.figure.sla"), figures.engaged() == 0 ? "-" : Labels.percent(figures.slaAttainment()),
						words.get("circle.figure.engaged", figures.engaged())),
				new Figure(words.get("circle.figure.on-time"), figures.triaged() == 0 ? "-" : Labels.percent(figures.triageAttainment()),
						words.get("circle.figure.triaged", figures.triaged())),
				new Figure(words.get("circle.figure.median"), figures.triaged() == 0 ? "-" : Labels.duration(figures.medianTimeToTriage()),
						words.get("circle.figure.median.detail")),
				new Figure(words.get("circle.figure.fast-track"), figures.filed() == 0 ? "-" : Labels.percent(figures.fastTrackShare()),
						words.get("circle.figure.filed", figures.fastTrack(), figures.filed()))));

		model.addAttribute("days", days(board.calendar(), today));
		model.addAttribute("calendar", calendar(members, board.calendar(), today));

		// the plans of everyone away soon, read together: one board read however many are away
		var soon = organisation.absencesOf(PersonId.ofAll(circle.memberIds()), today,
				today.plusDays(MyWorkPageController.ABSENCE_DAYS));
		var awaySoon = members.stream().filter(member -> !soon.get(member.id()).isEmpty())
				.map(member -> PersonId.of(member.id())).toList();
		model.addAttribute("plans", awaySoon.isEmpty() ? List.of()
				: assignments.coveragePlans(awaySoon).stream().map(CoverageView::of).filter(CoverageView::needed).toList());
		return "circles/page";
	}

	private List<DayColumn> days(dev.baton.organisation.BusinessCalendar calendar, LocalDate today) {
		var title = dayTitle();
		var days = new ArrayList<DayColumn>();
		for (int i = 0; i < CALENDAR_DAYS; i++) {
			var day = today.plusDays(i);
			var holiday = calendar.holidays().get(day);
			var weekend = !calendar.opensOn(day.getDayOfWeek());
			days.add(new DayColumn(String.valueOf(day.getDayOfMonth()),
					holiday == null ? title.format(day) : words.get("circle.day.holiday", title.format(day), holiday),
					holiday != null ? "holiday" : weekend ? "weekend" : ""));
		}
		return days;
	}

	private List<CalendarRow> calendar(List<LoadHistory.Member> members, dev.baton.organisation.BusinessCalendar calendar,
			LocalDate today) {
		var rows = new ArrayList<CalendarRow>();
		var title = dayTitle();
		var last = today.plusDays(CALENDAR_DAYS - 1);
		var absent = organisation.absencesOf(members.stream().map(LoadHistory.Member::id).map(PersonId::of).toList(), today,
				last);
		for (var member : members) {
			var absences = absent.get(member.id());
			var cells = new ArrayList<DayCell>();
			for (int i = 0; i < CALENDAR_DAYS; i++) {
				var day = today.plusDays(i);
				var away = absences.stream().filter(a -> a.covers(day)).findFirst().orElse(null);
				if (away == null) {
					var weekend = !calendar.opensOn(day.getDayOfWeek());
					cells.add(new DayCell("", "", calendar.holidays().containsKey(day) ? "holiday" : weekend ? "weekend" : ""));
				}
				else {
					var sick = away.kind() == AbsenceKind.SICK;
					cells.add(new DayCell(words.get(sick ? "circle.cell.sick" : "circle.cell.pto"),
							words.get(sick ? "circle.day.sick" : "circle.day.pto", member.name(), title.format(day)),
							sick ? "sick" : "pto"));
				}
			}
			rows.add(new CalendarRow(member.name(), cells));
		}
		return rows;
	}

	/** A calendar day as the reader's language writes it, "Mon 30 Nov 2026". */
	private DateTimeFormatter dayTitle() {
		return DateTimeFormatter.ofPattern(words.get("work.date"), words.locale());
	}

	private String name(UUID personId) {
		return personId == null ? null : organisation.findPerson(PersonId.of(personId)).map(Person::name).orElse(null);
	}

	private static boolean isAdmin(Authentication authentication) {
		return authentication.getAuthorities().stream().anyMatch(a -> Role.ADMIN.authority().equals(a.getAuthority()));
	}
}
