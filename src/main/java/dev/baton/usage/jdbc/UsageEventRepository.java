package dev.baton.usage.jdbc;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.baton.usage.Meter;
import dev.baton.usage.domain.JsonPointers;
import dev.baton.usage.domain.UsageEvent;

/**
 * Usage events into PostgreSQL, a batch in one statement: the (source, id) of each goes into the
 * key ledger unless it is there already; only the events whose key went in are stored and added to
 * the hourly totals (and to the distinct values of UNIQUE_COUNT meters). Two copies sent at the
 * same moment meet at the ledger's primary key: the second waits for the first and adds nothing.
 * Rows are written in key order, so concurrent batches wait for each other but do not deadlock.
 */
@Repository
public class UsageEventRepository {

	/** A meter's lock key: ingestion holds it shared, a meter being defined holds it alone. */
	public static final long METERS_LOCK = 0x75736167654d4cL;

	private final JdbcClient jdbc;

	UsageEventRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Waits while a meter is being defined (and backfilled), so that no event falls between the
	 * backfill and the meters this batch reads; held until the transaction ends.
	 */
	public void lockMetersShared() {
		jdbc.sql("SELECT pg_advisory_xact_lock_shared(:key)").param("key", METERS_LOCK).query(Object.class).single();
	}

	public void lockMetersExclusive() {
		jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", METERS_LOCK).query(Object.class).single();
	}

	/** Which of the sources are registered and not revoked. */
	public java.util.Set<String> activeSources(java.util.Collection<String> sources) {
		if (sources.isEmpty()) {
			return java.util.Set.of();
		}
		return new java.util.HashSet<>(jdbc.sql("SELECT source FROM usage_source WHERE source = ANY (:sources) AND revoked_at IS NULL")
				.param("sources", sources.toArray(String[]::new)).query(String.class).list());
	}

	/**
	 * Stores the events of one source not stored before, in one statement; answers the ids of those
	 * that were new. Times go as microseconds since the epoch and each reading names its event by
	 * id, so PostgreSQL parses no timestamps and joins on one column.
	 */
	public List<String> insert(String source, List<UsageEvent> events, Instant now) {
		if (events.isEmpty()) {
			return List.of();
		}
		int n = events.size();
		var ids = new String[n];
		var types = new String[n];
		var subjects = new String[n];
		var times = new long[n];
		var data = new String[n];
		int r = 0;
		for (int i = 0; i < n; i++) {
			var event = events.get(i);
			ids[i] = event.id();
			types[i] = event.type();
			subjects[i] = event.subject();
			times[i] = micros(event.time());
			data[i] = event.data();
			r += event.readings().size();
		}
		var rIds = new String[r];
		var rMeters = new String[r];
		var rDimensions = new String[r];
		var rValues = new String[r];
		var rDistinct = new String[r];
		r = 0;
		for (var event : events) {
			for (var reading : event.readings()) {
				rIds[r] = event.id();
				rMeters[r] = reading.meter().value().toString();
				rDimensions[r] = reading.dimensions();
				rValues[r] = reading.value().toPlainString();
				rDistinct[r] = reading.distinctValue();
				r++;
			}
		}
		return jdbc.sql("""
				WITH input AS (
				  SELECT i.event_id, i.type, i.subject, i.data,
				    TIMESTAMPTZ 'epoch' + i.micros * INTERVAL '1 microsecond' AS time
				  FROM unnest(CAST(:ids AS text[]), CAST(:types AS text[]), CAST(:subjects AS text[]),
				    CAST(:times AS bigint[]), CAST(:data AS json[])) AS i (event_id, type, subject, micros, data)
				),
				fresh AS (
				  INSERT INTO usage_event_key (source, event_id, received_at)
				  SELECT :source, event_id, :now FROM input ORDER BY event_id
				  ON CONFLICT DO NOTHING
				  RETURNING event_id
				),
				stored AS (
				  INSERT INTO usage_event (source, event_id, type, subject, time, data, received_at)
				  SELECT :source, i.event_id, i.type, i.subject, i.time, i.data, :now
				  FROM input i JOIN fresh f ON f.event_id = i.event_id
				),
				readings AS (
				  SELECT r.meter_id, i.subject, r.dimensions, date_trunc('hour', i.time, 'UTC') AS hour,
				    CAST(timezone('UTC', i.time) AS date) AS day, r.value, i.time, i.event_id, r.distinct_value
				  FROM unnest(CAST(:rIds AS text[]), CAST(:rMeters AS uuid[]), CAST(:rDimensions AS jsonb[]),
				    CAST(:rValues AS numeric[]), CAST(:rDistinct AS text[]))
				    AS r (event_id, meter_id, dimensions, value, distinct_value)
				  JOIN fresh f ON f.event_id = r.event_id
				  JOIN input i ON i.event_id = r.event_id
				),
				hourly AS (
				  INSERT INTO usage_hourly (meter_id, subject, dimensions, hour, events, total, maximum, latest, latest_at)
				  SELECT meter_id, subject, dimensions, hour, count(*), sum(value), max(value),
				    (array_agg(value ORDER BY time DESC, event_id DESC))[1], max(time)
				  FROM readings GROUP BY meter_id, subject, dimensions, hour
				  ORDER BY meter_id, subject, dimensions, hour
				  ON CONFLICT (meter_id, subject, dimensions, hour) DO UPDATE SET
				    events = usage_hourly.events + EXCLUDED.events,
				    total = usage_hourly.total + EXCLUDED.total,
				    maximum = GREATEST(usage_hourly.maximum, EXCLUDED.maximum),
				    latest = CASE WHEN EXCLUDED.latest_at >= usage_hourly.latest_at THEN EXCLUDED.latest ELSE usage_hourly.latest END,
				    latest_at = GREATEST(usage_hourly.latest_at, EXCLUDED.latest_at)
				),
				uniques AS (
				  INSERT INTO usage_unique (meter_id, subject, dimensions, day, value)
				  SELECT DISTINCT meter_id, subject, dimensions, day, distinct_value FROM readings
				  WHERE distinct_value IS NOT NULL
				  ORDER BY meter_id, subject, dimensions, day, distinct_value
				  ON CONFLICT DO NOTHING
				)
				SELECT event_id FROM fresh""")
				.param("source", source).param("ids", ids).param("types", types).param("subjects", subjects)
				.param("times", times).param("data", data).param("now", Timestamp.from(now))
				.param("rIds", rIds).param("rMeters", rMeters).param("rDimensions", rDimensions).param("rValues", rValues)
				.param("rDistinct", rDistinct)
				.query(String.class).list();
	}

