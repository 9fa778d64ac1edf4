package dev.baton.usage;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.stereotype.Service;

import dev.baton.catalog.Rating;
import dev.baton.platform.BatonException;
import dev.baton.platform.Decision;
import dev.baton.usage.jdbc.UsageRatingRepository;

/**
 * Answers whether a subject may use more of a feature (a meter's units) now: what its allowance and
 * packs leave of this period, read in one statement from the allowance kept per period, the packs
 * and the hourly totals (the allowance is worked out once per period and kept, see
 * {@link Allowances}). Cheap enough for the product to ask on every CI job start. A check that
 * finds a notice threshold newly crossed raises the notice.
 */
@Service
public class Entitlements {

	private final UsageRatingRepository repository;
	private final Allowances allowances;
	private final UsageTotals totals;
	private final UsageNotices notices;
	private final Meters meters;
	private final Clock clock;

	Entitlements(UsageRatingRepository repository, Allowances allowances, UsageTotals totals, UsageNotices notices,
			Meters meters, Clock clock) {
		this.meters = meters;
		this.repository = repository;
		this.allowances = allowances;
		this.totals = totals;
		this.notices = notices;
		this.clock = clock;
	}

	/** What the check worked out, before it is put in words: for the notices and the pages too. */
	record State(String subject, Meter meter, Instant period, BigDecimal allowance, BigDecimal packs, BigDecimal used,
			String subscriptionNumber, boolean priced, Integer notified) {

		BigDecimal available() {
			return allowance.add(packs);
		}

		BigDecimal remaining() {
			return available().subtract(used);
		}
	}

	/** Whether {@code subject} may use more of the meter {@code feature} now. */
	public Entitlement check(String subject, String feature) {
		if (subject == null || subject.isBlank() || subject.length() > 200) {
			throw BatonException.invalid("subject", "names who the usage belongs to (the account's CRM id), 1 to 200 characters");
		}
		var state = state(subject, feature, clock.instant());
		notices.raiseIfCrossed(state);
		return answer(state);
	}

	State state(String subject, String feature, Instant now) {
		var period = UsagePeriods.periodOf(now);
		var row = repository.entitlement(subject, feature, period, now)
				.orElseThrow(() -> BatonException.notFound("Meter", feature));
		var meter = new Meter(MeterId.of(row.meterId()), row.code(), row.name(), null, Aggregation.valueOf(row.aggregation()),
				null, java.util.Map.of(), row.unit(), null, null, null);
		var allowance = row.allowance();
		var subscription = row.subscriptionId();
		var number = row.subscriptionNumber();
		if (allowance == null) {
			var worked = allowances.of(subject, feature, period);
			allowance = worked.allowance();
			subscription = worked.subscriptionId();
			number = worked.subscriptionNumber();
		}
		var used = row.used();
		if (used == null) {
			used = totals.total(feature, subject, period, nextUnit(meter, now));
		}
		return new State(subject, meter, period, allowance, row.packs(), used, number, subscription != null,
				row.notified());
	}

	private Entitlement answer(State state) {
		var meter = state.meter();
		var unit = meter.aggregation().unitOf(meter.unit());
		var month = UsagePeriods.name(state.period());
		var next = UsagePeriods.next(state.period());
		if (!state.priced()) {
			var refusal = Decision.refused(UsageRule.ENTITLEMENT_NOT_IN_PLAN, state.subject() + " has no subscription with a"
					+ " metered price for " + meter.name() + " (" + meter.code() + ")");
			return new Entitlement(state.subject(), meter.code(), false, null, unit, refusal.reasons(), violations(refusal),
					state.period(), next, BigDecimal.ZERO, state.packs(), state.used(), null);
		}
		var remaining = state.remaining();
		var available = Rating.number(state.available()) + " " + unit + " for " + month + " ("
				+ Rating.number(state.allowance()) + " included, " + Rating.number(state.packs()) + " in packs)";
		if (remaining.signum() <= 0) {
			var refusal = Decision.refused(UsageRule.ENTITLEMENT_EXHAUSTED, meter.name() + ": nothing left of " + available
					+ "; " + Rating.number(state.used()) + " used. Buy a pack, or wait for " + next.toString().substring(0, 10));
			return new Entitlement(state.subject(), meter.code(), false, remaining, unit, refusal.reasons(),
					violations(refusal), state.period(), next, state.allowance(), state.packs(), state.used(),
					state.subscriptionNumber());
		}
		return new Entitlement(state.subject(), meter.code(), true, remaining, unit,
				meter.name() + ": " + Rating.number(remaining) + " left of " + available, List.of(), state.period(), next,
				state.allowance(), state.packs(), state.used(), state.subscriptionNumber());
	}

	private static List<Entitlement.Violation> violations(Decision decision) {
		return decision.refusals().stream().map(r -> new Entitlement.Violation(r.rule().id(), r.reason())).toList();
	}

	/**
	 * The notice job: every subject that used a metered meter lately is checked as an entitlement
	 * check would, and told of a threshold newly crossed; so notices go out also to a product that
	 * never asks. Answers the subjects checked.
	 */
	public int noticeSweep(java.time.Duration lookBack) {
		var now = clock.instant();
		int checked = 0;
		for (var meter : meters.meters()) {
			if (meter.isArchived()) {
				continue;
			}
			var since = now.minus(lookBack).truncatedTo(ChronoUnit.HOURS);
			var period = UsagePeriods.periodOf(now);
			for (var subject : repository.subjectsActiveSince(meter.id().value(), since.isBefore(period) ? period : since)) {
				var state = state(subject, meter.code(), now);
				notices.raiseIfCrossed(state);
				checked++;
			}
		}
		return checked;
	}

	/** Distinct values are kept per day, so a UNIQUE_COUNT meter is totalled in whole days; others in hours. */
	private static Instant nextUnit(Meter meter, Instant now) {
		var unit = meter.aggregation() == Aggregation.UNIQUE_COUNT ? ChronoUnit.DAYS : ChronoUnit.HOURS;
		return now.truncatedTo(unit).plus(1, unit);
	}
}
