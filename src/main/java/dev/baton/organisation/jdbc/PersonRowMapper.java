package dev.baton.organisation.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;

import dev.baton.identity.Role;
import dev.baton.organisation.Person;
import dev.baton.organisation.Segment;
import dev.baton.organisation.Seniority;
import dev.baton.organisation.SkillLevel;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A row of {@code person} with its {@code person_skill} rows folded into a {@code skills} JSON
 * column ({@link #COLUMNS}), so a person and their skills are one row of one statement.
 */
final class PersonRowMapper implements RowMapper<Person> {

	/** The select list the mapper reads, for {@code FROM person p}. */
	static final String COLUMNS = """
			p.*, COALESCE((SELECT json_object_agg(s.skill, s.level ORDER BY s.skill) FROM person_skill s
			               WHERE s.person_id = p.id), '{}') AS skills
			""";

	private static final TypeReference<LinkedHashMap<String, String>> SKILLS = new TypeReference<>() {
	};

	private final JsonMapper json;

	PersonRowMapper(JsonMapper json) {
		this.json = json;
	}

	@Override
	public Person mapRow(ResultSet rs, int row) throws SQLException {
		var seniority = rs.getString("seniority");
		var segment = rs.getString("segment");
		var skills = new LinkedHashMap<String, SkillLevel>();
		json.readValue(rs.getString("skills"), SKILLS).forEach((skill, level) -> skills.put(skill, SkillLevel.valueOf(level)));
		return new Person(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class), rs.getString("name"),
				rs.getString("email"), rs.getString("title"), Role.valueOf(rs.getString("role")),
				seniority == null ? null : Seniority.valueOf(seniority), segment == null ? null : Segment.valueOf(segment),
				rs.getString("region_key"), ZoneId.of(rs.getString("time_zone")), rs.getObject("manager_id", UUID.class),
				(Map<String, SkillLevel>) skills, rs.getInt("version"));
	}
}
