package dev.baton.assignment.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.baton.engagement.Hosting;
import dev.baton.engagement.RequestDetails.PreferredDate;
import dev.baton.identity.Role;
import dev.baton.organisation.Absence;
import dev.baton.organisation.AbsenceKind;
import dev.baton.organisation.BusinessCalendar;
import dev.baton.organisation.Segment;
import dev.baton.organisation.Seniority;
import dev.baton.organisation.SkillLevel;
import dev.baton.platform.Money;

/**
 * Requests and candidates for the policy tests, on a Chicago board on Monday 23 November 2026.
 */
final class Fixtures {

	static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
	static final LocalDate TODAY = LocalDate.parse("2026-11-23");
	static final UUID CIRCLE = UUID.randomUUID();
	static final UUID OTHER_CIRCLE = UUID.randomUUID();
	static final UUID REQUEST = UUID.randomUUID();
	static final UUID AE = UUID.randomUUID();
	static final UUID ACCOUNT = UUID.randomUUID();
	static final BusinessCalendar CALENDAR = BusinessCalendar.standard(CHICAGO);

	private Fixtures() {
	}

	/** A request for Acme Logistics (Transportation, MM First Order, USD 85,000) meeting Wed 2 Dec 15:00 UTC. */
	static RequestFacts request() {
		return request(Money.of("85000", "USD"), false, List.of(slot("2026-12-02T15:00:00Z")), Map.of());
	}

	static RequestFacts request(Money netArr, boolean named, List<PreferredDate> slots, Map<UUID, Set<UUID>> members) {
		return new RequestFacts(REQUEST, CIRCLE, "commercial-amer", CALENDAR, AE, "Alex Morgan", ACCOUNT, "Acme Logistics",
				named, "Transportation", Segment.MM_FIRST_ORDER, netArr, List.of("Merge request approvals", "Kubernetes"),
				Hosting.SELF_MANAGED, List.of("AWS"), List.of("GitHub Enterprise"), slots, members, TODAY);
	}

	static RequestFacts withSlots(RequestFacts r, List<PreferredDate> slots) {
		return new RequestFacts(r.requestId(), r.circleId(), r.boardKey(), r.boardCalendar(), r.requesterId(),
				r.requesterName(), r.accountId(), r.accountName(), r.namedAccount(), r.industry(), r.segment(), r.netArr(),
				r.requiredCapabilities(), r.hosting(), r.cloudVendors(), r.competitors(), slots, r.circleMembers(), r.today());
	}

	static RequestFacts withCalendar(RequestFacts r, BusinessCalendar calendar) {
		return new RequestFacts(r.requestId(), r.circleId(), r.boardKey(), calendar, r.requesterId(),
				r.requesterName(), r.accountId(), r.accountName(), r.namedAccount(), r.industry(), r.segment(), r.netArr(),
				r.requiredCapabilities(), r.hosting(), r.cloudVendors(), r.competitors(), r.preferredDates(),
				r.circleMembers(), r.today());
	}

	static RequestFacts withMembers(RequestFacts r, Map<UUID, Set<UUID>> members) {
		return new RequestFacts(r.requestId(), r.circleId(), r.boardKey(), r.boardCalendar(), r.requesterId(),
				r.requesterName(), r.accountId(), r.accountName(), r.namedAccount(), r.industry(), r.segment(), r.netArr(),
				r.requiredCapabilities(), r.hosting(), r.cloudVendors(), r.competitors(), r.preferredDates(), members,
				r.today());
	}

	static PreferredDate slot(String instant) {
		return new PreferredDate(Instant.parse(instant), ZoneId.of("America/New_York"));
	}

	static Absence absence(UUID person, AbsenceKind kind, String from, String to) {
		return new Absence(UUID.randomUUID(), person, kind, LocalDate.parse(from), LocalDate.parse(to), null, "test",
				Instant.parse("2026-11-01T00:00:00Z"));
	}

	static BigDecimal threshold() {
		return new BigDecimal("100000");
	}

	/** A candidate under construction; every field has a plain default. */
	static final class SaBuilder {

		UUID id = UUID.randomUUID();
		String name;
		Role role = Role.SA;
		Seniority seniority = Seniority.SA;
		ZoneId zone = CHICAGO;
		Map<String, SkillLevel> skills = Map.of();
		UUID circle = CIRCLE;
		boolean otherCircle;
		List<Absence> absences = new ArrayList<>();
		List<Candidate.OpenWork> work = new ArrayList<>();
		int recent;
		double recentEffort;
		List<Candidate.PastWork> history = new ArrayList<>();
		CapacityPolicy.Status status = CapacityPolicy.Status.AVAILABLE;

		SaBuilder(String name) {
			this.name = name;
		}

		SaBuilder seniority(Seniority value) {
			seniority = value;
			return this;
		}

		SaBuilder role(Role value) {
			role = value;
			return this;
		}

		SaBuilder zone(String value) {
			zone = ZoneId.of(value);
			return this;
		}

		SaBuilder skills(Map<String, SkillLevel> value) {
			skills = value;
			return this;
		}

		SaBuilder otherCircle() {
			circle = OTHER_CIRCLE;
			otherCircle = true;
			return this;
		}

		SaBuilder circle(UUID value) {
			circle = value;
			return this;
		}

		SaBuilder away(AbsenceKind kind, String from, String to) {
			absences.add(absence(id, kind, from, to));
			return this;
		}

		SaBuilder work(boolean pov, boolean qaOnly, boolean assist) {
			work.add(new Candidate.OpenWork(UUID.randomUUID(), pov, qaOnly, assist));
			return this;
		}

		SaBuilder recent(int value) {
			recent = value;
			recentEffort = value;
			return this;
		}

		SaBuilder past(UUID requester, UUID account, Segment segment, String industry, List<String> competitors) {
			history.add(new Candidate.PastWork(UUID.randomUUID(), requester, account, segment, industry, competitors, false));
			return this;
		}

		SaBuilder status(CapacityPolicy.Status value) {
			status = value;
			return this;
		}

		Candidate build() {
			var capacity = new CapacityPolicy.Capacity(work.size(), 6, Math.max(0, 6 - work.size()), 10, 0, 0, false, status,
					List.of());
			return new Candidate(id, name, role, seniority, zone, skills, circle, otherCircle ? "Circle Rainier"
					: "Circle Cascade", otherCircle, absences, work, recent, recentEffort, history, capacity);
		}
	}

	static SaBuilder sa(String name) {
		return new SaBuilder(name);
	}
}
