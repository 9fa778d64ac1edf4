package dev.baton.assignment.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dev.baton.assignment.Assignments;
import dev.baton.engagement.RequestStatus;
import dev.baton.engagement.SaRequestSummary;
import dev.baton.engagement.SaRequests;
import dev.baton.organisation.CircleId;
import dev.baton.organisation.Organisation;
import dev.baton.organisation.PersonId;
import dev.baton.platform.Words;

/**
 * An SA's own page: the open requests they hold or assist, by due time; where their load stands;
 * their upcoming absences and the coverage plan for the next one.
 */
@Controller
@PreAuthorize("hasAnyRole('SA','SA_MANAGER')")
class MyWorkPageController {

	/** How far ahead the page lists absences. */
	static final int ABSENCE_DAYS = 90;

	private final Assignments assignments;
	private final SaRequests requests;
	private final Organisation organisation;
	private final Clock clock;
	private final Words words;

	MyWorkPageController(Assignments assignments, SaRequests requests, Organisation organisation,
			Clock clock, Words words) {
		this.assignments = assignments;
		this.requests = requests;
		this.organisation = organisation;
		this.clock = clock;
		this.words = words;
	}

	/** One of my requests, as the page lists it. */
	record WorkRow(UUID id, String title, RequestStatus status, String part, String dueLabel, String due, boolean overdue,
			boolean fastTrack) {
	}

	/** One of my absences. */
	record AbsenceRow(String kind, LocalDate startDate, LocalDate endDate, long days) {
	}

	@GetMapping("/my/work")
	String myWork(Authentication authentication, Model model) {
		var me = organisation.personForUsername(authentication.getName()).orElse(null);
		model.addAttribute("me", me);
		if (me == null) {
			return "work/my-work";
		}
		var zone = me.timeZone() == null ? ZoneOffset.UTC : me.timeZone();
		var now = clock.instant();
		model.addAttribute("zone", zone.getId());
		model.addAttribute("work", requests.openFor(List.of(PersonId.of(me.id()))).stream()
				.sorted(Comparator.comparing(MyWorkPageController::due, Comparator.nullsLast(Comparator.naturalOrder())))
				.map(r -> row(r, me.id(), zone, now)).toList());

		var circle = organisation.circleOfMember(PersonId.of(me.id())).orElse(null);
		model.addAttribute("circleName", circle == null ? null : circle.name());
		if (circle != null) {
			assignments.capacity(CircleId.of(circle.id())).members().stream().filter(m -> m.personId().equals(me.id()))
					.findFirst().ifPresent(m -> model.addAttribute("capacity", m));
		}
		var today = LocalDate.ofInstant(now, zone);
		var absences = organisation.absencesOf(PersonId.of(me.id()), today, today.plusDays(ABSENCE_DAYS));
		model.addAttribute("absences", absences.stream()
				.map(a -> new AbsenceRow(a.kind().name(), a.startDate(), a.endDate(), a.days()))
				.toList());
		if (!absences.isEmpty()) {
			model.addAttribute("plan", CoverageView.of(assignments.coveragePlan(PersonId.of(me.id()))));
		}
		return "work/my-work";
	}

	/** The next due time that matters: triage until the request is triaged, then the activity SLA. */
	private static Instant due(SaRequestSummary request) {
		return request.triagedAt() == null && request.triageDueAt() != null ? request.triageDueAt() : request.slaDueAt();
	}

	/** The part and due label are the last part of a {@code work.part.*} and {@code work.due.*} key. */
	private WorkRow row(SaRequestSummary request, UUID me, ZoneId zone, Instant now) {
		var due = due(request);
		var triage = request.triagedAt() == null && request.triageDueAt() != null;
		return new WorkRow(request.id(), request.title(), request.status(),
				me.equals(request.assigneeId()) ? "assigned" : "assisting", triage ? "triage" : "sla",
				words.dayTime(due, zone), due != null && due.isBefore(now), request.fastTrack());
	}

	/** The person the signed-in account belongs to, if any. */
}
