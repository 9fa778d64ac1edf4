package dev.baton.pipeline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.baton.organisation.Segment;
import dev.baton.platform.Money;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accounts and opportunities in PostgreSQL; the command plan is a JSON document.
 */
@Repository
class PipelineRepository {

	private final JdbcClient jdbc;
	private final JsonMapper json = JsonMapper.builder().build();

	PipelineRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Account account) {
		jdbc.sql("""
				INSERT INTO account (id, external_id, name, industry, region_key, named, version, created_at, updated_at)
				VALUES (:id, :externalId, :name, :industry, :region, :named, 0, :createdAt, :updatedAt)
				""")
				.param("id", account.id()).param("externalId", account.externalId()).param("name", account.name())
				.param("industry", account.industry()).param("region", account.regionKey())
				.param("named", account.named()).param("createdAt", Timestamp.from(account.createdAt()))
				.param("updatedAt", Timestamp.from(account.updatedAt())).update();
	}

	/** Inserts an account unless one with its external id exists; false when one did. */
	boolean insertIfAbsent(Account account) {
		return jdbc.sql("""
				INSERT INTO account (id, external_id, name, industry, region_key, named, version, created_at, updated_at)
				VALUES (:id, :externalId, :name, :industry, :region, :named, 0, :createdAt, :updatedAt)
				ON CONFLICT (external_id) DO NOTHING
				""")
				.param("id", account.id()).param("externalId", account.externalId()).param("name", account.name())
				.param("industry", account.industry()).param("region", account.regionKey())
				.param("named", account.named()).param("createdAt", Timestamp.from(account.createdAt()))
				.param("updatedAt", Timestamp.from(account.updatedAt())).update() == 1;
	}

	/** Changes an account's fields if its stored version is {@code expected}; false if it is not. */
	boolean update(Account account, int expected) {
		return jdbc.sql("""
				UPDATE account SET name = :name, industry = :industry, region_key = :region, named = :named,
				       version = version + 1, updated_at = :updatedAt
				WHERE id = :id AND version = :expected
				""")
				.param("name", account.name()).param("industry", account.industry())
				.param("region", account.regionKey()).param("named", account.named())
				.param("updatedAt", Timestamp.from(account.updatedAt())).param("id", account.id())
				.param("expected", expected).update() == 1;
	}

	/** The account with a CRM id; {@code lock} holds its row until the transaction ends. */
	Optional<Account> accountByExternalId(String externalId, boolean lock) {
		return jdbc.sql("SELECT * FROM account WHERE external_id = :externalId" + (lock ? " FOR UPDATE" : ""))
				.param("externalId", externalId).query(PipelineRepository::mapAccount).optional();
	}

	List<Account> accounts() {
		return jdbc.sql("SELECT * FROM account ORDER BY name").query(PipelineRepository::mapAccount).list();
	}

	List<Account> accounts(java.util.Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT * FROM account WHERE id IN (:ids)").param("ids", ids)
				.query(PipelineRepository::mapAccount).list();
	}

	List<Opportunity> opportunities(java.util.Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT * FROM opportunity WHERE id IN (:ids)").param("ids", ids).query(this::mapOpportunity)
				.list();
	}

	List<UUID> opportunityIds(Segment segment) {
		return jdbc.sql("SELECT id FROM opportunity WHERE segment = :segment").param("segment", segment.name())
				.query(UUID.class).list();
	}

	Optional<Account> account(UUID id) {
		return jdbc.sql("SELECT * FROM account WHERE id = :id").param("id", id).query(PipelineRepository::mapAccount)
				.optional();
	}

	private static final String INSERT_OPPORTUNITY = """
			INSERT INTO opportunity (id, external_id, account_id, name, owner_id, segment, business_unit, region_key,
			                         stage, net_arr_amount, net_arr_currency, close_date, subscription_type,
			                         forecast_category, command_plan, version, created_at, updated_at)
			VALUES (:id, :externalId, :accountId, :name, :ownerId, :segment, :businessUnit, :region, :stage,
			        :amount, :currency, :closeDate, :subscriptionType, :forecast, CAST(:commandPlan AS jsonb), 0,
			        :createdAt, :updatedAt)
			""";

	void insert(Opportunity opportunity) {
		opportunityStatement(INSERT_OPPORTUNITY, opportunity)
				.param("createdAt", Timestamp.from(opportunity.createdAt())).update();
	}

	/** Inserts an opportunity unless one with its external id exists; false when one did. */
	boolean insertIfAbsent(Opportunity opportunity) {
		return opportunityStatement(INSERT_OPPORTUNITY + "ON CONFLICT (external_id) DO NOTHING", opportunity)
				.param("createdAt", Timestamp.from(opportunity.createdAt())).update() == 1;
	}

	/** Changes every CRM field of an opportunity if its stored version is {@code expected}. */
	boolean update(Opportunity opportunity, int expected) {
		return opportunityStatement("""
				UPDATE opportunity SET account_id = :accountId, name = :name, owner_id = :ownerId, segment = :segment,
				       business_unit = :businessUnit, region_key = :region, stage = :stage, net_arr_amount = :amount,
				       net_arr_currency = :currency, close_date = :closeDate, subscription_type = :subscriptionType,
				       forecast_category = :forecast, command_plan = CAST(:commandPlan AS jsonb),
				       version = version + 1, updated_at = :updatedAt
				WHERE id = :id AND external_id = :externalId AND version = :expected
				""", opportunity).param("expected", expected).update() == 1;
	}

	private JdbcClient.StatementSpec opportunityStatement(String sql, Opportunity opportunity) {
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
	Optional<Opportunity> opportunityByExternalId(String externalId, boolean lock) {
		return jdbc.sql("SELECT * FROM opportunity WHERE external_id = :externalId" + (lock ? " FOR UPDATE" : ""))
				.param("externalId", externalId).query(this::mapOpportunity).optional();
	}

	record Filter(UUID ownerId, Stage stage, Segment segment) {
	}

	List<Opportunity> opportunities(Filter filter, long offset, int limit) {
		return jdbc.sql("""
				SELECT * FROM opportunity
				WHERE (CAST(:owner AS uuid) IS NULL OR owner_id = :owner)
				  AND (CAST(:stage AS text) IS NULL OR stage = :stage)
				  AND (CAST(:segment AS text) IS NULL OR segment = :segment)
				ORDER BY close_date, name LIMIT :limit OFFSET :offset
				""")
				.param("owner", filter.ownerId()).param("stage", filter.stage() == null ? null : filter.stage().name())
				.param("segment", filter.segment() == null ? null : filter.segment().name())
				.param("limit", limit).param("offset", offset)
				.query(this::mapOpportunity).list();
	}

	long countOpportunities(Filter filter) {
		return jdbc.sql("""
				SELECT count(*) FROM opportunity
				WHERE (CAST(:owner AS uuid) IS NULL OR owner_id = :owner)
				  AND (CAST(:stage AS text) IS NULL OR stage = :stage)
				  AND (CAST(:segment AS text) IS NULL OR segment = :segment)
				""")
				.param("owner", filter.ownerId()).param("stage", filter.stage() == null ? null : filter.stage().name())
				.param("segment", filter.segment() == null ? null : filter.segment().name())
				.query(Long.class).single();
	}

	List<Opportunity> opportunitiesOfAccount(UUID accountId) {
		return jdbc.sql("SELECT * FROM opportunity WHERE account_id = :account ORDER BY updated_at DESC, id")
				.param("account", accountId).query(this::mapOpportunity).list();
	}

	List<Opportunity> allOpportunities() {
		return jdbc.sql("SELECT * FROM opportunity ORDER BY close_date, name").query(this::mapOpportunity).list();
	}

	Optional<Opportunity> opportunity(UUID id) {
		return jdbc.sql("SELECT * FROM opportunity WHERE id = :id").param("id", id).query(this::mapOpportunity)
				.optional();
	}

	/** The opportunities among these ids, each with its account, in one statement. */
	List<Pipeline.OpportunityAndAccount> opportunitiesWithAccounts(java.util.Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT o.*, a.id AS account_id_, a.external_id AS account_external_id, a.name AS account_name,
				       a.industry AS account_industry, a.region_key AS account_region_key, a.named AS account_named,
				       a.version AS account_version, a.created_at AS account_created_at, a.updated_at AS account_updated_at
				FROM opportunity o JOIN account a ON a.id = o.account_id WHERE o.id = ANY(:ids)
				""").param("ids", ids.toArray(UUID[]::new))
				.query((rs, n) -> new Pipeline.OpportunityAndAccount(mapOpportunity(rs, n),
						new Account(rs.getObject("account_id_", UUID.class), rs.getString("account_external_id"),
								rs.getString("account_name"), rs.getString("account_industry"),
								rs.getString("account_region_key"), rs.getBoolean("account_named"),
								rs.getInt("account_version"), rs.getTimestamp("account_created_at").toInstant(),
								rs.getTimestamp("account_updated_at").toInstant())))
				.list();
	}

	private static Account mapAccount(ResultSet rs, int row) throws SQLException {
		return new Account(rs.getObject("id", UUID.class), rs.getString("external_id"), rs.getString("name"),
				rs.getString("industry"), rs.getString("region_key"), rs.getBoolean("named"), rs.getInt("version"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}

	private Opportunity mapOpportunity(ResultSet rs, int row) throws SQLException {
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
