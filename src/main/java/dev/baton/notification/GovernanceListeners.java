package dev.baton.notification;

import java.util.LinkedHashSet;
import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

import dev.baton.onsite.OnsiteRequestApproved;
import dev.baton.onsite.OnsiteRequestFiled;
import dev.baton.onsite.OnsiteRequestRejected;
import dev.baton.organisation.Organisation;
import dev.baton.organisation.Person;

/**
 * Tells people about on-site requests: the expected approvers when one is filed; the requester,
 * the attendees and the aligned CSM when it is approved; the requester when it is rejected. Inbox
 * and e-mail, once per event.
 */
@Component
class GovernanceListeners extends PersonListeners {


	GovernanceListeners(Organisation organisation, Notifier notifier, NotificationProperties properties) {
		super(organisation, notifier, properties);
	}

	/** The expected approvers: the SA manager and the ASM, by inbox and e-mail. */
	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(OnsiteRequestFiled event) {
		var plan = new Plan(EventKey.of("onsite-filed", event.requestId()), null);
		var requester = person(event.requesterId()).map(Person::name).orElse("Someone");
		var message = new Message("On-site to approve: " + event.opportunityName(), requester
				+ " asks to meet " + event.opportunityName() + " on site on " + event.proposedDates()
				+ " (estimated travel and lodging " + event.estimatedCost()
				+ "). It needs the approval of an SA manager and an ASM.",
				baseUrl + "/governance/onsite/" + event.requestId());
		for (var approver : new UUID[] { event.saManagerId(), event.asmId() }) {
			person(approver).ifPresent(p -> plan.inbox(p.id(), message).email(p.id(), message));
		}
		notifier.carryOut(plan);
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(OnsiteRequestApproved event) {
		var plan = new Plan(EventKey.of("onsite-approved", event.requestId(), event.proposedDates()), null);
		var link = baseUrl + "/governance/onsite/" + event.requestId();
		var body = "The on-site for " + event.opportunityName() + " on " + event.proposedDates()
				+ " is approved by the SA manager and the ASM (estimated travel and lodging " + event.estimatedCost()
				+ ").";
		var readers = new LinkedHashSet<UUID>();
		readers.add(event.requesterId());
		readers.addAll(event.attendeeIds());
		readers.forEach(id -> person(id).ifPresent(p -> {
			var message = new Message("On-site approved: " + event.opportunityName(), body, link);
			plan.inbox(p.id(), message).email(p.id(), message);
		}));
		if (event.csmId() != null) {
			person(event.csmId()).ifPresent(csm -> {
				var message = new Message("On-site at your account: " + event.opportunityName(), body
						+ " You are the CSM aligned to the account: please join the preparation.", link);
				plan.inbox(csm.id(), message).email(csm.id(), message);
			});
		}
		notifier.carryOut(plan);
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(OnsiteRequestRejected event) {
		var plan = new Plan(EventKey.of("onsite-rejected", event.requestId()), null);
		var by = person(event.rejectedById()).map(Person::name).orElse("An approver");
		var message = new Message("On-site rejected: " + event.opportunityName(),
				by + " rejected the on-site for " + event.opportunityName() + ": " + event.reason(),
				baseUrl + "/governance/onsite/" + event.requestId());
		person(event.requesterId()).ifPresent(p -> plan.inbox(p.id(), message).email(p.id(), message));
		notifier.carryOut(plan);
	}

}
