package dev.baton.usage.jdbc;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
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

	/** Stores the events not stored before; answers the keys ({@code source + '\n' + id}) that were new. */
	public List<String> insert(List<UsageEvent> events, Instant now) {
		if (events.isEmpty()) {
			return List.of();
		}
		int n = events.size();
		var sources = new String[n];
		var ids = new String[n];
		var types = new String[n];
		var subjects = new String[n];
		var times = new String[n];
		var data = new String[n];
		var readings = new ArrayList<String[]>();
		for (int i = 0; i < n; i++) {
			var event = events.get(i);
			sources[i] = event.source();
			ids[i] = event.id();
			types[i] = event.type();
			subjects[i] = event.subject();
			times[i] = event.time().toString();
			data[i] = event.data();
			for (var reading : event.readings()) {
				readings.add(new String[] { event.source(), event.id(), reading.meter().value().toString(), event.subject(),
						reading.dimensions(), reading.hour().toString(), reading.day().toString(),
						reading.value().toPlainString(), event.time().toString(), reading.distinctValue() });
			}
		}
		var column = new String[10][readings.size()];
		for (int r = 0; r < readings.size(); r++) {
			for (int c = 0; c < 10; c++) {
				column[c][r] = readings.get(r)[c];
			}
		}
		return jdbc.sql("""
				WITH input AS (
				  SELECT * FROM unnest(CAST(:sources AS text[]), CAST(:ids AS text[]), CAST(:types AS text[]),
				    CAST(:subjects AS text[]), CAST(:times AS timestamptz[]), CAST(:data AS jsonb[]))
				    AS i (source, event_id, type, subject, time, data)
				),
				fresh AS (
				  INSERT INTO usage_event_key (source, event_id, received_at)
				  SELECT source, event_id, :now FROM input ORDER BY source, event_id
				  ON CONFLICT DO NOTHING
				  RETURNING source, event_id
				),
				stored AS (
				  INSERT INTO usage_event (source, event_id, type, subject, time, data, received_at)
				  SELECT i.source, i.event_id, i.type, i.subject, i.time, i.data, :now
				  FROM input i JOIN fresh f ON f.source = i.source AND f.event_id = i.event_id
				),
				readings AS (
				  SELECT r.* FROM unnest(CAST(:rSources AS text[]), CAST(:rIds AS text[]), CAST(:rMeters AS uuid[]),
				    CAST(:rSubjects AS text[]), CAST(:rDimensions AS jsonb[]), CAST(:rHours AS timestamptz[]),
				    CAST(:rDays AS date[]), CAST(:rValues AS numeric[]), CAST(:rTimes AS timestamptz[]), CAST(:rDistinct AS text[]))
				    AS r (source, event_id, meter_id, subject, dimensions, hour, day, value, time, distinct_value)
				  JOIN fresh f ON f.source = r.source AND f.event_id = r.event_id
				),
				hourly AS (
				  INSERT INTO usage_hourly (meter_id, subject, dimensions, hour, events, total, maximum, latest, latest_at)
				  SELECT meter_id, subject, dimensions, hour, count(*), sum(value), max(value),
				    (array_agg(value ORDER BY time DESC, source DESC, event_id DESC))[1], max(time)
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
				SELECT source || chr(10) || event_id FROM fresh""")
				.param("sources", sources).param("ids", ids).param("types", types).param("subjects", subjects)
				.param("times", times).param("data", data).param("now", Timestamp.from(now))
				.param("rSources", column[0]).param("rIds", column[1]).param("rMeters", column[2])
				.param("rSubjects", column[3]).param("rDimensions", column[4]).param("rHours", column[5])
				.param("rDays", column[6]).param("rValues", column[7]).param("rTimes", column[8])
				.param("rDistinct", column[9])
				.query(String.class).list();
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
				      WHERE jsonb_typeof(e.data #> CAST(d.path AS text[])) IN ('string', 'number', 'boolean')), '{}') AS dimensions
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
