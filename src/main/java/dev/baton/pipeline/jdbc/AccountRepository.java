package dev.baton.pipeline.jdbc;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.baton.pipeline.Account;
import dev.baton.pipeline.AccountId;

/** Accounts in PostgreSQL, keyed by Baton's id and by the CRM's. */
@Repository
public class AccountRepository {

	private static final String INSERT = """
			INSERT INTO account (id, external_id, name, industry, region_key, named, version, created_at, updated_at)
			VALUES (:id, :externalId, :name, :industry, :region, :named, 0, :createdAt, :updatedAt)
			""";

	private final JdbcClient jdbc;

	AccountRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(Account account) {
		insertStatement(INSERT, account).update();
	}

	/** Inserts an account unless one with its external id exists; false when one did. */
	public boolean insertIfAbsent(Account account) {
		return insertStatement(INSERT + "ON CONFLICT (external_id) DO NOTHING", account).update() == 1;
	}

	private JdbcClient.StatementSpec insertStatement(String sql, Account account) {
		return jdbc.sql(sql)
				.param("id", account.id()).param("externalId", account.externalId()).param("name", account.name())
				.param("industry", account.industry()).param("region", account.regionKey())
				.param("named", account.named()).param("createdAt", Timestamp.from(account.createdAt()))
				.param("updatedAt", Timestamp.from(account.updatedAt()));
	}

	/** Changes an account's fields if its stored version is {@code expected}; false if it is not. */
	public boolean update(Account account, int expected) {
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
	public Optional<Account> accountByExternalId(String externalId, boolean lock) {
		return jdbc.sql("SELECT * FROM account WHERE external_id = :externalId" + (lock ? " FOR UPDATE" : ""))
				.param("externalId", externalId).query(AccountRowMapper.INSTANCE).optional();
	}

	public List<Account> accounts() {
		return jdbc.sql("SELECT * FROM account ORDER BY name").query(AccountRowMapper.INSTANCE).list();
	}

	public List<Account> accounts(Collection<AccountId> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT * FROM account WHERE id IN (:ids)")
				.param("ids", ids.stream().map(AccountId::value).toList()).query(AccountRowMapper.INSTANCE).list();
	}

	public Optional<Account> account(AccountId id) {
		return jdbc.sql("SELECT * FROM account WHERE id = :id").param("id", id.value()).query(AccountRowMapper.INSTANCE)
				.optional();
	}
}
