package dev.baton.pipeline.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;

import dev.baton.pipeline.Account;

/** A row of {@code account}. */
final class AccountRowMapper implements RowMapper<Account> {

	static final AccountRowMapper INSTANCE = new AccountRowMapper();

	@Override
	public Account mapRow(ResultSet rs, int row) throws SQLException {
		return new Account(rs.getObject("id", UUID.class), rs.getString("external_id"), rs.getString("name"),
				rs.getString("industry"), rs.getString("region_key"), rs.getBoolean("named"), rs.getInt("version"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}
}
