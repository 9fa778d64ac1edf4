package dev.baton.notification;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

import dev.baton.engagement.SaRequestAssigned;
import dev.baton.engagement.SaRequestClockAlert;
import dev.baton.engagement.SaRequestDeclined;
import dev.baton.engagement.SaRequestFiled;
import dev.baton.engagement.SaRequestId;
import dev.baton.engagement.SaRequestInformationProvided;
import dev.baton.engagement.SaRequestNeedsInformation;
import dev.baton.engagement.SaRequestReassigned;
import dev.baton.organisation.Circle;
import dev.baton.organisation.CircleId;
import dev.baton.organisation.Organisation;
import dev.baton.organisation.Person;
import dev.baton.organisation.PersonId;
import dev.baton.platform.BatonException;

/**
 * Decides who hears what about an SA request, and on which channel.
 * <p>
 * The listeners run after the engagement transaction commits, from the event publication registry.
 * They open no transaction of their own ({@code NOT_SUPPORTED}): the {@link Notifier} records the
 * plan in a short one and sends outside it, so a slow webhook holds no connection. Redelivery is
 * harmless, since every entry and delivery is unique per {@link EventKey} and recipient.
 */
@Component
class NotificationListeners {

	private static final Logger log = LoggerFactory.getLogger(NotificationListeners.class);
	private static final String SOME_CIRCLE = "The circle";

	private final Organisation organisation;
	private final Notifier notifier;
	private final Clock clock;
	private final Messages messages;

	private final dev.baton.engagement.SaRequests requests;

	NotificationListeners(Organisation organisation, Notifier notifier, Clock clock, NotificationProperties properties,
			dev.baton.engagement.SaRequests requests, dev.baton.platform.Words words) {
		this.organisation = organisation;
		this.notifier = notifier;
		this.clock = clock;
		this.requests = requests;
		this.messages = new Messages(properties.baseUrl(), words);
	}

	/** A request as people name it in messages: its number and title (CAMER-12 Acme Logistics: SA Activity). */
	private String titled(java.util.UUID requestId, String title) {
		return requests.find(SaRequestId.of(requestId)).map(dev.baton.engagement.SaRequestSummary::reference)
				.map(reference -> reference + " " + title).orElse(title);
	}

	/** The circle's channel (loudly on the fast track), the inbox of every member and the manager; e-mail on the fast track. */
	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(SaRequestFiled event) {
		toCircle(event.circleId(), circle -> {
			var named = titled(event.requestId(), event.title());
			var requester = name(event.requesterId());
			var now = clock.instant();
			// a gated request is announced twice: when filed (awaiting approval) and when approved
			var plan = new Plan(EventKey.of("filed", event.requestId(), event.awaitingApproval()), event.requestId());
			plan.chat(circle, messages.filed(event, named, requester, zoneOf(circle), now), event.fastTrack());
			for (var person : people(membersAndManager(circle))) {
				var message = messages.filed(event, named, requester, person.timeZone(), now);
				plan.inbox(person.id(), message);
				if (event.fastTrack()) {
					plan.email(person.id(), message);
				}
			}
			if (event.awaitingApproval()) {
				// the approvers: the AE's own manager (the ASM) and the circle's SA manager
				person(event.requesterId()).map(Person::managerId).flatMap(this::person).ifPresent(asm -> {
					var message = messages.filed(event, named, requester, asm.timeZone(), now);
					plan.inbox(asm.id(), message).email(asm.id(), message);
				});
				if (circle.managerId() != null) {
					person(circle.managerId()).ifPresent(manager -> plan.email(manager.id(),
							messages.filed(event, named, requester, manager.timeZone(), now)));
				}
			}
			return plan;
		});
	}

	/** The requester, by e-mail and inbox, with the questions. */
	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(SaRequestNeedsInformation event) {
		var named = titled(event.requestId(), event.title());
		var circle = circleName(event.circleId());
		var plan = new Plan(EventKey.of("needs-information", event.requestId(), event.askedById(), event.questions()),
				event.requestId());
		var message = messages.needsInformation(event.requestId(), named, name(event.askedById()),
				circle, event.questions());
		person(event.requesterId()).ifPresent(ae -> plan.inbox(ae.id(), message).email(ae.id(), message));
		notifier.carryOut(plan);
	}

	/** The circle: its channel and its members' inboxes. */
	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(SaRequestInformationProvided event) {
		toCircle(event.circleId(), circle -> {
			var named = titled(event.requestId(), event.title());
			var requester = name(event.requesterId());
			var plan = new Plan(EventKey.of("information-provided", event.requestId(), event.triageDueAt(), event.slaDueAt()),
					event.requestId());
			plan.chat(circle, messages.informationProvided(event.requestId(), named, requester, event.triageDueAt(),
					zoneOf(circle)), false);
			for (var member : people(circle.memberIds())) {
				plan.inbox(member.id(), messages.informationProvided(event.requestId(), named, requester,
						event.triageDueAt(), member.timeZone()));
			}
			return plan;
		});
	}

