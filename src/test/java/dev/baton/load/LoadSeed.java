package dev.baton.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Grows a Baton database to a real team's size, by SQL, for the statement budget tests and the
 * load benchmark: people (three in five SAs in circles of four on the Commercial AMER board, the
 * others AEs those circles serve) and SA requests copied from those already there (the demo's
 * sample requests), 90% done, 8% declined and 2% open with due times well ahead, so the clock
 * watch raises nothing for them, and five opportunities for each AE, 19 in 20 closed. Seeding
 * twice adds twice.
 * <p>
 * Run against a running Baton whose embedded database listens on a known port (see
 * docs/benchmarks.md): {@code ./mvnw -q exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.baton.load.LoadSeed -Dexec.args="jdbc:postgresql://127.0.0.1:15432/postgres 2000 100000"}.
 */
public final class LoadSeed {

	private LoadSeed() {
	}

	public static void main(String[] args) throws SQLException {
		if (args.length != 3) {
			throw new IllegalArgumentException("usage: LoadSeed <jdbc-url> <people> <requests>");
		}
		// the embedded server's superuser; an external database takes user and password in the URL
		try (var connection = DriverManager.getConnection(args[0], System.getProperty("user", "postgres"),
				System.getProperty("password", ""))) {
			var started = System.nanoTime();
			seed(connection, Integer.parseInt(args[1]), Integer.parseInt(args[2]));
			System.out.printf("Seeded %s people and %s requests in %d ms%n", args[1], args[2],
					(System.nanoTime() - started) / 1_000_000);
		}
	}

	/** Adds {@code people} people and {@code requests} SA requests, in one transaction. */
	public static void seed(Connection connection, int people, int requests) throws SQLException {
		var autoCommit = connection.getAutoCommit();
		connection.setAutoCommit(false);
		try (var sql = connection.createStatement()) {
			var batch = "seed" + Long.toString(System.nanoTime(), 36);
			sql.execute("CREATE TEMP TABLE seed_person ON COMMIT DROP AS SELECT g AS n, gen_random_uuid() AS id,"
					+ " g % 5 < 3 AS sa FROM generate_series(1, " + people + ") g");
			sql.execute("""
					INSERT INTO person (id, name, email, title, role, seniority, segment, region_key, time_zone, version)
					SELECT id, 'Load Person %1$s ' || n, 'load-%1$s-' || n || '@load.example',
					       CASE WHEN sa THEN 'Solutions Architect' ELSE 'Account Executive' END,
					       CASE WHEN sa THEN 'SA' ELSE 'AE' END,
					       CASE WHEN sa THEN (ARRAY['ASSOCIATE','SA','SENIOR','STAFF','PRINCIPAL'])[1 + n %% 5] END,
					       CASE WHEN sa THEN NULL ELSE 'MM_FIRST_ORDER' END,
					       'AMER', 'America/Chicago', 0
					FROM seed_person""".formatted(batch));
			sql.execute("""
					INSERT INTO person_skill (person_id, skill, level)
					SELECT id, skill, (ARRAY['BASIC','WORKING','EXPERT'])[1 + n % 3]
					FROM seed_person CROSS JOIN unnest(ARRAY['kubernetes','ci-cd','security']) skill WHERE sa""");
			// circles of four SAs; each serves the AEs whose number falls to it
			sql.execute("""
					CREATE TEMP TABLE seed_circle ON COMMIT DROP AS
					SELECT c AS n, gen_random_uuid() AS id FROM generate_series(0,
					       greatest(0, (SELECT count(*) FROM seed_person WHERE sa)::int - 1) / 4) c""");
			sql.execute("""
					INSERT INTO circle (id, name, board_key, chat_channel, version)
					SELECT id, 'Load Circle %s ' || n, 'commercial-amer', '#load-' || n, 0 FROM seed_circle"""
					.formatted(batch));
			sql.execute("""
					INSERT INTO circle_member (circle_id, person_id)
					SELECT c.id, p.id FROM (SELECT id, row_number() OVER (ORDER BY n) - 1 AS k FROM seed_person WHERE sa) p
					JOIN seed_circle c ON c.n = p.k / 4""");
			sql.execute("""
					INSERT INTO circle_served_ae (circle_id, person_id)
					SELECT c.id, p.id FROM (SELECT id, row_number() OVER (ORDER BY n) - 1 AS k FROM seed_person WHERE NOT sa) p
					JOIN seed_circle c ON c.n = p.k % (SELECT count(*) FROM seed_circle)""");
			copyRequests(connection, requests);
			copyOpportunities(connection, batch);
			spreadClosedRequestsOverDeals(connection);
		}
		catch (SQLException | RuntimeException e) {
			connection.rollback();
			throw e;
		}
		connection.commit();
		connection.setAutoCommit(autoCommit);
	}

