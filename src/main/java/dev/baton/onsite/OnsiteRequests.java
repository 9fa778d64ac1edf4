package dev.baton.onsite;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.baton.audit.AuditLog;
import dev.baton.onsite.domain.OnsitePolicies;
import dev.baton.onsite.domain.OnsiteRequest;
import dev.baton.onsite.jdbc.OnsiteRepository;
import dev.baton.organisation.CallContext;
import dev.baton.organisation.Circle;
import dev.baton.organisation.Organisation;
import dev.baton.organisation.Person;
import dev.baton.organisation.PersonId;
import dev.baton.pipeline.AccountId;
import dev.baton.pipeline.OpportunityId;
import dev.baton.pipeline.Pipeline;
import dev.baton.platform.BatonException;
import dev.baton.platform.Decision;
import dev.baton.platform.FieldError;
import dev.baton.platform.Money;
import dev.baton.platform.Page;
import dev.baton.platform.ProblemType;
import dev.baton.platform.Versions;
import dev.baton.postsales.CsmAlignment;
import dev.baton.postsales.CsmAlignments;

/**
 * Files, approves, rejects and reschedules on-site requests under {@link OnsitePolicies}; every
 * change is audited and versioned.
 */
@Service
public class OnsiteRequests {

	/** What the requester fills in. */
	public record Form(UUID opportunityId, BigDecimal estimatedCostAmount, String estimatedCostCurrency,
			List<UUID> attendeeIds, String engagementSummary, List<OnsiteRequest.Stakeholder> stakeholders,
			List<LocalDate> proposedDates, List<OnsiteRequest.AgendaDay> agenda, String outstandingActivities,
			Boolean customerAgreedAgenda, Boolean budgetedInitiative) {
	}

	static final int MAX_DAYS = 10;

	private final OnsiteRepository repository;
	private final Pipeline pipeline;
	private final Organisation organisation;
	private final CsmAlignments csms;
	private final ApplicationEventPublisher events;
	private final AuditLog audit;
	private final Clock clock;

	OnsiteRequests(OnsiteRepository repository, Pipeline pipeline, Organisation organisation, CsmAlignments csms,
			ApplicationEventPublisher events, AuditLog audit, Clock clock) {
		this.repository = repository;
		this.pipeline = pipeline;
		this.organisation = organisation;
		this.csms = csms;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public OnsiteRequest file(Form form, CallContext caller) {
		OnsitePolicies.mayFile(caller).orThrow(ProblemType.NOT_PERMITTED);
		var errors = new ArrayList<FieldError>();
		if (form.opportunityId() == null) {
			errors.add(new FieldError("opportunityId", "is required"));
		} else {
			var opportunity = pipeline.findOpportunity(OpportunityId.of(form.opportunityId()));
			if (opportunity.isEmpty()) {
				errors.add(new FieldError("opportunityId", "is not an opportunity: " + form.opportunityId()));
			} else if (opportunity.get().stage().isClosed()) {
				errors.add(new FieldError("opportunityId", "is " + opportunity.get().stage().label()
						+ "; on-sites are for open opportunities"));
			}
		}
		Money cost = null;
		if (form.estimatedCostAmount() == null) {
			errors.add(new FieldError("estimatedCost.amount", "is required: travel and lodging, meals excluded"));
		} else if (form.estimatedCostAmount().signum() < 0) {
			errors.add(new FieldError("estimatedCost.amount", "must be 0 or more"));
		}
		Currency currency = null;
		try {
			currency = form.estimatedCostCurrency() == null ? null
					: Currency.getInstance(form.estimatedCostCurrency().strip().toUpperCase(java.util.Locale.ROOT));
		} catch (IllegalArgumentException e) {
			currency = null;
		}
		if (currency == null) {
			errors.add(new FieldError("estimatedCost.currency", "must be an ISO 4217 code such as USD or EUR"));
		}
		if (form.estimatedCostAmount() != null && form.estimatedCostAmount().signum() >= 0 && currency != null) {
			cost = new Money(form.estimatedCostAmount(), currency);
		}
		var attendees = form.attendeeIds() == null ? List.<UUID>of() : form.attendeeIds();
		if (attendees.isEmpty()) {
			errors.add(new FieldError("attendeeIds", "names at least one team member who attends"));
		}
		for (int i = 0; i < attendees.size(); i++) {
			if (attendees.get(i) == null || organisation.findPerson(PersonId.of(attendees.get(i))).isEmpty()) {
				errors.add(new FieldError("attendeeIds[" + i + "]", "is not a person: " + attendees.get(i)));
			}
		}
		text(errors, "engagementSummary", form.engagementSummary(), true, 4000);
		var stakeholders = form.stakeholders() == null ? List.<OnsiteRequest.Stakeholder>of() : form.stakeholders();
		if (stakeholders.isEmpty()) {
			errors.add(new FieldError("stakeholders", "names at least one customer stakeholder or team"));
		}
		for (int i = 0; i < stakeholders.size(); i++) {
			var s = stakeholders.get(i);
			text(errors, "stakeholders[" + i + "].name", s == null ? null : s.name(), true, 200);
		}
		checkSchedule(errors, form.proposedDates(), form.agenda(), caller);
		text(errors, "outstandingActivities", form.outstandingActivities(), false, 4000);
		if (form.customerAgreedAgenda() == null) {
			errors.add(new FieldError("customerAgreedAgenda", "is required: true or false"));
		}
		if (form.budgetedInitiative() == null) {
			errors.add(new FieldError("budgetedInitiative", "is required: true or false"));
		}
		if (!errors.isEmpty()) {
			throw new BatonException(ProblemType.VALIDATION_FAILED, errors.get(0).field() + ": "
					+ errors.get(0).message() + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""),
					errors, Map.of());
		}
		OnsitePolicies.prerequisites(form.customerAgreedAgenda(), form.budgetedInitiative())
				.orThrow(OnsiteProblems.ONSITE_PREREQUISITES);
		var request = OnsiteRequest.file(UUID.randomUUID(), form.opportunityId(), caller.personId(), cost, attendees,
				form.engagementSummary().strip(), stakeholders, form.proposedDates(), form.agenda(),
				blankToNull(form.outstandingActivities()), clock.instant());
		repository.insert(request);
		audit.record("onsite-request.filed", "onsite-request", request.id(), null, Map.of("opportunity",
				request.opportunityId().toString(), "estimatedCost", cost.toString(), "dates",
				request.proposedDates().toString()));
		var opportunity = pipeline.opportunity(OpportunityId.of(request.opportunityId()));
		var requester = caller.person();
		var requesterId = PersonId.of(requester.id());
		var circle = organisation.circleOfMember(requesterId).or(() -> organisation.circleServing(requesterId))
				.or(() -> organisation.circleServing(PersonId.of(opportunity.ownerId())));
		var asm = organisation.findPerson(PersonId.of(opportunity.ownerId())).map(Person::managerId).orElse(null);
		events.publishEvent(new OnsiteRequestFiled(request.id(), opportunity.id(), opportunity.name(), requester.id(),
				circle.map(Circle::managerId).orElse(null), asm, request.proposedDates(),
				cost.formatted()));
		return request;
	}

