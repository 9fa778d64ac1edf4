package dev.baton.assignment.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import dev.baton.assignment.AssignmentProperties;
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
 * Replays a generated quarter of requests against one circle under several assignment policies
 * and prints a comparison table; a benchmark, not a test. The workload comes from a seed, so the
 * same seed gives the same table. Run it (after {@code ./mvnw process-test-classes}) with
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) dev.baton.assignment.ReplaySimulator [seed]};
 * see docs/assignment.md.
 */
public final class ReplaySimulator {

	static final ZoneId ZONE = ZoneId.of("America/Chicago");
	static final BusinessCalendar CALENDAR = BusinessCalendar.standard(ZONE);
	static final String[] SKILLS = { "kubernetes", "aws", "gcp", "azure", "security", "ci-cd", "migration-github",
			"migration-jenkins", "gitaly", "compliance" };
	static final String[] INDUSTRIES = { "Retail", "Healthcare", "Transportation", "Financial Services", "Energy" };
	static final Segment[] SEGMENTS = { Segment.MM_FIRST_ORDER, Segment.MM_NAMED, Segment.SMB_FIRST_ORDER,
			Segment.SMB_NAMED };
	static final List<String> POLICIES = List.of("baton", "round-robin", "least-loaded", "random", "first-free");

	private ReplaySimulator() {
	}

	/** One generated request. */
	record Req(UUID id, LocalDate arrival, LocalDate meeting, List<String> skills, boolean pov, boolean qaOnly,
			boolean strategic, Segment segment, String industry, UUID ae, int businessDaysOpen) {
	}

	/** One generated SA. */
	record Sa(UUID id, String name, Seniority seniority, Map<String, SkillLevel> skills, List<Absence> absences) {
	}

	/** A generated quarter: the circle and its requests in arrival order. */
	record Workload(List<Sa> circle, List<Req> requests, LocalDate start, LocalDate end) {
	}

	/**
	 * What one policy achieved over the quarter.
	 *
	 * @param slaAttainment share of requests whose work started by their SLA due time (2 business
	 * days after arrival, the standard SLA policy) with the SA present on the meeting day
	 * @param meanDaysToAssign business days from arrival to assignment, mean over placed requests
	 * @param meanDaysToStart business days from arrival to the SA starting the work, mean
	 */
	record Result(String policy, int requests, int placed, int unplaced, double skillMatch, double strategicSenior,
			int meetingConflicts, double jain, double maxLoad, double minLoad, double slaAttainment,
			double meanDaysToAssign, double meanDaysToStart) {
	}

	static Workload generate(long seed, int sas) {
		var random = new Random(seed);
		var start = LocalDate.parse("2027-01-04");
		var end = start.plusWeeks(13);
		var circle = new ArrayList<Sa>();
		var seniorities = Seniority.values();
		for (int i = 0; i < sas; i++) {
			var skills = new LinkedHashMap<String, SkillLevel>();
			// a staffed circle: every skill its AEs ask for is known by at least two of its SAs
			for (int k = 0; k < SKILLS.length; k++) {
				if (k % sas == i || (k + 3) % sas == i) {
					skills.put(SKILLS[k], SkillLevel.values()[random.nextInt(3)]);
				}
			}
			var count = 4 + random.nextInt(2);
			while (skills.size() < count) {
				skills.putIfAbsent(SKILLS[random.nextInt(SKILLS.length)], SkillLevel.values()[random.nextInt(3)]);
			}
			var id = new UUID(seed, i);
			var absences = new ArrayList<Absence>();
			var from = start.plusDays(random.nextInt(80));
			var length = 2 + random.nextInt(9);
			absences.add(new Absence(UUID.randomUUID(), id, random.nextInt(4) == 0 ? AbsenceKind.SICK : AbsenceKind.PTO, from,
					from.plusDays(length - 1), null, "sim", Instant.EPOCH));
			circle.add(new Sa(id, "SA " + (i + 1), seniorities[i % seniorities.length], skills, absences));
		}
		var aes = new UUID[8];
		for (int i = 0; i < aes.length; i++) {
			aes[i] = new UUID(seed + 1, i);
		}
		var requests = new ArrayList<Req>();
		int n = 0;
		for (var day = start; day.isBefore(end); day = day.plusDays(1)) {
			if (!CALENDAR.isWorkingDay(day)) {
				continue;
			}
			var burst = (day.getDayOfYear() / 7) % 4 == 1; // every fourth week is a burst
			var arrivals = poisson(random, burst ? 3.0 : 1.4);
			for (int a = 0; a < arrivals; a++) {
				var skills = new ArrayList<String>();
				skills.add(SKILLS[random.nextInt(SKILLS.length)]);
				if (random.nextBoolean()) {
					skills.add(SKILLS[random.nextInt(SKILLS.length)]);
				}
				var pov = random.nextDouble() < 0.15;
				var qa = !pov && random.nextDouble() < 0.3;
				var meeting = nextWorkingDay(day.plusDays(2 + random.nextInt(8)));
				requests.add(new Req(new UUID(seed + 2, n++), day, meeting, skills, pov, qa, random.nextDouble() < 0.2,
						SEGMENTS[random.nextInt(SEGMENTS.length)], INDUSTRIES[random.nextInt(INDUSTRIES.length)],
						aes[random.nextInt(aes.length)], pov ? 15 : qa ? 2 : 6));
			}
		}
		return new Workload(circle, requests, start, end);
	}

