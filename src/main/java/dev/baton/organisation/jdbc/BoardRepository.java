package dev.baton.organisation.jdbc;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.baton.organisation.Board;
import dev.baton.organisation.BusinessCalendar;
import tools.jackson.databind.json.JsonMapper;

/**
 * Boards and their calendars (zone, working hours, holidays) in PostgreSQL. Updates name the
 * version they read; a stale one changes nothing and reports false.
 */
@Repository
public class BoardRepository {

	private final JdbcClient jdbc;
	private final BoardRowMapper rows = new BoardRowMapper(JsonMapper.builder().build());

	BoardRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(Board board) {
		jdbc.sql("""
				INSERT INTO board (key, name, region_key, engagement_model, time_zone, working_hours, version)
				VALUES (:key, :name, :region, :model, :zone, CAST(:hours AS jsonb), 0)
				""")
				.param("key", board.key()).param("name", board.name()).param("region", board.regionKey())
				.param("model", board.engagementModel()).param("zone", board.calendar().zone().getId())
				.param("hours", rows.hoursJson(board.calendar())).update();
		insertHolidays(board.key(), board.calendar());
	}

	private void insertHolidays(String key, BusinessCalendar calendar) {
		calendar.holidays().forEach((day, name) -> jdbc
				.sql("INSERT INTO board_holiday (board_key, day, name) VALUES (:board, :day, :name)")
				.param("board", key).param("day", day).param("name", name).update());
	}

	public List<Board> boards() {
		return jdbc.sql("SELECT " + BoardRowMapper.COLUMNS + " FROM board b ORDER BY b.key").query(rows).list();
	}

	/** One board with its calendar, in one statement. */
	public Optional<Board> board(String key) {
		return jdbc.sql("SELECT " + BoardRowMapper.COLUMNS + " FROM board b WHERE b.key = :key").param("key", key)
				.query(rows).optional();
	}

	/** Changes name and engagement model if the stored version is {@code expected}; false if it is not. */
	public boolean update(String key, String name, String engagementModel, int expected) {
		return jdbc.sql("""
				UPDATE board SET name = :name, engagement_model = :model, version = version + 1
				WHERE key = :key AND version = :expected
				""")
				.param("name", name).param("model", engagementModel).param("key", key).param("expected", expected)
				.update() == 1;
	}

	/** Replaces the calendar (zone, hours, every holiday) if the stored version is {@code expected}. */
	public boolean updateCalendar(String key, BusinessCalendar calendar, int expected) {
		var updated = jdbc.sql("""
				UPDATE board SET time_zone = :zone, working_hours = CAST(:hours AS jsonb), version = version + 1
				WHERE key = :key AND version = :expected
				""")
				.param("zone", calendar.zone().getId()).param("hours", rows.hoursJson(calendar)).param("key", key)
				.param("expected", expected).update() == 1;
		if (updated) {
			jdbc.sql("DELETE FROM board_holiday WHERE board_key = :key").param("key", key).update();
			insertHolidays(key, calendar);
		}
		return updated;
	}

	/** Sets one holiday (adding or renaming it) if the board's stored version is {@code expected}. */
	public boolean putHoliday(String key, LocalDate day, String name, int expected) {
		if (!bump(key, expected)) {
			return false;
		}
		jdbc.sql("""
				INSERT INTO board_holiday (board_key, day, name) VALUES (:board, :day, :name)
				ON CONFLICT (board_key, day) DO UPDATE SET name = EXCLUDED.name
				""")
				.param("board", key).param("day", day).param("name", name).update();
		return true;
	}

	/** Removes one holiday if the board's stored version is {@code expected}. */
	public boolean removeHoliday(String key, LocalDate day, int expected) {
		if (!bump(key, expected)) {
			return false;
		}
		jdbc.sql("DELETE FROM board_holiday WHERE board_key = :board AND day = :day").param("board", key)
				.param("day", day).update();
		return true;
	}

	private boolean bump(String key, int expected) {
		return jdbc.sql("UPDATE board SET version = version + 1 WHERE key = :key AND version = :expected")
				.param("key", key).param("expected", expected).update() == 1;
	}
}
