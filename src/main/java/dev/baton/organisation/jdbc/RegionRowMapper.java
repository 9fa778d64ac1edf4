package dev.baton.organisation.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;

import org.springframework.jdbc.core.RowMapper;

import dev.baton.organisation.Region;

/** A row of {@code region}. */
final class RegionRowMapper implements RowMapper<Region> {

	static final RegionRowMapper INSTANCE = new RegionRowMapper();

	@Override
	public Region mapRow(ResultSet rs, int row) throws SQLException {
		return new Region(rs.getString("key"), rs.getString("name"));
	}
}
