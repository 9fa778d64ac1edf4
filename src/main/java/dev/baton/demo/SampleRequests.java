package dev.baton.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.baton.engagement.ApprovalDecision;
import dev.baton.engagement.Engagement;
import dev.baton.engagement.Hosting;
import dev.baton.engagement.RequestDetails;
import dev.baton.engagement.RequestLabel;
import dev.baton.engagement.RequestStatus;
import dev.baton.engagement.RequestTemplate;
import dev.baton.engagement.ReviewVerdict;
import dev.baton.engagement.SaAsk;
import dev.baton.engagement.SaRequestId;
import dev.baton.identity.Role;
import dev.baton.identity.UserDirectory;
import dev.baton.organisation.BusinessCalendar;
import dev.baton.organisation.Organisation;
import dev.baton.organisation.Person;
import dev.baton.organisation.PersonId;
import dev.baton.pipeline.Pipeline;

/**
 * SA requests for the demo organisation, so that a new user finds a board with work on it: one
 * ready to assign, a fast-track one, one assigned, one in progress, one waiting on its AE, one
 * declined, and whatever the segment rules make of the SMB ones.
 * <p>
 * Each request is filed and moved by the same service calls people make, as the people who would
 * make them (the AE files, circle members discuss, answer and review, an SA assigns), so every
 * rule, clock, audit entry and notification applies. Each request goes in its own transaction:
 * one the rules refuse is logged and left out, and the others still load.
 */
@Component
class SampleRequests {

	private static final Logger log = LoggerFactory.getLogger(SampleRequests.class);

	private final Engagement engagement;
	private final Pipeline pipeline;
	private final Organisation organisation;
	private final UserDirectory users;
	private final TransactionTemplate transactions;
	private final Clock clock;