	private static int poisson(Random random, double mean) {
		var limit = Math.exp(-mean);
		var product = random.nextDouble();
		int k = 0;
		while (product > limit) {
			product *= random.nextDouble();
			k++;
		}
		return k;
	}

	private static LocalDate nextWorkingDay(LocalDate day) {
		var d = day;
		while (!CALENDAR.isWorkingDay(d)) {
			d = d.plusDays(1);
		}
		return d;
	}

	/** An assignment in the simulation: who, what, since when it is worked on (null while waiting) and until when. */
	private static final class Held {

		final Req request;
		final UUID sa;
		final LocalDate assigned;
		LocalDate started;
		LocalDate until;

		Held(Req request, UUID sa, LocalDate assigned) {
			this.request = request;
			this.sa = sa;
			this.assigned = assigned;
		}

		Req request() {
			return request;
		}

		UUID sa() {
			return sa;
		}
	}

	/** The SLA: work started within the standard 2 business days of arrival. */
	static final int SLA_BUSINESS_DAYS = 2;

	/** Days after the quarter during which no request arrives and the queues drain. */
	static final int DRAIN_DAYS = 40;

	/**
	 * Replays the quarter day by day. Each business day: work that ended leaves; the day's arrivals
	 * join the queue; the policy assigns queued requests (a policy may leave one waiting, to try
	 * again the next day); then every SA present that day starts assigned work in order while their
	 * started load stays within capacity (an SA with nothing started always starts the next item).
	 * Work then runs for its business days. A request meets its SLA when its work started within
	 * {@link #SLA_BUSINESS_DAYS} business days of arrival and its SA is not away on the meeting day.
	 */
	static Result run(String policy, Workload workload, long seed) {
		var properties = properties();
		var recommender = Recommender.standard(properties);
		var capacityPolicy = new CapacityPolicy(properties.capacity());
		var effort = new dev.baton.assignment.domain.Workload(properties.effort());
		var capacity = properties.capacity().unitsPerSa();
		var random = new Random(seed ^ 0x5DEECE66DL);
		var open = new ArrayList<Held>();
		var done = new ArrayList<Held>();
		var queue = new ArrayList<Req>();
		var totals = new HashMap<UUID, Double>();
		var members = new LinkedHashMap<UUID, Set<UUID>>();
		var circleId = new UUID(seed, 999);
		var ids = new ArrayList<UUID>();
		workload.circle().forEach(sa -> ids.add(sa.id()));
		members.put(circleId, Set.copyOf(ids));
		var arrivals = new ArrayList<>(workload.requests());
		int next = 0;
		double maxSum = 0;
		double minSum = 0;
		int days = 0;
		var last = workload.end().plusDays(DRAIN_DAYS);
		for (var today = workload.start(); !today.isAfter(last); today = today.plusDays(1)) {
			if (!CALENDAR.isWorkingDay(today)) {
				continue;
			}
			var day = today;
			for (var it = open.iterator(); it.hasNext();) {
				var h = it.next();
				if (h.until != null && h.until.isBefore(day)) {
					it.remove();
					done.add(h);
				}
			}
			while (!arrivals.isEmpty() && !arrivals.get(0).arrival().isAfter(day)) {
				queue.add(arrivals.remove(0));
			}
			for (var it = queue.iterator(); it.hasNext();) {
				var request = it.next();
				Sa chosen = null;
				switch (policy) {
				case "baton":
					chosen = baton(recommender, capacityPolicy, effort, workload, request, open, done, circleId, members, day);
					break;
				case "round-robin":
					// the rotation skips whoever is away today
					for (int i = 0; i < workload.circle().size() && chosen == null; i++) {
						var sa = workload.circle().get(next++ % workload.circle().size());
						if (!absent(sa, day)) {
							chosen = sa;
						}
					}
					break;
				case "least-loaded":
					for (var sa : workload.circle()) {
						if (!absent(sa, day) && (chosen == null
								|| effort.load(openWork(open, sa.id())) < effort.load(openWork(open, chosen.id())))) {
							chosen = sa;
						}
					}
					break;
				case "random":
					chosen = workload.circle().get(random.nextInt(workload.circle().size()));
					break;
				case "first-free":
					for (var sa : workload.circle()) {
						if (!absent(sa, day) && effort.load(openWork(open, sa.id())) < capacity) {
							chosen = sa;
							break;
						}
					}
					break;
				default:
					throw new IllegalArgumentException(policy);
				}
				if (chosen != null) {
					it.remove();
					open.add(new Held(request, chosen.id(), day));
					totals.merge(chosen.id(), effort.units(work(request, false)), Double::sum);
				}
			}
			for (var sa : workload.circle()) {
				if (absent(sa, day)) {
					continue;
				}
				double started = 0;
				for (var h : open) {
					if (h.sa.equals(sa.id()) && h.started != null) {
						started += effort.units(work(h.request, false));
					}
				}
				for (var h : open) {
					if (h.sa.equals(sa.id()) && h.started == null) {
						var units = effort.units(work(h.request, false));
						if (started > 0 && started + units > capacity) {
							break;
						}
						h.started = day;
						var until = day;
						for (int i = 1; i < h.request.businessDaysOpen(); i++) {
							until = nextWorkingDay(until.plusDays(1));
						}
						h.until = until;
						started += units;
					}
				}
			}
			if (!day.isAfter(workload.end())) {
				double max = 0;
				double min = Double.MAX_VALUE;
				for (var sa : workload.circle()) {
					var load = effort.load(openWork(open, sa.id()));
					max = Math.max(max, load);
					min = Math.min(min, load);
				}
				maxSum += max;
				minSum += min;
				days++;
			}
		}
		var all = new ArrayList<Held>(done);
		all.addAll(open);
		int skillMatch = 0;
		int strategic = 0;
		int strategicSenior = 0;
		int conflicts = 0;
		int attained = 0;
		double toAssign = 0;
		double toStart = 0;
		int startedCount = 0;
		var byId = new HashMap<UUID, Sa>();
		workload.circle().forEach(sa -> byId.put(sa.id(), sa));
		for (var h : all) {
			var request = h.request;
			var who = byId.get(h.sa);
			if (request.skills().stream().anyMatch(s -> who.skills().keySet().stream().anyMatch(k -> SkillMatchScorer.matches(k, s)))) {
				skillMatch++;
			}
			if (request.strategic()) {
				strategic++;
				if (who.seniority().compareTo(Seniority.SENIOR) >= 0) {
					strategicSenior++;
				}
			}
			var conflict = absent(who, request.meeting());
			if (conflict) {
				conflicts++;
			}
			toAssign += businessDays(request.arrival(), h.assigned);
			if (h.started != null) {
				startedCount++;
				toStart += businessDays(request.arrival(), h.started);
				if (!conflict && businessDays(request.arrival(), h.started) <= SLA_BUSINESS_DAYS) {
					attained++;
				}
			}
		}
		double sum = 0;
		double squares = 0;
		for (var sa : workload.circle()) {
			var x = totals.getOrDefault(sa.id(), 0.0);
			sum += x;
			squares += x * x;
		}
		var jain = squares == 0 ? 1 : sum * sum / (workload.circle().size() * squares);
		var n = workload.requests().size();
		var placed = all.size();
		return new Result(policy, n, placed, n - placed, placed == 0 ? 0 : skillMatch / (double) placed,
				strategic == 0 ? 1 : strategicSenior / (double) strategic, conflicts, jain, days == 0 ? 0 : maxSum / days,
				days == 0 ? 0 : minSum / days, n == 0 ? 0 : attained / (double) n, placed == 0 ? 0 : toAssign / placed,
				startedCount == 0 ? 0 : toStart / startedCount);
	}

