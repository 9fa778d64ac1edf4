package dev.baton.usage;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.baton.audit.AuditLog;
import dev.baton.catalog.PriceBookVersionId;
import dev.baton.subscription.SubscriptionId;
import dev.baton.usage.jdbc.UsageRatingRepository;
import dev.baton.usage.jdbc.UsageRatingRepository.Revision;

/**
 * Billing periods of usage and their close. A meter's periods are UTC months; a period closes
 * {@code baton.usage.period-close-grace} after it ends. Closing takes each subject's total of the
 * period (revision 0), with the allowance of its subscription and what is drawn from its packs
 * beyond it, and moves the meter's watermark. Events that arrive for a closed period never change
 * what was taken: the next close finds the period's totals changed and takes a new revision,
 * which belongs on the next period's invoice. Totals are read from the hourly totals, never from
 * raw events; a revision is never updated.
 * <p>
 * The close job runs on every instance; each meter's close holds its watermark row, and another
 * instance skips a meter being closed.
 */
@Service
public class UsagePeriods {

	private static final Logger log = LoggerFactory.getLogger(UsagePeriods.class);

	private final Meters meters;
	private final UsageTotals totals;
	private final UsageRatingRepository repository;
	private final Allowances allowances;
	private final UsageProperties properties;
	private final ApplicationEventPublisher events;
	private final AuditLog audit;
	private final Clock clock;
	private final TransactionTemplate transactions;

