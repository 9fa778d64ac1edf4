package dev.baton.pipeline.jdbc;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.baton.organisation.Segment;
import dev.baton.pipeline.AccountId;
import dev.baton.pipeline.Opportunity;
import dev.baton.pipeline.OpportunityId;
import dev.baton.pipeline.Stage;
import tools.jackson.databind.json.JsonMapper;

/** Opportunities in PostgreSQL, keyed by Baton's id and by the CRM's; the command plan is JSON. */
@Repository
public class OpportunityRepository {

	private static final String INSERT = """
			INSERT INTO opportunity (id, external_id, account_id, name, owner_id, segment, business_unit, region_key,
			                         stage, net_arr_amount, net_arr_currency, close_date, subscription_type,
			                         forecast_category, command_plan, version, created_at, updated_at)
			VALUES (:id, :externalId, :accountId, :name, :ownerId, :segment, :businessUnit, :region, :stage,
			        :amount, :currency, :closeDate, :subscriptionType, :forecast, CAST(:commandPlan AS jsonb), 0,
			        :createdAt, :updatedAt)
			""";

	/** The list filter, defined once for the page and its count. */
	private static final String MATCHES_FILTER = """
			WHERE (CAST(:owner AS uuid) IS NULL OR owner_id = :owner)
			  AND (CAST(:stage AS text) IS NULL OR stage = :stage)
			  AND (CAST(:segment AS text) IS NULL OR segment = :segment)
			""";

	private final JdbcClient jdbc;
	private final JsonMapper json = JsonMapper.builder().build();
	private final OpportunityRowMapper rows = new OpportunityRowMapper(json);

	OpportunityRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Which opportunities a list shows; null parts match everything. */
	public record Filter(UUID ownerId, Stage stage, Segment segment) {
	}

	public void insert(Opportunity opportunity) {
		statement(INSERT, opportunity).param("createdAt", Timestamp.from(opportunity.createdAt())).update();
	}

	/** Inserts an opportunity unless one with its external id exists; false when one did. */
	public boolean insertIfAbsent(Opportunity opportunity) {
		return statement(INSERT + "ON CONFLICT (external_id) DO NOTHING", opportunity)
				.param("createdAt", Timestamp.from(opportunity.createdAt())).update() == 1;
	}

	/** Changes every CRM field of an opportunity if its stored version is {@code expected}. */
	public boolean update(Opportunity opportunity, int expected) {
		return statement("""
				UPDATE opportunity SET account_id = :accountId, name = :name, owner_id = :ownerId, segment = :segment,
				       business_unit = :businessUnit, region_key = :region, stage = :stage, net_arr_amount = :amount,
				       net_arr_currency = :currency, close_date = :closeDate, subscription_type = :subscriptionType,
				       forecast_category = :forecast, command_plan = CAST(:commandPlan AS jsonb),
				       version = version + 1, updated_at = :updatedAt
				WHERE id = :id AND external_id = :externalId AND version = :expected
				""", opportunity).param("expected", expected).update() == 1;
	}

	private JdbcClient.StatementSpec statement(String sql, Opportunity opportunity) {
		return jdbc.sql(sql)
				.param("id", opportunity.id()).param("externalId", opportunity.externalId())
				.param("accountId", opportunity.accountId()).param("name", opportunity.name())
				.param("ownerId", opportunity.ownerId()).param("segment", opportunity.segment().name())
				.param("businessUnit", opportunity.businessUnit()).param("region", opportunity.regionKey())
				.param("stage", opportunity.stage().name()).param("amount", opportunity.netArr().amount())
				.param("currency", opportunity.netArr().currency().getCurrencyCode())
				.param("closeDate", opportunity.closeDate())
				.param("subscriptionType", opportunity.subscriptionType().name())
				.param("forecast", opportunity.forecastCategory())
				.param("commandPlan", json.writeValueAsString(opportunity.commandPlan()))
				.param("updatedAt", Timestamp.from(opportunity.updatedAt()));
	}

	/** The opportunity with a CRM id; {@code lock} holds its row until the transaction ends. */
	public Optional<Opportunity> opportunityByExternalId(String externalId, boolean lock) {
		return jdbc.sql("SELECT * FROM opportunity WHERE external_id = :externalId" + (lock ? " FOR UPDATE" : ""))
				.param("externalId", externalId).query(rows).optional();
	}

