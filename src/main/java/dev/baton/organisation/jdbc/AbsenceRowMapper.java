package dev.baton.organisation.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;

import dev.baton.organisation.Absence;
import dev.baton.organisation.AbsenceKind;

/** A row of {@code absence}. */
final class AbsenceRowMapper implements RowMapper<Absence> {

	static final AbsenceRowMapper INSTANCE = new AbsenceRowMapper();

	@Override
	public Absence mapRow(ResultSet rs, int row) throws SQLException {
		return new Absence(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
				AbsenceKind.valueOf(rs.getString("kind")), rs.getObject("start_date", LocalDate.class),
				rs.getObject("end_date", LocalDate.class), rs.getString("note"), rs.getString("created_by"),
				rs.getTimestamp("created_at").toInstant());
	}
}
