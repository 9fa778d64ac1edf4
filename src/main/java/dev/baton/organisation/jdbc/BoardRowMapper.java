package dev.baton.organisation.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.RowMapper;

import dev.baton.organisation.Board;
import dev.baton.organisation.BusinessCalendar;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A row of {@code board} with its {@code board_holiday} rows folded into a {@code holidays} JSON
 * column ({@link #COLUMNS}); working hours are stored as JSON keyed by ISO weekday number.
 */
final class BoardRowMapper implements RowMapper<Board> {

	/** The select list the mapper reads: the board and its holidays, in one row. */
	static final String COLUMNS = """
			b.*, COALESCE((SELECT json_object_agg(h.day, h.name ORDER BY h.day) FROM board_holiday h
			               WHERE h.board_key = b.key), '{}') AS holidays
			""";

	private static final TypeReference<Map<String, List<String>>> HOURS = new TypeReference<>() {
	};
	private static final TypeReference<Map<String, String>> HOLIDAYS = new TypeReference<>() {
	};

	private final JsonMapper json;

	BoardRowMapper(JsonMapper json) {
		this.json = json;
	}

	@Override
	public Board mapRow(ResultSet rs, int row) throws SQLException {
		Map<String, List<String>> stored = json.readValue(rs.getString("working_hours"), HOURS);
		var hours = new EnumMap<DayOfWeek, BusinessCalendar.WorkingHours>(DayOfWeek.class);
		stored.forEach((day, range) -> hours.put(DayOfWeek.of(Integer.parseInt(day)),
				new BusinessCalendar.WorkingHours(LocalTime.parse(range.get(0)), LocalTime.parse(range.get(1)))));
		var holidays = new TreeMap<LocalDate, String>();
		json.readValue(rs.getString("holidays"), HOLIDAYS).forEach((day, name) -> holidays.put(LocalDate.parse(day), name));
		var calendar = new BusinessCalendar(ZoneId.of(rs.getString("time_zone")), hours, holidays);
		return new Board(rs.getString("key"), rs.getString("name"), rs.getString("region_key"),
				rs.getString("engagement_model"), calendar, rs.getInt("version"));
	}

	String hoursJson(BusinessCalendar calendar) {
		var hours = new TreeMap<String, List<String>>();
		calendar.hours().forEach((day, h) -> hours.put(String.valueOf(day.getValue()),
				List.of(h.start().toString(), h.end().toString())));
		return json.writeValueAsString(hours);
	}
}