	/** Business days after {@code from} up to and including {@code to}; 0 on the same day. */
	static int businessDays(LocalDate from, LocalDate to) {
		int n = 0;
		for (var d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
			if (CALENDAR.isWorkingDay(d)) {
				n++;
			}
		}
		return n;
	}

	private static Sa baton(Recommender recommender, CapacityPolicy capacityPolicy, dev.baton.assignment.domain.Workload effort,
			Workload workload, Req request, List<Held> open, List<Held> done, UUID circleId, Map<UUID, Set<UUID>> members,
			LocalDate today) {
		var facts = facts(request, circleId, members, today);
		var candidates = new ArrayList<Candidate>();
		for (var sa : workload.circle()) {
			candidates.add(candidate(sa, circleId, open, done, today, capacityPolicy, effort));
		}
		var outcome = recommender.recommend(facts, "Circle Sim", candidates, List::of, weights());
		if (outcome.ranked().isEmpty()) {
			return null;
		}
		var top = outcome.ranked().get(0);
		// the circle leaves a request on the board rather than pile it on someone with no room
		if (top.loadStatus() == CapacityPolicy.Status.AT_CAPACITY || top.loadStatus() == CapacityPolicy.Status.OUT) {
			return null;
		}
		return workload.circle().stream().filter(sa -> sa.id().equals(top.personId())).findFirst().orElseThrow();
	}