	@Transactional
	public OnsiteRequest approve(OnsiteRequestId requestId, Approver capacity, int expectedVersion,
			CallContext caller) {
		var id = requestId.value();
		var request = current(id, expectedVersion);
		refuseUnless(OnsitePolicies.mayApprove(request, caller, capacity));
		var now = clock.instant();
		var complete = request.approve(capacity, caller.personId(), now);
		var opportunity = pipeline.opportunity(OpportunityId.of(request.opportunityId()));
		if (complete) {
			request.alignCsm(csms.of(AccountId.of(opportunity.accountId())).map(CsmAlignment::csmId).orElse(null));
		}
		save(request);
		var details = new LinkedHashMap<String, Object>();
		details.put("as", capacity.name());
		details.put("approvedBy", caller.username());
		audit.record("onsite-request.approved-as-" + capacity.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
				"onsite-request", id, null, details);
		if (complete) {
			audit.record("onsite-request.approved", "onsite-request", id, "both the SA manager and the ASM approved",
					Map.of("saManager", request.saManagerId().toString(), "asm", request.asmId().toString(), "csm",
							request.csmId() == null ? "none aligned" : request.csmId().toString()));
			events.publishEvent(new OnsiteRequestApproved(id, request.opportunityId(), opportunity.name(),
					request.requesterId(), request.saManagerId(), request.asmId(), request.csmId(),
					request.attendeeIds(), request.proposedDates(), request.estimatedCost().formatted()));
		}
		return repository.find(id).orElseThrow();
	}

	@Transactional
	public OnsiteRequest reject(OnsiteRequestId requestId, String reason, int expectedVersion, CallContext caller) {
		var id = requestId.value();
		if (reason == null || reason.isBlank()) {
			throw BatonException.invalid("reason", "is required: say why, so the requester can act on it");
		}
		if (reason.length() > 2000) {
			throw BatonException.invalid("reason", "must be at most 2000 characters");
		}
		var request = current(id, expectedVersion);
		refuseUnless(OnsitePolicies.mayReject(request, caller));
		request.reject(caller.personId(), reason.strip(), clock.instant());
		save(request);
		audit.record("onsite-request.rejected", "onsite-request", id, reason.strip(), Map.of("rejectedBy",
				caller.username()));
		events.publishEvent(new OnsiteRequestRejected(id, request.opportunityId(),
				pipeline.opportunity(OpportunityId.of(request.opportunityId())).name(), request.requesterId(), caller.personId(),
				reason.strip()));
		return repository.find(id).orElseThrow();
	}