	public List<Opportunity> opportunities(Collection<OpportunityId> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT * FROM opportunity WHERE id IN (:ids)")
				.param("ids", ids.stream().map(OpportunityId::value).toList()).query(rows).list();
	}

	/** The opportunities among these ids, each with its account, in one statement. */
	public List<dev.baton.pipeline.Pipeline.OpportunityAndAccount> opportunitiesWithAccounts(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT o.*, a.id AS account_id_, a.external_id AS account_external_id, a.name AS account_name,
				       a.industry AS account_industry, a.region_key AS account_region_key, a.named AS account_named,
				       a.version AS account_version, a.created_at AS account_created_at, a.updated_at AS account_updated_at
				FROM opportunity o JOIN account a ON a.id = o.account_id WHERE o.id = ANY(:ids)
				""").param("ids", ids.toArray(UUID[]::new))
				.query((rs, n) -> new dev.baton.pipeline.Pipeline.OpportunityAndAccount(rows.mapRow(rs, n),
						new dev.baton.pipeline.Account(rs.getObject("account_id_", UUID.class),
								rs.getString("account_external_id"), rs.getString("account_name"),
								rs.getString("account_industry"), rs.getString("account_region_key"),
								rs.getBoolean("account_named"), rs.getInt("account_version"),
								rs.getTimestamp("account_created_at").toInstant(),
								rs.getTimestamp("account_updated_at").toInstant())))
				.list();
	}

	public List<UUID> opportunityIds(Segment segment) {
		return jdbc.sql("SELECT id FROM opportunity WHERE segment = :segment").param("segment", segment.name())
				.query(UUID.class).list();
	}

	public List<Opportunity> opportunities(Filter filter, long offset, int limit) {
		return filtered("SELECT * FROM opportunity " + MATCHES_FILTER + "ORDER BY close_date, name LIMIT :limit OFFSET :offset",
				filter).param("limit", limit).param("offset", offset).query(rows).list();
	}

	public long countOpportunities(Filter filter) {
		return filtered("SELECT count(*) FROM opportunity " + MATCHES_FILTER, filter).query(Long.class).single();
	}

	private JdbcClient.StatementSpec filtered(String sql, Filter filter) {
		return jdbc.sql(sql).param("owner", filter.ownerId())
				.param("stage", filter.stage() == null ? null : filter.stage().name())
				.param("segment", filter.segment() == null ? null : filter.segment().name());
	}

	public List<Opportunity> opportunitiesOfAccount(AccountId accountId) {
		return jdbc.sql("SELECT * FROM opportunity WHERE account_id = :account ORDER BY updated_at DESC, id")
				.param("account", accountId.value()).query(rows).list();
	}

	/** The opportunities not closed (won or lost): the pipeline being worked, which history does not grow. */
	public List<Opportunity> openOpportunities() {
		return jdbc.sql("SELECT * FROM opportunity WHERE stage NOT IN ('CLOSED_WON', 'CLOSED_LOST') ORDER BY close_date, name")
				.query(rows).list();
	}

	/**
	 * The opportunities of these owners in these stages, by close date: what a person or a circle
	 * works on, read through the owner index, whatever the size of the whole pipeline.
	 */
	public List<Opportunity> opportunitiesOwnedBy(Collection<UUID> owners, Collection<String> stages, int limit) {
		if (owners.isEmpty() || stages.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT * FROM opportunity WHERE owner_id = ANY(:owners) AND stage = ANY(:stages)
				ORDER BY close_date, name, id LIMIT :limit""")
				.param("owners", owners.toArray(UUID[]::new)).param("stages", stages.toArray(String[]::new))
				.param("limit", limit).query(rows).list();
	}

	public List<Opportunity> allOpportunities() {
		return jdbc.sql("SELECT * FROM opportunity ORDER BY close_date, name").query(rows).list();
	}

	public Optional<Opportunity> opportunity(OpportunityId id) {
		return jdbc.sql("SELECT * FROM opportunity WHERE id = :id").param("id", id.value()).query(rows).optional();
	}
}