	/**
	 * The Baton policy's weights: the defaults, or {@code -Dsim.weights=skills,experience,seniority,load,fairness,continuity}
	 * to try others.
	 */
	static AssignmentProperties.Weights weights() {
		var given = System.getProperty("sim.weights");
		if (given == null || given.isBlank()) {
			return AssignmentProperties.defaults().weights();
		}
		var w = Arrays.stream(given.split(",")).mapToDouble(Double::parseDouble).toArray();
		return new AssignmentProperties.Weights(w[0], w[1], w[2], w[3], w[4], w[5]);
	}

	/**
	 * The settings of Baton's policy: the defaults, or with {@code -Dsim.fairness-span=20},
	 * {@code -Dsim.skill-threshold=soft|hard} and {@code -Dsim.skill-margin=1} to try others.
	 */
	static AssignmentProperties properties() {
		var d = AssignmentProperties.defaults();
		var span = System.getProperty("sim.fairness-span");
		var threshold = System.getProperty("sim.skill-threshold");
		var margin = System.getProperty("sim.skill-margin");
		var skill = new AssignmentProperties.SkillThreshold(
				threshold == null || threshold.isBlank() ? d.skillThreshold().soft() : threshold.equals("soft"),
				margin == null || margin.isBlank() ? d.skillThreshold().margin() : Double.parseDouble(margin));
		return new AssignmentProperties(d.strategicNetArr(), Duration.ofDays(fairnessDays()),
				d.experienceWindow(), d.workdayStart(), d.workdayEnd(), d.weights(), d.boards(), d.effort(), d.capacity(),
				span == null || span.isBlank() ? d.fairnessSpan() : Double.parseDouble(span), skill);
	}

	/** The fairness window in days: the default, or {@code -Dsim.fairness-days}. */
	static long fairnessDays() {
		var given = System.getProperty("sim.fairness-days");
		return given == null || given.isBlank() ? AssignmentProperties.defaults().fairnessWindow().toDays()
				: Long.parseLong(given);
	}

	static RequestFacts facts(Req request, UUID circleId, Map<UUID, Set<UUID>> members, LocalDate today) {
		var slot = ZonedDateTime.of(request.meeting(), LocalTime.of(10, 0), ZONE).toInstant();
		return new RequestFacts(request.id(), circleId, "sim", CALENDAR, request.ae(), "AE", null, null, false,
				request.industry(), request.segment(), Money.of(request.strategic() ? "150000" : "40000", "USD"),
				request.skills(), Hosting.SAAS, List.of(), List.of(), List.of(new PreferredDate(slot, ZONE)), members, today);
	}

