package dev.baton.organisation.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;

import dev.baton.organisation.Circle;

/**
 * A row of {@code circle} with its members and served AEs (by name) folded into two arrays
 * ({@link #COLUMNS}), so a circle is one row of one statement.
 */
final class CircleRowMapper implements RowMapper<Circle> {

	static final CircleRowMapper INSTANCE = new CircleRowMapper();

	/** The select list the mapper reads, for {@code FROM circle c}. */
	static final String COLUMNS = """
			c.*,
			ARRAY(SELECT m.person_id FROM circle_member m JOIN person p ON p.id = m.person_id
			      WHERE m.circle_id = c.id ORDER BY p.name) AS member_ids,
			ARRAY(SELECT s.person_id FROM circle_served_ae s JOIN person p ON p.id = s.person_id
			      WHERE s.circle_id = c.id ORDER BY p.name) AS served_ae_ids
			""";

	@Override
	public Circle mapRow(ResultSet rs, int row) throws SQLException {
		return new Circle(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("board_key"),
				rs.getObject("manager_id", UUID.class), rs.getString("chat_channel"), rs.getString("chat_webhook_url"),
				Sql.uuids(rs.getArray("member_ids")), Sql.uuids(rs.getArray("served_ae_ids")), rs.getInt("version"));
	}
}