	/** The requester and the assignee by e-mail and inbox; the circle's channel. */
	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(SaRequestAssigned event) {
		var named = titled(event.requestId(), event.title());
		var circle = circle(event.circleId());
		var requester = name(event.requesterId());
		var assignee = name(event.assigneeId());
		var plan = new Plan(EventKey.of("assigned", event.requestId(), event.assigneeId()), event.requestId());
		circle.ifPresent(c -> plan.chat(c, messages.assignedForCircle(event.requestId(), named, assignee,
				requester, event.fastTrack()), false));
		var forRequester = messages.assignedForRequester(event.requestId(), named, assignee,
				circle.map(Circle::name).orElse(SOME_CIRCLE), event.fastTrack());
		person(event.requesterId()).ifPresent(ae -> plan.inbox(ae.id(), forRequester).email(ae.id(), forRequester));
		var forAssignee = messages.assignedForAssignee(event.requestId(), named, requester, event.fastTrack());
		person(event.assigneeId()).ifPresent(sa -> plan.inbox(sa.id(), forAssignee).email(sa.id(), forAssignee));
		notifier.carryOut(plan);
	}

	/** The requester and the new assignee by e-mail and inbox, with the hand-over note; the previous assignee's inbox. */
	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(SaRequestReassigned event) {
		var named = titled(event.requestId(), event.title());
		var requester = name(event.requesterId());
		var from = event.fromAssigneeId() == null ? "nobody" : name(event.fromAssigneeId());
		var to = name(event.toAssigneeId());
		var by = name(event.reassignedById());
		var plan = new Plan(EventKey.of("reassigned", event.requestId(), event.fromAssigneeId(), event.toAssigneeId(),
				event.handOverNote()),
				event.requestId());
		var forRequester = messages.reassignedForRequester(event.requestId(), named, from, to, by,
				event.handOverNote());
		person(event.requesterId()).ifPresent(ae -> plan.inbox(ae.id(), forRequester).email(ae.id(), forRequester));
		var forAssignee = messages.reassignedForAssignee(event.requestId(), named, from, requester,
				event.handOverNote());
		person(event.toAssigneeId()).ifPresent(sa -> plan.inbox(sa.id(), forAssignee).email(sa.id(), forAssignee));
		if (event.fromAssigneeId() != null && !event.fromAssigneeId().equals(event.reassignedById())) {
			var forPrevious = messages.reassignedForPreviousAssignee(event.requestId(), named, to, by);
			person(event.fromAssigneeId()).ifPresent(sa -> plan.inbox(sa.id(), forPrevious));
		}
		notifier.carryOut(plan);
	}

	/** The requester, by e-mail and inbox, with the reason. */
	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(SaRequestDeclined event) {
		var named = titled(event.requestId(), event.title());
		var circle = circleName(event.circleId());
		var plan = new Plan(EventKey.of("declined", event.requestId()), event.requestId());
		var declinedBy = event.declinedById() == null ? null : name(event.declinedById());
		var message = messages.declined(event.requestId(), named, circle, event.reason(), declinedBy);
		person(event.requesterId()).ifPresent(ae -> plan.inbox(ae.id(), message).email(ae.id(), message));
		notifier.carryOut(plan);
	}

	/** The circle's channel; the manager's inbox when overdue or breached; the assignee's when breached. */
	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(SaRequestClockAlert event) {
		toCircle(event.circleId(), circle -> {
			var named = titled(event.requestId(), event.title());
			var assignee = event.assigneeId() == null ? null : name(event.assigneeId());
			var plan = new Plan(EventKey.of("clock-alert", event.requestId(), event.kind(), event.dueAt()),
					event.requestId());
			plan.chat(circle, messages.clockAlert(event, named, assignee, zoneOf(circle)), false);
			var readers = new ArrayList<UUID>();
			if (event.kind() != SaRequestClockAlert.Kind.TRIAGE_DUE_SOON && circle.managerId() != null) {
				readers.add(circle.managerId());
			}
			if (event.kind() == SaRequestClockAlert.Kind.SLA_BREACHED && event.assigneeId() != null) {
				readers.add(event.assigneeId());
			}
			for (var reader : people(readers)) {
				plan.inbox(reader.id(), messages.clockAlert(event, named, assignee, reader.timeZone()));
			}
			return plan;
		});
	}

	/** Carries out the plan made for the request's circle; a circle that no longer exists is not told. */
	private void toCircle(UUID circleId, Function<Circle, Plan> planFor) {
		circle(circleId).map(planFor).ifPresent(notifier::carryOut);
	}

	// a circle that no longer exists cannot be told; retrying the event would not change that
	private Optional<Circle> circle(UUID id) {
		try {
			return Optional.of(organisation.circle(CircleId.of(id)));
		} catch (BatonException e) {
			log.warn("Not notifying circle {}: {}", id, e.getMessage());
			return Optional.empty();
		}
	}

	private String circleName(UUID id) {
		return circle(id).map(Circle::name).orElse(SOME_CIRCLE);
	}

	private static List<UUID> membersAndManager(Circle circle) {
		var people = new ArrayList<>(circle.memberIds());
		if (circle.managerId() != null && !people.contains(circle.managerId())) {
			people.add(circle.managerId());
		}
		return people;
	}

	private List<Person> people(List<UUID> ids) {
		var people = new ArrayList<Person>();
		ids.forEach(id -> person(id).ifPresent(people::add));
		return people;
	}

	// someone who left the organisation is not told; the others still are
	private Optional<Person> person(UUID id) {
		if (id == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(organisation.person(PersonId.of(id)));
		} catch (BatonException e) {
			log.warn("Not notifying person {}: {}", id, e.getMessage());
			return Optional.empty();
		}
	}

	private String name(UUID id) {
		return person(id).map(Person::name).orElse("Someone");
	}

	// the channel reads times on the circle's board calendar
	private ZoneId zoneOf(Circle circle) {
		try {
			return organisation.board(circle.boardKey()).calendar().zone();
		} catch (BatonException e) {
			return ZoneOffset.UTC;
		}
	}
}
