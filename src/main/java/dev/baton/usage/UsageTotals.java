package dev.baton.usage;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.baton.platform.BatonException;

/**
 * A meter's totals over a time range, per hour, day or month (or the whole range), optionally for
 * one subject and grouped by subject and dimensions; read from the hourly totals kept as events
 * arrive, never from the raw events. Ranges start and end on whole UTC hours (whole UTC days for
 * UNIQUE_COUNT meters, whose distinct values are kept per day).
 */
@Service
public class UsageTotals {

	public static final String SUBJECT = "subject";

	private final Meters meters;
	private final JdbcClient jdbc;
	private final java.time.Clock clock;
	private final UsageProperties properties;

	UsageTotals(Meters meters, JdbcClient jdbc, java.time.Clock clock, UsageProperties properties) {
		this.meters = meters;
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
	}

	public enum Window {
		HOUR(Duration.ofDays(31)), DAY(Duration.ofDays(366)), MONTH(Duration.ofDays(5 * 366)), NONE(Duration.ofDays(5 * 366));

		private final Duration longestRange;

		Window(Duration longestRange) {
			this.longestRange = longestRange;
		}
	}

	/** What to total: the meter by code, the range (from inclusive, to exclusive), the window, and the grouping. */
	public record Query(String meter, Instant from, Instant to, Window window, String subject, List<String> groupBy) {
	}

	/** One window of one group; subject and dimensions only as grouped by. */
	public record Row(Instant from, Instant to, String subject, Map<String, String> dimensions, BigDecimal value) {
	}

	public record Totals(String meter, Aggregation aggregation, String unit, Instant from, Instant to, Window window,
			List<String> groupBy, List<Row> rows) {
	}

	/** The meter's total for one subject over the range: what billing rates. */
	@Transactional(readOnly = true)
	public BigDecimal total(String meter, String subject, Instant from, Instant to) {
		var rows = totals(new Query(meter, from, to, Window.NONE, subject, List.of())).rows();
		return rows.isEmpty() ? BigDecimal.ZERO : rows.get(0).value();
	}

	@Transactional(readOnly = true)
	public Totals totals(Query query) {
		var meter = meters.meter(query.meter());
		var window = query.window() == null ? Window.DAY : query.window();
		var groupBy = query.groupBy() == null ? List.<String>of() : List.copyOf(new java.util.LinkedHashSet<>(query.groupBy()));
		check(meter, query, window, groupBy);
		if (meter.aggregation() == Aggregation.TIME_WEIGHTED_AVERAGE) {
			return levels(meter, query, window, groupBy);
		}
		var unique = meter.aggregation() == Aggregation.UNIQUE_COUNT;
		var params = new LinkedHashMap<String, Object>();
		params.put("meter", meter.id().value());
		params.put("from", Timestamp.from(query.from()));
		params.put("to", Timestamp.from(query.to()));
		var time = unique ? "(CAST(day AS timestamp) AT TIME ZONE 'UTC')" : "hour";
		var start = switch (window) {
			case HOUR -> time;
			case DAY -> "date_trunc('day', " + time + ", 'UTC')";
			case MONTH -> "date_trunc('month', " + time + ", 'UTC')";
			case NONE -> "CAST(:from AS timestamptz)";
		};
		var columns = new ArrayList<String>();
		for (int i = 0; i < groupBy.size(); i++) {
			if (groupBy.get(i).equals(SUBJECT)) {
				columns.add("subject");
			}
			else {
				columns.add("dimensions ->> CAST(:g" + i + " AS text)");
				params.put("g" + i, groupBy.get(i));
			}
		}
		var value = switch (meter.aggregation()) {
			case SUM -> "sum(total)";
			case COUNT -> "sum(events)";
			case MAX -> "max(maximum)";
			case LATEST -> "(array_agg(latest ORDER BY latest_at DESC))[1]";
			case UNIQUE_COUNT -> "count(DISTINCT value)";
			case TIME_WEIGHTED_AVERAGE -> throw new IllegalStateException("levels are totalled by levels()");
		};
		var where = new StringBuilder("meter_id = :meter AND ");
		where.append(unique ? "day >= CAST(timezone('UTC', CAST(:from AS timestamptz)) AS date)"
				+ " AND day < CAST(timezone('UTC', CAST(:to AS timestamptz)) AS date)" : "hour >= :from AND hour < :to");
		if (query.subject() != null && !query.subject().isBlank()) {
			where.append(" AND subject = :subject");
			params.put("subject", query.subject());
		}
		var selected = new StringBuilder(start).append(" AS window_start");
		var grouping = new StringBuilder("1");
		for (int i = 0; i < columns.size(); i++) {
			selected.append(", ").append(columns.get(i)).append(" AS c").append(i);
			grouping.append(", ").append(i + 2);
		}
		var sql = "SELECT " + selected + ", " + value + " AS value FROM " + (unique ? "usage_unique" : "usage_hourly")
				+ " WHERE " + where + " GROUP BY " + grouping + " ORDER BY " + grouping;
		var rows = jdbc.sql(sql).params(params)
				.query((rs, n) -> row(rs, query, window, groupBy, rs.getBigDecimal("value"))).list();
		return new Totals(meter.code(), meter.aggregation(), meter.unit(), query.from(), query.to(), window, groupBy, rows);
	}

