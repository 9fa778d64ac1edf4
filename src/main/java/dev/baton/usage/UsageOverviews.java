package dev.baton.usage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeSet;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.baton.catalog.Rating;
import dev.baton.platform.Money;
import dev.baton.usage.jdbc.UsageRatingRepository;

/**
 * What a subject (an account's CRM id) used, for the customer's portal and finance: per meter its
 * subscription prices or it used lately, the daily usage of the last 30 days as a chart, this
 * period's usage against its allowance and packs, and the period's charge so far and projected at
 * this month's pace; its packs; the notices sent. Read from the hourly totals and the closed
 * periods, never from raw events.
 */
@Service
public class UsageOverviews {

	static final int DAYS = 30;

	private final Meters meters;
	private final UsageTotals totals;
	private final Allowances allowances;
	private final Entitlements entitlements;
	private final Packs packs;
	private final UsageRatingRepository repository;
	private final UsagePeriods periods;
	private final Clock clock;

	UsageOverviews(Meters meters, UsageTotals totals, Allowances allowances, Entitlements entitlements, Packs packs,
			UsageRatingRepository repository, UsagePeriods periods, Clock clock) {
		this.periods = periods;
		this.meters = meters;
		this.totals = totals;
		this.allowances = allowances;
		this.entitlements = entitlements;
		this.packs = packs;
		this.repository = repository;
		this.clock = clock;
	}

	/** A subject's usage: every meter it is metered on, its packs and the notices of the last periods. */
	public record Overview(String subject, Instant periodStart, Instant periodEnd, List<MeterOverview> meters,
			List<Packs.Balance> packs, List<UsageRatingRepository.Notice> notices) {
	}

	/**
	 * One meter for the subject: the chart of the last days, this period's figures, and the charge
	 * so far and projected (null when no subscription prices the meter).
	 *
	 * @param projected the period's usage at this month's pace (a maximum or latest value as it stands)
	 */
	public record MeterOverview(String code, String name, String unit, Chart chart, BigDecimal used,
			BigDecimal allowance, BigDecimal packs, BigDecimal remaining, boolean priced, String subscriptionNumber,
			Money chargeSoFar, BigDecimal projected, Money projectedCharge, String projectedWords) {
	}

	/** Daily values as bars of a chart 100 high, the tallest full height. */
	public record Chart(String unit, BigDecimal max, List<Bar> bars) {
	}

	/** One day's bar: its value and height (0 to 100) in the chart. */
	public record Bar(LocalDate day, BigDecimal value, double height) {

		public String label() {
			return day + ": " + Rating.number(value);
		}
	}

	/** Writes only the allowances it works out for the first time (kept for the entitlement checks). */
	@Transactional
	public Overview of(String subject) {
		var now = clock.instant();
		var period = UsagePeriods.periodOf(now);
		var codes = new TreeSet<>(allowances.pricedMeters(subject));
		periods.ofSubject(subject, UsagePeriods.previous(UsagePeriods.previous(period)), period)
				.forEach(closed -> codes.add(closed.meterCode()));
		var list = new ArrayList<MeterOverview>();
		for (var code : codes) {
			list.add(meter(subject, meters.meter(code), period, now));
		}
		return new Overview(subject, period, UsagePeriods.next(period), list, packs.of(subject),
				repository.notices(subject, UsagePeriods.previous(period)));
	}

	private MeterOverview meter(String subject, Meter meter, Instant period, Instant now) {
		var state = entitlements.state(subject, meter.code(), now);
		var unit = meter.aggregation().unitOf(meter.unit());
		var resolved = allowances.resolved(subject, meter.code(), period);
		Money soFar = null;
		Money projectedCharge = null;
		String words = null;
		var projected = projection(meter, state.used(), period, now);
		if (resolved.price() != null) {
			soFar = Rating.rate(resolved.price(), state.used(), state.allowance(), state.packs()).amount();
			var rating = Rating.rate(resolved.price(), projected, state.allowance(), state.packs());
			projectedCharge = rating.amount();
			words = rating.words();
		}
		return new MeterOverview(meter.code(), meter.name(), unit, chart(subject, meter, unit, now), state.used(),
				state.allowance(), state.packs(), state.priced() ? state.remaining() : null, state.priced(),
				state.subscriptionNumber(), soFar, projected, projectedCharge, words);
	}

	/** The period's usage at this month's pace: what adds up grows with the time left; a peak or a last value stays. */
	static BigDecimal projection(Meter meter, BigDecimal used, Instant period, Instant now) {
		var grows = meter.aggregation() == Aggregation.SUM || meter.aggregation() == Aggregation.COUNT
				|| meter.aggregation() == Aggregation.TIME_WEIGHTED_AVERAGE;
		var elapsed = Duration.between(period, now).toMinutes();
		var whole = Duration.between(period, UsagePeriods.next(period)).toMinutes();
		if (!grows || elapsed <= 0) {
			return used;
		}
		return used.multiply(BigDecimal.valueOf(whole)).divide(BigDecimal.valueOf(elapsed), 2, RoundingMode.HALF_EVEN);
	}

	private Chart chart(String subject, Meter meter, String unit, Instant now) {
		var today = now.atZone(ZoneOffset.UTC).toLocalDate();
		var from = today.minusDays(DAYS - 1L).atStartOfDay().toInstant(ZoneOffset.UTC);
		var to = today.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
		var values = new LinkedHashMap<LocalDate, BigDecimal>();
		for (int d = 0; d < DAYS; d++) {
			values.put(today.minusDays(DAYS - 1L - d), BigDecimal.ZERO);
		}
		for (var row : totals.totals(new UsageTotals.Query(meter.code(), from, to, UsageTotals.Window.DAY, subject,
				List.of())).rows()) {
			values.put(row.from().atZone(ZoneOffset.UTC).toLocalDate(), row.value());
		}
		var max = values.values().stream().max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
		var bars = new ArrayList<Bar>();
		values.forEach((day, value) -> bars.add(new Bar(day, value, max.signum() == 0 ? 0
				: value.multiply(BigDecimal.valueOf(100)).divide(max, 2, RoundingMode.HALF_EVEN).doubleValue())));
		return new Chart(unit, max, bars);
	}

	/** The subject's closed usage of the last 12 periods, every revision, with what arrived late: for finance. */
	@Transactional(readOnly = true)
	public List<ClosedUsage> closed(String subject) {
		var period = UsagePeriods.periodOf(clock.instant());
		return periods.ofSubject(subject, period.atZone(ZoneOffset.UTC).minusMonths(12).toInstant(), period);
	}
}
