package dev.baton.engagement;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import dev.baton.audit.AuditLog;
import dev.baton.engagement.domain.SaRequest;
import dev.baton.engagement.jdbc.SaRequestRepository;
import dev.baton.organisation.Organisation;

/**
 * Watches the clocks of open requests and raises each alert once: triage due soon, triage
 * overdue, SLA breached. The alert row's primary key makes "once" hold across restarts and
 * instances; the scan itself runs on the cluster-wide scheduler.
 * <p>
 * Triage is met when a request is assigned or declined. The activity SLA is met when the SA
 * starts the work (SA Doing). Clocks of requests waiting on the requestor are paused.
 */
@Component
class ClockWatch {

	private static final Logger log = LoggerFactory.getLogger(ClockWatch.class);

	private final SaRequestRepository requests;
	private final Organisation organisation;
	private final Engagement engagement;
	private final ApplicationEventPublisher events;
	private final AuditLog audit;
	private final Clock clock;

	ClockWatch(SaRequestRepository requests, Organisation organisation, Engagement engagement,
			ApplicationEventPublisher events, AuditLog audit, Clock clock) {
		this.requests = requests;
		this.organisation = organisation;
		this.engagement = engagement;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
	}

	/** Raises every alert that is due now; returns how many were raised. */
	@Transactional
	int raiseDueAlerts() {
		var now = clock.instant();
		// look a day ahead so that "due soon" windows in business time are found
		var candidates = requests.openWithClocksBefore(now.plus(Duration.ofDays(4)));
		var raised = 0;
		for (var request : candidates) {
			var calendar = organisation.board(request.boardKey()).calendar();
			var policy = engagement.slaPolicy(request.boardKey());
			var untriaged = request.status() == RequestStatus.NEW;
			if (untriaged && request.triageDueAt() != null) {
				if (!now.isBefore(request.triageDueAt())) {
					raised += raise(request, SaRequestClockAlert.Kind.TRIAGE_OVERDUE, request.triageDueAt(), now);
				} else if (policy.basis().between(calendar, now, request.triageDueAt()).compareTo(policy.dueSoonWithin()) <= 0) {
					raised += raise(request, SaRequestClockAlert.Kind.TRIAGE_DUE_SOON, request.triageDueAt(), now);
				}
			}
			var notEngaged = request.engagedAt() == null;
			if (notEngaged && request.slaDueAt() != null && !now.isBefore(request.slaDueAt())) {
				raised += raise(request, SaRequestClockAlert.Kind.SLA_BREACHED, request.slaDueAt(), now);
			}
		}
		return raised;
	}

	private int raise(SaRequest request, SaRequestClockAlert.Kind kind, java.time.Instant dueAt, java.time.Instant now) {
		if (!requests.recordAlert(request.id(), kind, now)) {
			return 0;
		}
		audit.record("sa-request.clock-alert", "sa-request", request.id(), null,
				Map.of("kind", kind.name(), "dueAt", dueAt.toString()));
		events.publishEvent(new SaRequestClockAlert(request.id().value(), request.circleId(), request.assigneeId(),
				request.title(), kind, dueAt));
		log.info("{} for request {} (due {})", kind, request.id(), dueAt);
		return 1;
	}

	/** Runs the watch every minute on exactly one instance at a time. */
	@Configuration(proxyBeanMethods = false)
	static class Schedule {

		@Bean
		RecurringTask<Void> saRequestClockWatch(ClockWatch watch) {
			return Tasks.recurring("sa-request-clock-watch", FixedDelay.ofMinutes(1))
					.execute((instance, context) -> watch.raiseDueAlerts());
		}
	}
}