	/**
	 * The totals of a level over time: each hour's latest sample holds from that hour until the next
	 * sample (at most {@code level-holds-for}, and not beyond the current hour), the level before the
	 * range carried into it; each stretch is split at window and month boundaries and weighted by the
	 * hours of its month, so a window's value is in unit-months. Read from the hourly totals only.
	 */
	private Totals levels(Meter meter, Query query, Window window, List<String> groupBy) {
		var params = new LinkedHashMap<String, Object>();
		params.put("meter", meter.id().value());
		params.put("from", Timestamp.from(query.from()));
		var now = clock.instant().truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
		var until = query.to().isAfter(now) ? now : query.to();
		params.put("until", Timestamp.from(until.isBefore(query.from()) ? query.from() : until));
		params.put("hold", properties.levelHoldsFor().toString());
		var step = switch (window) {
			case HOUR -> "hour";
			case DAY -> "day";
			case MONTH, NONE -> "month";
		};
		var bySubject = "";
		if (query.subject() != null && !query.subject().isBlank()) {
			bySubject = " AND subject = :subject";
			params.put("subject", query.subject());
		}
		var start = window == Window.NONE ? "CAST(:from AS timestamptz)" : "timezone('UTC', date_trunc('" + step + "', pa))";
		var selected = new StringBuilder(start).append(" AS window_start");
		var grouping = new StringBuilder("1");
		for (int i = 0; i < groupBy.size(); i++) {
			if (groupBy.get(i).equals(SUBJECT)) {
				selected.append(", subject AS c").append(i);
			}
			else {
				selected.append(", dimensions ->> CAST(:g").append(i).append(" AS text) AS c").append(i);
				params.put("g" + i, groupBy.get(i));
			}
			grouping.append(", ").append(i + 2);
		}
		// times are UTC timestamps without a zone from here on, so that days and months are UTC's
		var sql = """
				WITH samples AS (
				  SELECT subject, dimensions, hour, latest FROM usage_hourly
				  WHERE meter_id = :meter AND hour >= :from AND hour < :until%1$s
				  UNION ALL
				  (SELECT DISTINCT ON (subject, dimensions) subject, dimensions, hour, latest FROM usage_hourly
				   WHERE meter_id = :meter AND hour < :from AND hour >= CAST(:from AS timestamptz) - CAST(:hold AS interval)%1$s
				   ORDER BY subject, dimensions, hour DESC)
				),
				steps AS (
				  SELECT subject, dimensions, latest AS level, timezone('UTC', greatest(hour, :from)) AS a,
				    timezone('UTC', least(lead(hour) OVER (PARTITION BY subject, dimensions ORDER BY hour),
				      hour + CAST(:hold AS interval), :until)) AS b
				  FROM samples
				),
				pieces AS (
				  SELECT s.subject, s.dimensions, s.level, greatest(s.a, w) AS pa, least(s.b, w + interval '1 %2$s') AS pb
				  FROM steps s, generate_series(date_trunc('%2$s', s.a), s.b - interval '1 microsecond', interval '1 %2$s') AS w
				  WHERE s.b > s.a
				)
				SELECT %3$s, round(sum(level * extract(epoch FROM pb - pa)
				  / extract(epoch FROM (date_trunc('month', pa) + interval '1 month') - date_trunc('month', pa))), 6) AS value
				FROM pieces GROUP BY %4$s ORDER BY %4$s""".formatted(bySubject, step, selected, grouping);
		var rows = jdbc.sql(sql).params(params)
				.query((rs, n) -> row(rs, query, window, groupBy, plain(rs.getBigDecimal("value")))).list();
		return new Totals(meter.code(), meter.aggregation(), meter.aggregation().unitOf(meter.unit()), query.from(),
				query.to(), window, groupBy, rows);
	}