	private static void copyRequests(Connection connection, int requests) throws SQLException {
		if (requests == 0) {
			return;
		}
		var columns = columns(connection, "sa_request");
		try (var sql = connection.createStatement()) {
			sql.execute("""
					CREATE TEMP TABLE seed_request ON COMMIT DROP AS
					SELECT row_number() OVER () AS n, s.* FROM generate_series(1, %d) g
					CROSS JOIN LATERAL (SELECT * FROM sa_request ORDER BY id
					                    OFFSET g %% greatest(1, (SELECT count(*) FROM sa_request)) LIMIT 1) s"""
					.formatted(requests));
			// 90% done, 8% declined, 2% open; closed at spread over the last three years; open ones due
			// well ahead. Closed ones keep their SA or get a load SA.
			sql.execute("""
					UPDATE seed_request SET id = gen_random_uuid(), number = 1000000 + n, reference = 'LOAD-' || n,
					  status = CASE WHEN n % 50 < 45 THEN 'DONE' WHEN n % 50 < 49 THEN 'DECLINED' ELSE status END,
					  closed_at = CASE WHEN n % 50 < 49 THEN now() - (n % 1095) * interval '1 day' - interval '1 hour' END,
					  decline_reason = CASE WHEN n % 50 BETWEEN 45 AND 48 THEN 'Routed to the CSM' ELSE decline_reason END,
					  triage_due_at = CASE WHEN n % 50 = 49 THEN now() + interval '30 days' ELSE triage_due_at END,
					  sla_due_at = CASE WHEN n % 50 = 49 THEN now() + interval '40 days' ELSE sla_due_at END,
					  received_at = now() - (n % 1095) * interval '1 day' - interval '2 days',
					  created_at = now() - (n % 1095) * interval '1 day' - interval '2 days',
					  updated_at = now() - (n % 1095) * interval '1 day' - interval '1 hour'""");
			sql.execute("INSERT INTO sa_request (" + String.join(", ", columns) + ") SELECT "
					+ String.join(", ", columns) + " FROM seed_request");
			sql.execute("ANALYZE sa_request");
			sql.execute("ANALYZE person");
		}
	}

	/**
	 * Five opportunities for each seeded AE, copied from the first one there, 19 in 20 closed
	 * (won or lost) over the last three years: the pipeline history the pages must not read whole.
	 */
	private static void copyOpportunities(Connection connection, String batch) throws SQLException {
		var columns = columns(connection, "opportunity");
		try (var sql = connection.createStatement()) {
			sql.execute("""
					CREATE TEMP TABLE seed_opportunity ON COMMIT DROP AS
					SELECT row_number() OVER () AS n, p.id AS seed_owner, o.*
					FROM seed_person p CROSS JOIN generate_series(1, 5) g
					CROSS JOIN (SELECT * FROM opportunity ORDER BY created_at, id LIMIT 1) o
					WHERE NOT p.sa""");
			sql.execute("""
					UPDATE seed_opportunity SET id = gen_random_uuid(), owner_id = seed_owner,
					  external_id = 'LOAD-%1$s-' || n, name = 'Load deal %1$s ' || n,
					  stage = CASE WHEN n %% 20 = 0 THEN 'TECHNICAL_EVALUATION' WHEN n %% 2 = 0 THEN 'CLOSED_WON' ELSE 'CLOSED_LOST' END,
					  close_date = current_date - (n %% 1095)::int + CASE WHEN n %% 20 = 0 THEN 1200 ELSE 0 END,
					  command_plan = '{}'::jsonb""".formatted(batch));
			sql.execute("INSERT INTO opportunity (" + String.join(", ", columns) + ") SELECT " + String.join(", ", columns)
					+ " FROM seed_opportunity");
			sql.execute("ANALYZE opportunity");
		}
	}

	/**
	 * The closed copies worked on deals of their own (the seeded opportunities, in turn), as a
	 * circle's history does: a read that looks up each past request's deal one by one shows here.
	 */
	private static void spreadClosedRequestsOverDeals(Connection connection) throws SQLException {
		try (var sql = connection.createStatement()) {
			sql.execute("""
					WITH deal AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k, count(*) OVER () AS deals
					              FROM opportunity WHERE external_id LIKE 'LOAD-%'),
					     copy AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM sa_request
					              WHERE reference LIKE 'LOAD-%' AND status IN ('DONE', 'DECLINED'))
					UPDATE sa_request r SET opportunity_id = deal.id
					FROM copy JOIN deal ON deal.k = copy.k % deal.deals
					WHERE r.id = copy.id""");
			sql.execute("ANALYZE sa_request");
		}
	}

	private static List<String> columns(Connection connection, String table) throws SQLException {
		var columns = new ArrayList<String>();
		try (var statement = connection.prepareStatement(
				"SELECT column_name FROM information_schema.columns WHERE table_name = ? AND table_schema = current_schema() ORDER BY ordinal_position")) {
			statement.setString(1, table);
			try (var rows = statement.executeQuery()) {
				while (rows.next()) {
					columns.add(rows.getString(1));
				}
			}
		}
		return columns;
	}
}