	UsagePeriods(Meters meters, UsageTotals totals, UsageRatingRepository repository, Allowances allowances,
			UsageProperties properties, ApplicationEventPublisher events, AuditLog audit, Clock clock,
			PlatformTransactionManager transactionManager) {
		this.meters = meters;
		this.totals = totals;
		this.repository = repository;
		this.allowances = allowances;
		this.properties = properties;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/** The start of the UTC month an instant falls in: the period it belongs to. */
	public static Instant periodOf(Instant instant) {
		return YearMonth.from(instant.atZone(ZoneOffset.UTC)).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
	}

	/** The start of the period after the one starting at {@code periodStart}. */
	public static Instant next(Instant periodStart) {
		return periodStart.atZone(ZoneOffset.UTC).plusMonths(1).toInstant();
	}

	static Instant previous(Instant periodStart) {
		return periodStart.atZone(ZoneOffset.UTC).minusMonths(1).toInstant();
	}

	/** A period as people read it: 2027-03. */
	public static String name(Instant periodStart) {
		return YearMonth.from(periodStart.atZone(ZoneOffset.UTC)).toString();
	}

	/** What one close run did. */
	public record Run(int meters, int periods, int revisions, int late) {
	}

	/** A meter's watermark: the periods closed, when the next closes, and the latest closed periods. */
	public record Watermark(String meterCode, Instant closedThrough, Instant checkedAt, Instant openPeriod,
			Instant nextCloseAt, List<UsageRatingRepository.PeriodSummary> periods) {
	}

	/**
	 * Closes every meter's periods that ended at least the grace ago, and takes new revisions of
	 * closed periods whose totals changed since, each meter in a transaction of its own.
	 */
	public Run closeDue() {
		return closeDue(meters.meters());
	}

	/** As {@link #closeDue()}, for one meter. */
	public Run closeDue(String meterCode) {
		return closeDue(List.of(meters.meter(meterCode)));
	}

	private Run closeDue(List<Meter> due) {
		var now = clock.instant();
		var target = periodOf(now.minus(properties.periodCloseGrace()));
		int closedMeters = 0;
		int periods = 0;
		int revisions = 0;
		int late = 0;
		for (var meter : due) {
			Run run;
			try {
				run = transactions.execute(status -> close(meter, target, now));
			}
			catch (RuntimeException failure) {
				// rolled back whole: the next run closes it; the other meters close now
				log.warn("Usage periods of meter {} were not closed: {}", meter.code(), failure.toString());
				continue;
			}
			if (run != null && run.periods() + run.revisions() > 0) {
				closedMeters++;
				periods += run.periods();
				revisions += run.revisions();
				late += run.late();
			}
		}
		if (closedMeters > 0) {
			log.info("Usage periods closed through {}: {} meters, {} periods, {} revisions ({} late)", name(previous(target)),
					closedMeters, periods, revisions, late);
		}
		return new Run(closedMeters, periods, revisions, late);
	}

	private Run close(Meter meter, Instant target, Instant now) {
		var meterId = meter.id().value();
		var held = repository.lockWatermark(meterId);
		if (held.isEmpty()) {
			return null;
		}
		var watermark = held.get();
		if (watermark.closedThrough() != null && !watermark.closedThrough().isBefore(target)) {
			return null;
		}
		var lastClosedIn = previous(target);
		var from = watermark.closedThrough();
		if (from == null) {
			from = repository.firstHour(meterId).map(UsagePeriods::periodOf).orElse(target);
			from = from.isAfter(target) ? target : from;
		}
		int periods = 0;
		int revisions = 0;
		int late = 0;
		if (from.isBefore(target)) {
			var values = monthly(meter, from, target);
			var counts = repository.eventsBySubjectAndMonth(meterId, from, target);
			for (var key : keys(values, counts)) {
				var subject = key.substring(0, key.lastIndexOf('\n'));
				var period = Instant.parse(key.substring(key.lastIndexOf('\n') + 1));
				take(meter, subject, period, 0, period, values.getOrDefault(key, BigDecimal.ZERO), counts.getOrDefault(key, 0L),
						null, now);
				revisions++;
			}
			for (var p = from; p.isBefore(target); p = next(p)) {
				periods++;
			}
		}
		if (watermark.checkedAt() != null && watermark.closedThrough() != null) {
			// a closed period can have received events while its events were still young enough to be taken in
			var lateFrom = periodOf(watermark.checkedAt().minus(properties.maxEventAge()));
			if (lateFrom.isBefore(watermark.closedThrough())) {
				var values = monthly(meter, lateFrom, watermark.closedThrough());
				var counts = repository.eventsBySubjectAndMonth(meterId, lateFrom, watermark.closedThrough());
				var latest = repository.latestRevisions(meterId, lateFrom, watermark.closedThrough());
				for (var key : keys(values, counts)) {
					var value = values.getOrDefault(key, BigDecimal.ZERO);
					long count = counts.getOrDefault(key, 0L);
					var before = latest.get(key);
					if (before != null && before.value().compareTo(value) == 0 && before.events() == count) {
						continue;
					}
					var subject = key.substring(0, key.lastIndexOf('\n'));
					var period = Instant.parse(key.substring(key.lastIndexOf('\n') + 1));
					take(meter, subject, period, before == null ? 0 : before.revision() + 1, lastClosedIn, value, count, before,
							now);
					revisions++;
					late++;
				}
			}
		}
		repository.moveWatermark(meterId, target, now);
		if (revisions > 0) {
			var firstClosedIn = from.isBefore(target) ? from : lastClosedIn;
			events.publishEvent(new UsagePeriodClosed(meter.code(), firstClosedIn, lastClosedIn, revisions));
		}
		if (periods > 0 || late > 0) {
			audit.recordBySystem("usage.periods-closed", "usage_meter", meterId, "Period close",
					Map.of("meter", meter.code(), "closedThrough", target.toString(), "revisions", revisions, "late", late));
		}
		return new Run(1, periods, revisions, late);
	}

	/**
	 * Takes a revision of a subject's period: the allowance and subscription of revision 0 (worked
	 * out now for a new one), and what is drawn from the subject's packs for usage beyond the
	 * allowance and what packs covered already, oldest pack first: packs bought by the end of the
	 * period that expire after it starts, and only for usage billed on a subscription.
	 */
	private void take(Meter meter, String subject, Instant period, int revision, Instant closedIn, BigDecimal value,
			long count, Revision before, Instant now) {
		BigDecimal allowance;
		BigDecimal prepaid;
		UUID subscription;
		String plan;
		String currency;
		UUID book;
		Integer seats;
		if (before == null) {
			var row = allowances.of(subject, meter.code(), period);
			allowance = row.allowance();
			prepaid = BigDecimal.ZERO;
			subscription = row.subscriptionId();
			plan = row.planCode();
			currency = row.currency();
			book = row.priceBookVersionId();
			seats = row.seats();
		}
		else {
			allowance = before.allowance();
			prepaid = before.prepaid();
			subscription = before.subscriptionId();
			plan = before.planCode();
			currency = before.currency();
			book = before.priceBookVersionId();
			seats = before.seats();
		}
		var beyond = value.subtract(allowance).subtract(prepaid);
		if (beyond.signum() > 0 && subscription != null) {
			var end = next(period);
			for (var pack : repository.packs(subject, meter.code(), true)) {
				if (beyond.signum() <= 0) {
					break;
				}
				// a pack covers the months from the one it was bought in until it expires
				if (!pack.expiresAt().isAfter(period) || !pack.boughtAt().isBefore(end) || pack.balance().signum() <= 0) {
					continue;
				}
				var take = pack.balance().min(beyond);
				repository.draw(pack.id(), period, revision, take, now);
				prepaid = prepaid.add(take);
				beyond = beyond.subtract(take);
			}
		}
		repository.insert(new Revision(meter.id().value(), subject, period, revision, closedIn, value, count, allowance,
				prepaid, subscription, plan, currency, book, seats, now));
	}

	/** Each subject's total per month of [from, to), keyed by subject and month. */
	private Map<String, BigDecimal> monthly(Meter meter, Instant from, Instant to) {
		var values = new HashMap<String, BigDecimal>();
		for (var start = from; start.isBefore(to);) {
			var end = start.atZone(ZoneOffset.UTC).plusYears(4).toInstant();
			end = end.isAfter(to) ? to : end;
			for (var row : totals.totals(new UsageTotals.Query(meter.code(), start, end, UsageTotals.Window.MONTH, null,
					List.of(UsageTotals.SUBJECT))).rows()) {
				values.put(UsageRatingRepository.key(row.subject(), periodOf(row.from())), row.value());
			}
			start = end;
		}
		return values;
	}

	private static List<String> keys(Map<String, BigDecimal> values, Map<String, Long> counts) {
		var keys = new LinkedHashSet<String>(values.keySet());
		keys.addAll(counts.keySet());
		return keys.stream().sorted().toList();
	}

	// reads ------------------------------------------------------------------------------------------

	/** The revisions closed in the periods from {@code from} to {@code to}, inclusive: what billing invoices. */
	@Transactional(readOnly = true)
	public List<ClosedUsage> closedIn(String meterCode, Instant from, Instant to) {
		var meter = meters.meter(meterCode);
		return repository.closedIn(meter.id().value(), from, to).stream().map(pair -> closed(meter, pair)).toList();
	}

	/** A subject's closed usage of periods that started in [from, to), every revision, of every meter. */
	@Transactional(readOnly = true)
	public List<ClosedUsage> ofSubject(String subject, Instant from, Instant to) {
		var byId = new HashMap<UUID, Meter>();
		meters.meters().forEach(m -> byId.put(m.id().value(), m));
		return repository.ofSubject(subject, from, to).stream()
				.map(pair -> closed(byId.get(pair.current().meterId()), pair)).toList();
	}

	/** A meter's watermark and its latest closed periods (newest first), with what arrived late. */
	@Transactional(readOnly = true)
	public Watermark watermark(String meterCode) {
		var meter = meters.meter(meterCode);
		var held = repository.watermark(meter.id().value());
		var closedThrough = held.map(UsageRatingRepository.Watermark::closedThrough).orElse(null);
		var open = closedThrough != null ? closedThrough : periodOf(clock.instant());
		return new Watermark(meter.code(), closedThrough, held.map(UsageRatingRepository.Watermark::checkedAt).orElse(null),
				open, next(open).plus(properties.periodCloseGrace()), repository.periods(meter.id().value(), 24));
	}

	static ClosedUsage closed(Meter meter, UsageRatingRepository.RevisionPair pair) {
		var r = pair.current();
		var p = pair.previous();
		var late = !r.closedIn().equals(r.periodStart());
		var contract = r.subscriptionId() == null ? null
				: new ClosedUsage.Contract(SubscriptionId.of(r.subscriptionId()), r.planCode(), r.currency(),
						r.priceBookVersionId() == null ? null : PriceBookVersionId.of(r.priceBookVersionId()),
						r.seats() == null ? 0 : r.seats());
		return new ClosedUsage(meter.code(), meter.name(), meter.aggregation(), meter.aggregation().unitOf(meter.unit()),
				r.subject(), r.periodStart(), next(r.periodStart()), r.revision(), r.closedIn(), r.value(), r.events(),
				late ? r.events() - (p == null ? 0 : p.events()) : 0, r.allowance(), r.prepaid(), contract,
				p == null ? null : new ClosedUsage.Figures(p.value(), p.events(), p.allowance(), p.prepaid()));
	}

	static List<Instant> periodsBetween(Instant from, Instant to) {
		var periods = new ArrayList<Instant>();
		for (var p = periodOf(from); p.isBefore(to); p = next(p)) {
			periods.add(p);
		}
		return periods;
	}
}