	/**
	 * A row as both statements select it: the window's start, then the grouped-by subject and
	 * dimensions as c0, c1 and so on in the order of the grouping.
	 */
	private static Row row(ResultSet rs, Query query, Window window, List<String> groupBy, BigDecimal value)
			throws SQLException {
		var windowStart = rs.getTimestamp("window_start").toInstant();
		String subject = null;
		var dimensions = new LinkedHashMap<String, String>();
		for (int i = 0; i < groupBy.size(); i++) {
			if (groupBy.get(i).equals(SUBJECT)) {
				subject = rs.getString("c" + i);
			}
			else {
				dimensions.put(groupBy.get(i), rs.getString("c" + i));
			}
		}
		var from = windowStart.isBefore(query.from()) ? query.from() : windowStart;
		return new Row(from, end(windowStart, window, query.to()), subject, dimensions.isEmpty() ? null : dimensions,
				value);
	}

	private static BigDecimal plain(BigDecimal value) {
		var stripped = value.stripTrailingZeros();
		return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
	}

	private static Instant end(Instant start, Window window, Instant to) {
		var end = switch (window) {
			case HOUR -> start.plus(1, ChronoUnit.HOURS);
			case DAY -> start.plus(1, ChronoUnit.DAYS);
			case MONTH -> start.atOffset(ZoneOffset.UTC).plusMonths(1).toInstant();
			case NONE -> to;
		};
		return end.isAfter(to) ? to : end;
	}

	private static void check(Meter meter, Query query, Window window, List<String> groupBy) {
		if (query.from() == null) {
			throw BatonException.invalid("from", "is required, a RFC 3339 instant on a whole UTC hour");
		}
		if (query.to() == null) {
			throw BatonException.invalid("to", "is required, a RFC 3339 instant on a whole UTC hour");
		}
		if (!query.to().isAfter(query.from())) {
			throw BatonException.invalid("to", "is after from");
		}
		var unit = meter.aggregation() == Aggregation.UNIQUE_COUNT ? ChronoUnit.DAYS : ChronoUnit.HOURS;
		var whole = unit == ChronoUnit.DAYS ? "a whole UTC day (a UNIQUE_COUNT meter counts per day)" : "a whole UTC hour";
		if (!query.from().truncatedTo(unit).equals(query.from())) {
			throw BatonException.invalid("from", "is " + whole);
		}
		if (!query.to().truncatedTo(unit).equals(query.to())) {
			throw BatonException.invalid("to", "is " + whole);
		}
		if (meter.aggregation() == Aggregation.UNIQUE_COUNT && window == Window.HOUR) {
			throw BatonException.invalid("window", "is DAY, MONTH or NONE for a UNIQUE_COUNT meter");
		}
		if (Duration.between(query.from(), query.to()).compareTo(window.longestRange) > 0) {
			throw BatonException.invalid("to", "is at most " + window.longestRange.toDays() + " days after from with window "
					+ window);
		}
		for (var name : groupBy) {
			if (!name.equals(SUBJECT) && !meter.dimensions().containsKey(name)) {
				throw BatonException.invalid("groupBy", "'" + name + "' is not a dimension of meter " + meter.code()
						+ "; it has " + meter.dimensions().keySet() + " and subject");
			}
		}
	}
}
