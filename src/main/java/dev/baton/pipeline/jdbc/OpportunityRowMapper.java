package dev.baton.pipeline.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;

import dev.baton.organisation.Segment;
import dev.baton.pipeline.CommandPlan;
import dev.baton.pipeline.Opportunity;
import dev.baton.pipeline.Stage;
import dev.baton.pipeline.SubscriptionType;
import dev.baton.platform.Money;
import tools.jackson.databind.json.JsonMapper;

/** A row of {@code opportunity}, its command plan read from JSON. */
final class OpportunityRowMapper implements RowMapper<Opportunity> {

	private final JsonMapper json;

	OpportunityRowMapper(JsonMapper json) {
		this.json = json;
	}

	@Override
	public Opportunity mapRow(ResultSet rs, int row) throws SQLException {
		return new Opportunity(rs.getObject("id", UUID.class), rs.getString("external_id"),
				rs.getObject("account_id", UUID.class), rs.getString("name"), rs.getObject("owner_id", UUID.class),
				Segment.valueOf(rs.getString("segment")), rs.getString("business_unit"), rs.getString("region_key"),
				Stage.valueOf(rs.getString("stage")),
				Money.of(rs.getBigDecimal("net_arr_amount"), rs.getString("net_arr_currency").strip()),
				rs.getObject("close_date", LocalDate.class), SubscriptionType.valueOf(rs.getString("subscription_type")),
				rs.getString("forecast_category"), json.readValue(rs.getString("command_plan"), CommandPlan.class),
				rs.getInt("version"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}
}