	SampleRequests(Engagement engagement, Pipeline pipeline, Organisation organisation, UserDirectory users,
			TransactionTemplate transactions, Clock clock) {
		this.engagement = engagement;
		this.pipeline = pipeline;
		this.organisation = organisation;
		this.users = users;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Files the sample requests of the demo organisation; answers what could not be filed, and why. */
	List<String> load() {
		var refused = new ArrayList<String>();
		sample(refused, "Globex: discussed and reviewed, ready to assign", () -> {
			var id = file("jordan.brooks", "CRM-OPP-2002", EnumSet.of(RequestLabel.EXPEDITE), 6, Set.of(SaAsk.DEEP_DIVE),
					"Kubernetes", "Runners on EKS");
			as("priya.natarajan", () -> engagement.comment(id, "I ran the Kubernetes deep dive for a retailer last quarter; happy to take it."));
			as("sa", () -> engagement.answerQuestions(id, new Engagement.Answers(true, true, true, true,
					"Clear plan, three weeks of lead time", null)));
			as("priya.natarajan", () -> engagement.review(id, ReviewVerdict.APPROVE, null));
		});
		sample(refused, "Tyrell: a meeting within a day, on the fast track when the board works before it", () -> {
			var owner = pipeline.opportunityByExternalId("CRM-OPP-2008").orElseThrow().ownerId();
			var board = organisation.board(organisation.circleServing(PersonId.of(owner)).orElseThrow().boardKey());
			var soon = fastTrackMeeting(board.calendar(), clock.instant());
			// on a weekend or a holiday eve no working hours come before a meeting within a day, and a
			// fast-track request filed then would start breached: the demo files it for two working days ahead
			file("taylor.reed", "CRM-OPP-2008", EnumSet.noneOf(RequestLabel.class), 2, Set.of(SaAsk.DEMO), "CI/CD",
					"Pipeline migration from Jenkins", soon);
		});
		sample(refused, "Acme: assigned to Sam Rivera", () -> {
			var id = triaged("ae", "CRM-OPP-2001", 8, Set.of(SaAsk.DEMO, SaAsk.TECHNICAL_QA), "Security");
			as("sa", () -> engagement.assign(id, Engagement.Assignment.of(person("Sam Rivera"))));
		});
		sample(refused, "Stark: a POV Diego Alvarez is running, after the ASM review its segment needs", () -> {
			var id = file("jamie.fox", "CRM-OPP-2005", EnumSet.noneOf(RequestLabel.class), 4, Set.of(SaAsk.POV), "CI/CD",
					"Evaluation");
			as("asm", () -> engagement.decideApproval(id, ApprovalDecision.APPROVE,
					"Expansion of 150 seats; worth a POV"));
			triage(id);
			as("sa", () -> engagement.assign(id, Engagement.Assignment.of(person("Diego Alvarez"))));
			as("diego.alvarez", () -> engagement.moveTo(id, RequestStatus.SA_DOING));
		});
		sample(refused, "Umbrella: the circle asks the AE first", () -> {
			var id = file("sophie.dubois", "CRM-OPP-2004", EnumSet.noneOf(RequestLabel.class), 7,
					Set.of(SaAsk.SECURITY_AUDIT), "Compliance", "Audit events for GxP");
			as("amara.okafor", () -> engagement.answerQuestions(id, new Engagement.Answers(false, true, true, true, null,
					"Who signs off the validation plan, and is the audit in scope for this quarter?")));
		});
		sample(refused, "Kraken: declined with a reason", () -> {
			var id = file("oliver.schmidt", "CRM-OPP-2009", EnumSet.noneOf(RequestLabel.class), 5, Set.of(SaAsk.DEMO),
					"CI/CD", "A standard product demo");
			as("ingrid.larsen", () -> engagement.decline(id, "A standard demo: the recorded demo and the pitch deck "
					+ "cover it; ask again when the customer has a technical evaluation plan"));
		});
		sample(refused, "Initech: an SMB first order", () -> file("casey.nguyen", "CRM-OPP-2003",
				EnumSet.noneOf(RequestLabel.class), 9, Set.of(SaAsk.DISCOVERY), "CI/CD", "Moving off a self-hosted Git server"));
		if (refused.isEmpty()) {
			log.info("Sample SA requests filed");
		}
		return refused;
	}

	private void sample(List<String> refused, String name, Runnable steps) {
		try {
			transactions.executeWithoutResult(status -> steps.run());
		} catch (RuntimeException e) {
			log.warn("Sample request not filed ({}): {}", name, e.getMessage());
			refused.add(name + ": " + e.getMessage());
		}
	}

	/** Filed, then triaged: ready to assign. */
	private SaRequestId triaged(String ae, String opportunity, int daysAhead, Set<SaAsk> asks, String capability) {
		var id = file(ae, opportunity, EnumSet.noneOf(RequestLabel.class), daysAhead, asks, capability, "Evaluation");
		triage(id);
		return id;
	}

	/** Discussed, its 4 questions answered and reviewed twice. */
	private void triage(SaRequestId id) {
		as("diego.alvarez", () -> engagement.comment(id, "Fits our circle; the command plan is complete."));
		as("sa", () -> engagement.answerQuestions(id, new Engagement.Answers(true, true, true, true, null, null)));
		as("priya.natarajan", () -> engagement.review(id, ReviewVerdict.APPROVE, null));
		as("sa-manager", () -> engagement.review(id, ReviewVerdict.APPROVE, null));
	}

	private SaRequestId file(String ae, String externalId, Set<RequestLabel> labels, int workingDaysAhead, Set<SaAsk> asks,
			String capability, String why) {
		return file(ae, externalId, labels, workingDaysAhead, asks, capability, why, null);
	}

	/**
	 * A meeting less than a day away with at least six of the board's working hours before it, so
	 * that its fast-track SLA (due a preparation buffer of four working hours before the meeting)
	 * starts with time left; null when the next 23 hours hold fewer working hours.
	 */
	static Instant fastTrackMeeting(BusinessCalendar calendar, Instant now) {
		var hour = now.truncatedTo(java.time.temporal.ChronoUnit.HOURS).plus(java.time.Duration.ofHours(1));
		var latest = now.plus(java.time.Duration.ofHours(23));
		for (; !hour.isAfter(latest); hour = hour.plus(java.time.Duration.ofHours(1))) {
			if (calendar.businessTimeBetween(now, hour).compareTo(java.time.Duration.ofHours(6)) >= 0) {
				return hour;
			}
		}
		return null;
	}

	private SaRequestId file(String ae, String externalId, Set<RequestLabel> labels, int workingDaysAhead, Set<SaAsk> asks,
			String capability, String why, Instant at) {
		var opportunity = pipeline.opportunityByExternalId(externalId)
				.orElseThrow(() -> new IllegalStateException("No demo opportunity " + externalId));
		var owner = organisation.person(PersonId.of(opportunity.ownerId()));
		var circle = organisation.circleServing(PersonId.of(owner.id()))
				.orElseThrow(() -> new IllegalStateException("No circle serves " + owner.name()));
		var calendar = organisation.board(circle.boardKey()).calendar();
		var meeting = at != null ? at : meetingDay(calendar, owner.timeZone(), LocalDate.ofInstant(clock.instant(),
				owner.timeZone()), workingDaysAhead);
		var details = new RequestDetails(List.of(new RequestDetails.PreferredDate(meeting, owner.timeZone())),
				Hosting.SELF_MANAGED, opportunity.commandPlan().pains(), List.of(capability),
				List.of(new RequestDetails.CurrentTool("Jenkins", false)), asks,
				new RequestDetails.Meeting(why, "Show the path from merge request to deployment", "Introductions, demo, Q&A",
						List.of(new RequestDetails.Attendee("Maria Gonzalez", "VP Engineering"))),
				true, null, null);
		var filed = new SaRequestId[1];
		as(ae, () -> filed[0] = engagement.fileRequest(new Engagement.Filing(opportunity.id(), RequestTemplate.SA_ACTIVITY,
				labels, details)));
		return filed[0];
	}

	/**
	 * Ten in the morning in the customer's zone, the given number of the board's working days after
	 * {@code today}: the board's calendar says which days those are (a Sunday-to-Thursday board
	 * works on Sundays), and its holidays do not count.
	 */
	static Instant meetingDay(BusinessCalendar calendar, ZoneId zone, LocalDate today, int workingDaysAhead) {
		var day = today;
		var left = workingDaysAhead;
		while (left > 0) {
			day = day.plusDays(1);
			if (calendar.isWorkingDay(day)) {
				left--;
			}
		}
		return day.atTime(LocalTime.of(10, 0)).atZone(zone).toInstant();
	}

	private UUID person(String name) {
		return organisation.people(Role.SA).stream().filter(p -> p.name().equals(name)).map(Person::id).findFirst()
				.orElseThrow(() -> new IllegalStateException("No demo person " + name));
	}

	/** Runs the step as the user, as if they had signed in; whoever was signed in before is back afterwards. */
	private void as(String username, Runnable step) {
		var account = users.findByUsername(username)
				.orElseThrow(() -> new IllegalStateException("No demo login " + username));
		var previous = SecurityContextHolder.getContext();
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(account.username(), null,
				account.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList()));
		SecurityContextHolder.setContext(context);
		try {
			step.run();
		} finally {
			SecurityContextHolder.setContext(previous);
		}
	}
}