	/** New proposed dates and agenda; approvals given for other dates expire. */
	@Transactional
	public OnsiteRequest reschedule(OnsiteRequestId requestId, List<LocalDate> dates,
			List<OnsiteRequest.AgendaDay> agenda, int expectedVersion, CallContext caller) {
		var id = requestId.value();
		var request = current(id, expectedVersion);
		OnsitePolicies.mayReschedule(request, caller).orThrow(ProblemType.NOT_PERMITTED);
		var errors = new ArrayList<FieldError>();
		checkSchedule(errors, dates, agenda, caller);
		if (!errors.isEmpty()) {
			throw new BatonException(ProblemType.VALIDATION_FAILED, errors.get(0).field() + ": "
					+ errors.get(0).message(), errors, Map.of());
		}
		var before = request.proposedDates();
		var expired = request.reschedule(dates.stream().sorted().toList(), agenda, clock.instant());
		save(request);
		audit.record("onsite-request.rescheduled", "onsite-request", id, null,
				Map.of("from", before.toString(), "to", request.proposedDates().toString()));
		if (expired) {
			audit.record("onsite-request.approvals-expired", "onsite-request", id,
					"the proposed dates changed from " + before + " to " + request.proposedDates()
							+ "; approvals were given for the old dates",
					Map.of("from", before.toString(), "to", request.proposedDates().toString()));
		}
		return repository.find(id).orElseThrow();
	}

	@Transactional(readOnly = true)
	public OnsiteRequest find(OnsiteRequestId id) {
		return find(id.value());
	}

	private OnsiteRequest find(UUID id) {
		return repository.find(id).orElseThrow(() -> BatonException.notFound("On-site request", id));
	}

	@Transactional(readOnly = true)
	public Page<OnsiteRequest> list(OnsiteStatus status, OpportunityId opportunityId, Page.Request page) {
		var opportunity = opportunityId == null ? null : opportunityId.value();
		return new Page<>(repository.list(status, opportunity, page.offset(), page.size()), page.page(), page.size(),
				repository.count(status, opportunity));
	}

	/** Approved estimated cost per quarter of the first on-site day (from inclusive, to exclusive) and currency. */
	@Transactional(readOnly = true)
	public List<OnsiteSpend> approvedSpend(LocalDate from, LocalDate to) {
		return repository.approvedSpend(from, to);
	}

	// a refusal after the request stopped awaiting approval is about its state, not about the caller
	private static void refuseUnless(Decision decision) {
		decision.orThrow(decision.refuses(OnsiteRule.AWAITING_APPROVAL) ? OnsiteProblems.ONSITE_ILLEGAL_STATE
				: OnsiteProblems.ONSITE_APPROVAL_REFUSED);
	}

	private OnsiteRequest current(UUID id, int expectedVersion) {
		var request = find(id);
		if (request.version() != expectedVersion) {
			throw Versions.stale("On-site request", id, expectedVersion);
		}
		return request;
	}

	private void save(OnsiteRequest request) {
		if (!repository.update(request)) {
			throw Versions.stale("On-site request", request.id(), request.version());
		}
	}

	// today is the requester's own day (their time zone), so a date still today where they are is not past
	private void checkSchedule(List<FieldError> errors, List<LocalDate> dates, List<OnsiteRequest.AgendaDay> agenda,
			CallContext caller) {
		var zone = caller.person() == null || caller.person().timeZone() == null ? ZoneOffset.UTC
				: caller.person().timeZone();
		var today = LocalDate.ofInstant(clock.instant(), zone);
		if (dates == null || dates.isEmpty()) {
			errors.add(new FieldError("proposedDates", "names at least one day"));
			return;
		}
		if (dates.size() > MAX_DAYS) {
			errors.add(new FieldError("proposedDates", "names at most " + MAX_DAYS + " days"));
		}
		var seen = new HashSet<LocalDate>();
		for (int i = 0; i < dates.size(); i++) {
			var day = dates.get(i);
			if (day == null) {
				errors.add(new FieldError("proposedDates[" + i + "]", "is required"));
			} else if (day.isBefore(today)) {
				errors.add(new FieldError("proposedDates[" + i + "]", "is in the past: " + day));
			} else if (!seen.add(day)) {
				errors.add(new FieldError("proposedDates[" + i + "]", "is named twice: " + day));
			}
		}
		var planned = new HashSet<LocalDate>();
		var days = agenda == null ? List.<OnsiteRequest.AgendaDay>of() : agenda;
		for (int i = 0; i < days.size(); i++) {
			var a = days.get(i);
			if (a == null || a.day() == null) {
				errors.add(new FieldError("agenda[" + i + "].day", "is required"));
				continue;
			}
			if (!seen.contains(a.day())) {
				errors.add(new FieldError("agenda[" + i + "].day", a.day() + " is not one of the proposed dates"));
			}
			if (!planned.add(a.day())) {
				errors.add(new FieldError("agenda[" + i + "].day", a.day() + " has two agendas"));
			}
			text(errors, "agenda[" + i + "].plan", a.plan(), true, 4000);
		}
		for (var day : seen) {
			if (!planned.contains(day)) {
				errors.add(new FieldError("agenda", "needs the agenda for " + day));
			}
		}
	}

	private static void text(List<FieldError> errors, String field, String value, boolean required, int max) {
		if (value == null || value.isBlank()) {
			if (required) {
				errors.add(new FieldError(field, "is required"));
			}
		} else if (value.length() > max) {
			errors.add(new FieldError(field, "must be at most " + max + " characters"));
		}
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