	/** Microseconds since the epoch, PostgreSQL's precision; truncated, so an event never moves into the next month. */
	static long micros(Instant time) {
		return Math.addExact(Math.multiplyExact(time.getEpochSecond(), 1_000_000L), time.getNano() / 1000);
	}

	/**
	 * Counts the events already stored for a meter just defined, as if it had been there when they
	 * arrived: an event that lacks the value the meter reads is left out. Runs under the exclusive
	 * meters lock, so no batch is in between.
	 */
	public void backfill(Meter meter) {
		var valuePath = meter.valueProperty() == null ? null : JsonPointers.path(meter.valueProperty()).toArray(String[]::new);
		var names = meter.dimensions().keySet().toArray(String[]::new);
		var paths = new String[names.length];
		for (int i = 0; i < names.length; i++) {
			// a path as PostgreSQL's text[] literal, read back with CAST(... AS text[])
			paths[i] = toArrayLiteral(JsonPointers.path(meter.dimensions().get(names[i])));
		}
		var read = switch (meter.aggregation()) {
			case COUNT, UNIQUE_COUNT -> "1";
			default -> "CAST(e.data #>> CAST(:valuePath AS text[]) AS numeric)";
		};
		var readable = switch (meter.aggregation()) {
			case COUNT -> "TRUE";
			case UNIQUE_COUNT -> "coalesce(e.data #>> CAST(:valuePath AS text[]), '') <> ''";
			default -> "(e.data #>> CAST(:valuePath AS text[])) ~ '^\\s*[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?\\s*$'";
		};
		var sql = """
				WITH readings AS (
				  SELECT e.source, e.event_id, e.subject, e.time, date_trunc('hour', e.time, 'UTC') AS hour,
				    CAST(timezone('UTC', e.time) AS date) AS day, %s AS value,
				    CASE WHEN :unique THEN left(e.data #>> CAST(:valuePath AS text[]), 200) END AS distinct_value,
				    coalesce((SELECT jsonb_object_agg(d.name, left(e.data #>> CAST(d.path AS text[]), 200))
				      FROM unnest(CAST(:names AS text[]), CAST(:paths AS text[])) AS d (name, path)
				      WHERE json_typeof(e.data #> CAST(d.path AS text[])) IN ('string', 'number', 'boolean')), '{}') AS dimensions
				  FROM usage_event e WHERE e.type = :type AND %s
				),
				hourly AS (
				  INSERT INTO usage_hourly (meter_id, subject, dimensions, hour, events, total, maximum, latest, latest_at)
				  SELECT :meter, subject, dimensions, hour, count(*), sum(value), max(value),
				    (array_agg(value ORDER BY time DESC, source DESC, event_id DESC))[1], max(time)
				  FROM readings GROUP BY subject, dimensions, hour
				)
				INSERT INTO usage_unique (meter_id, subject, dimensions, day, value)
				SELECT DISTINCT :meter, subject, dimensions, day, distinct_value FROM readings WHERE distinct_value IS NOT NULL
				""".formatted(read, readable);
		jdbc.sql(sql).param("meter", meter.id().value()).param("type", meter.eventType())
				.param("valuePath", valuePath == null ? new String[0] : valuePath)
				.param("unique", meter.aggregation() == dev.baton.usage.Aggregation.UNIQUE_COUNT)
				.param("names", names).param("paths", paths).update();
	}

	private static String toArrayLiteral(List<String> tokens) {
		var literal = new StringBuilder("{");
		for (int i = 0; i < tokens.size(); i++) {
			if (i > 0) {
				literal.append(',');
			}
			literal.append('"').append(tokens.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
		}
		return literal.append('}').toString();
	}
}
