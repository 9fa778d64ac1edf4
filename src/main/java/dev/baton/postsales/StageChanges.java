package dev.baton.postsales;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.baton.engagement.EngagementFigures;
import dev.baton.organisation.BusinessCalendar;
import dev.baton.organisation.Organisation;
import dev.baton.organisation.PersonId;
import dev.baton.organisation.Segment;
import dev.baton.pipeline.OpportunityId;
import dev.baton.pipeline.OpportunityStageChanged;
import dev.baton.pipeline.Pipeline;
import dev.baton.pipeline.Stage;
import dev.baton.postsales.domain.LiveOptimizationWindow;

/**
 * Starts post-sales work when an opportunity's stage changes: at Negotiating or Awaiting Signature
 * the SA and the AE each get the CSM transition task; at Closed Won for a net-new SMB customer
 * (SMB First Order) the SA gets the Live Optimization session, due 1-2 months after the
 * opportunity's close date (not the day the CRM told Baton). When that window has already passed,
 * as for a deal closed long ago and imported late, no task is created; when it is under way, the
 * task is due on the next working day.
 */
@Component
class StageChanges {

	private final Tasks tasks;
	private final EngagementFigures engagement;
	private final Pipeline pipeline;
	private final Organisation organisation;
	private final LiveOptimizationProperties liveOptimization;
	private final Clock clock;

	StageChanges(Tasks tasks, EngagementFigures engagement, Pipeline pipeline, Organisation organisation,
			LiveOptimizationProperties liveOptimization, Clock clock) {
		this.tasks = tasks;
		this.engagement = engagement;
		this.pipeline = pipeline;
		this.organisation = organisation;
		this.liveOptimization = liveOptimization;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(OpportunityStageChanged event) {
		var opportunity = pipeline.findOpportunity(OpportunityId.of(event.opportunityId()));
		if (opportunity.isEmpty()) {
			return;
		}
		var name = opportunity.get().name();
		var sa = engagement.assignedSa(OpportunityId.of(event.opportunityId()));
		if (event.stage() == Stage.NEGOTIATING || event.stage() == Stage.AWAITING_SIGNATURE) {
			var people = new LinkedHashSet<UUID>();
			people.add(event.ownerId());
			sa.ifPresent(people::add);
			for (var person : people) {
				tasks.create(TaskKind.CSM_TRANSITION, event.opportunityId(), person,
						"Introduce " + name + " to a Customer Success Manager", null, null,
						"the opportunity reached " + event.stage().label());
			}
		}
		if (event.stage() == Stage.CLOSED_WON && event.segment() == Segment.SMB_FIRST_ORDER) {
			var calendar = calendarOf(event.ownerId());
			var closed = opportunity.get().closeDate() != null ? opportunity.get().closeDate()
					: LocalDate.ofInstant(event.at(), calendar.zone());
			var today = LocalDate.ofInstant(clock.instant(), calendar.zone());
			// the session is the SA's; with no SA engaged, the AE arranges it with the circle
			var who = sa.orElse(event.ownerId());
			LiveOptimizationWindow.of(calendar, closed, today, liveOptimization.earliestMonths(),
					liveOptimization.latestMonths()).ifPresent(window -> tasks.create(TaskKind.LIVE_OPTIMIZATION,
							event.opportunityId(), who, "Live Optimization session with " + name, window.due(),
							window.latest(), "net-new SMB customer closed won on " + closed));
		}
	}

	private BusinessCalendar calendarOf(UUID aeId) {
		return organisation.circleServing(PersonId.of(aeId)).map(c -> organisation.board(c.boardKey()).calendar())
				.orElse(BusinessCalendar.standard(ZoneOffset.UTC));
	}
}