	static Candidate candidate(Sa sa, UUID circleId, List<Held> open, List<Held> done, LocalDate today,
			CapacityPolicy capacityPolicy, dev.baton.assignment.domain.Workload effort) {
		var work = openWork(open, sa.id());
		var recent = 0;
		double recentEffort = 0;
		var history = new ArrayList<Candidate.PastWork>();
		var all = new ArrayList<Held>(done);
		all.addAll(open);
		for (var h : all) {
			if (h.sa().equals(sa.id())) {
				history.add(new Candidate.PastWork(h.request().id(), h.request().ae(), null, h.request().segment(),
						h.request().industry(), List.of(), false));
				if (!h.assigned.isBefore(today.minusDays(fairnessDays()))) {
					recent++;
					recentEffort += effort.units(work(h.request(), false));
				}
			}
		}
		var capacity = capacityPolicy.assess(effort.load(work), sa.absences(), CALENDAR, today);
		return new Candidate(sa.id(), sa.name(), Role.SA, sa.seniority(), ZONE, sa.skills(), circleId, "Circle Sim", false,
				sa.absences(), work, recent, recentEffort, history, capacity);
	}

	private static List<Candidate.OpenWork> openWork(List<Held> held, UUID sa) {
		var work = new ArrayList<Candidate.OpenWork>();
		for (var h : held) {
			if (h.sa().equals(sa)) {
				work.add(work(h.request(), false));
			}
		}
		return work;
	}

	private static Candidate.OpenWork work(Req request, boolean assist) {
		return new Candidate.OpenWork(request.id(), request.pov(), request.qaOnly(), assist);
	}

	private static boolean absent(Sa sa, LocalDate day) {
		return sa.absences().stream().anyMatch(a -> a.covers(day));
	}

	/** Recommendation latency for one request over {@code sas} candidates: median and p99 in microseconds. */
	static double[] latency(long seed, int sas, int rounds) {
		var workload = generate(seed, sas);
		var properties = AssignmentProperties.defaults();
		var recommender = Recommender.standard(properties);
		var capacityPolicy = new CapacityPolicy(properties.capacity());
		var effort = new dev.baton.assignment.domain.Workload(properties.effort());
		var circleId = new UUID(seed, 999);
		var ids = new ArrayList<UUID>();
		workload.circle().forEach(sa -> ids.add(sa.id()));
		var members = Map.<UUID, Set<UUID>>of(circleId, Set.copyOf(ids));
		var candidates = new ArrayList<Candidate>();
		for (var sa : workload.circle()) {
			candidates.add(candidate(sa, circleId, List.of(), List.of(), workload.start(), capacityPolicy, effort));
		}
		var times = new long[rounds];
		for (int i = 0; i < rounds; i++) {
			var request = workload.requests().get(i % workload.requests().size());
			var facts = facts(request, circleId, members, request.arrival());
			var t0 = System.nanoTime();
			recommender.recommend(facts, "Circle Sim", candidates, List::of, properties.weights());
			times[i] = System.nanoTime() - t0;
		}
		var warm = Arrays.copyOfRange(times, rounds / 5, rounds);
		Arrays.sort(warm);
		return new double[] { warm[warm.length / 2] / 1000.0, warm[(int) Math.ceil(warm.length * 0.99) - 1] / 1000.0 };
	}

	static String table(long seed, int sas) {
		var workload = generate(seed, sas);
		var out = new StringBuilder();
		out.append(String.format(Locale.ROOT, "seed %d, %d SAs, %d requests, %s to %s%n%n", seed, sas,
				workload.requests().size(), workload.start(), workload.end()));
		out.append("| policy | SLA attainment | Jain's index (effort) | skill match | days to assign | days to start | strategic with Senior+ | meeting on an absence day | unplaced | mean daily max / min load |\n");
		out.append("|---|---|---|---|---|---|---|---|---|---|\n");
		for (var policy : POLICIES) {
			var r = run(policy, workload, seed);
			out.append(String.format(Locale.ROOT, "| %s | %.1f%% | %.4f | %.0f%% | %.2f | %.2f | %.0f%% | %d | %d | %.1f / %.1f |%n",
					r.policy(), r.slaAttainment() * 100, r.jain(), r.skillMatch() * 100, r.meanDaysToAssign(),
					r.meanDaysToStart(), r.strategicSenior() * 100, r.meetingConflicts(), r.unplaced(), r.maxLoad(),
					r.minLoad()));
		}
		return out.toString();
	}

	public static void main(String[] args) {
		var seed = args.length > 0 ? Long.parseLong(args[0]) : 42L;
		System.out.println(table(seed, 6));
		var latency = latency(seed, 500, 10_000);
		System.out.printf(Locale.ROOT, "recommendation latency, 500 SAs (policies only, no database): median %.0f us, p99 %.0f us%n",
				latency[0], latency[1]);
	}
}
