package dev.baton.pipeline;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.baton.audit.AuditLog;
import dev.baton.organisation.PersonId;
import dev.baton.organisation.Segment;
import dev.baton.pipeline.jdbc.AccountRepository;
import dev.baton.pipeline.jdbc.OpportunityRepository;
import dev.baton.platform.BatonException;
import dev.baton.platform.Page;

/**
 * Reads and records accounts and opportunities; every change is audited.
 */
@Service
public class Pipeline {

	private final AccountRepository accounts;
	private final OpportunityRepository repository;
	private final AuditLog audit;
	private final Clock clock;

	Pipeline(AccountRepository accounts, OpportunityRepository repository, AuditLog audit, Clock clock) {
		this.accounts = accounts;
		this.repository = repository;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public Account addAccount(String externalId, String name, String industry, String regionKey, boolean named) {
		var now = clock.instant();
		var account = new Account(UUID.randomUUID(), externalId, name, industry, regionKey, named, 0, now, now);
		accounts.insert(account);
		audit.record("account.created", "account", account.id(), null, Map.of("externalId", externalId, "name", name));
		return account;
	}

	/** What the CRM knows of an opportunity. */
	public record OpportunityData(String externalId, UUID accountId, String name, UUID ownerId, Segment segment,
			String businessUnit, String regionKey, Stage stage, dev.baton.platform.Money netArr,
			java.time.LocalDate closeDate, SubscriptionType subscriptionType, String forecastCategory,
			CommandPlan commandPlan) {
	}

	@Transactional
	public Opportunity addOpportunity(OpportunityData data) {
		var now = clock.instant();
		var opportunity = new Opportunity(UUID.randomUUID(), data.externalId(), data.accountId(), data.name(),
				data.ownerId(), data.segment(), data.businessUnit(), data.regionKey(), data.stage(), data.netArr(),
				data.closeDate(), data.subscriptionType(), data.forecastCategory(),
				data.commandPlan() == null ? CommandPlan.empty() : data.commandPlan(), 0, now, now);
		repository.insert(opportunity);
		audit.record("opportunity.created", "opportunity", opportunity.id(), null,
				Map.of("externalId", data.externalId(), "name", data.name(), "stage", data.stage().name()));
		return opportunity;
	}

	@Transactional(readOnly = true)
	public List<Account> accounts() {
		return accounts.accounts();
	}

	@Transactional(readOnly = true)
	public Account account(AccountId id) {
		return accounts.account(id).orElseThrow(() -> BatonException.notFound("Account", id));
	}

	@Transactional(readOnly = true)
	public Page<Opportunity> opportunities(PersonId ownerId, Stage stage, Segment segment, Page.Request page) {
		var filter = new OpportunityRepository.Filter(ownerId == null ? null : ownerId.value(), stage, segment);
		return new Page<>(repository.opportunities(filter, page.offset(), page.size()), page.page(), page.size(),
				repository.countOpportunities(filter));
	}

	/** The opportunities among these ids, for a page that shows many at once (at most a page's worth). */
	@Transactional(readOnly = true)
	public List<Opportunity> opportunities(java.util.Collection<OpportunityId> ids) {
		return repository.opportunities(ids);
	}

	/** The accounts among these ids. */
	@Transactional(readOnly = true)
	public List<Account> accounts(java.util.Collection<AccountId> ids) {
		return accounts.accounts(ids);
	}

	/** The ids of every opportunity in a segment, for filtering other records by segment. */
	@Transactional(readOnly = true)
	public List<UUID> opportunityIds(Segment segment) {
		return repository.opportunityIds(segment);
	}

	/** The opportunity with the CRM's id, if Baton has it. */
	@Transactional(readOnly = true)
	public Optional<Opportunity> opportunityByExternalId(String externalId) {
		return repository.opportunityByExternalId(externalId, false);
	}

	/** The account with the CRM's id, if Baton has it. */
	@Transactional(readOnly = true)
	public Optional<Account> accountByExternalId(String externalId) {
		return accounts.accountByExternalId(externalId, false);
	}

	/** Every opportunity of an account, the most recently changed first. */
	@Transactional(readOnly = true)
	public List<Opportunity> opportunitiesOfAccount(AccountId accountId) {
		return repository.opportunitiesOfAccount(accountId);
	}

	/** The open opportunities (neither won nor lost), for reports on the pipeline being worked. */
	@Transactional(readOnly = true)
	public List<Opportunity> openOpportunities() {
		return repository.openOpportunities();
	}

	/**
	 * The open opportunities of these owners at {@code atLeast} or later (neither won nor lost), by
	 * close date, at most {@code limit}: the deals a person or a circle works on.
	 */
	@Transactional(readOnly = true)
	public List<Opportunity> openOpportunitiesOwnedBy(java.util.Collection<PersonId> owners, Stage atLeast, int limit) {
		var stages = java.util.Arrays.stream(Stage.values()).filter(s -> s.isAtLeast(atLeast)).map(Stage::name).toList();
		return repository.opportunitiesOwnedBy(owners.stream().map(PersonId::value).toList(), stages, limit);
	}

	/** Every opportunity, for reports over the whole pipeline. */
	@Transactional(readOnly = true)
	public List<Opportunity> allOpportunities() {
		return repository.allOpportunities();
	}

	/** The opportunity with Baton's id, if there is one. */
	@Transactional(readOnly = true)
	public Optional<Opportunity> findOpportunity(OpportunityId id) {
		return repository.opportunity(id);
	}

	@Transactional(readOnly = true)
	public Opportunity opportunity(OpportunityId id) {
		return repository.opportunity(id).orElseThrow(() -> BatonException.notFound("Opportunity", id));
	}
	/** An opportunity with its account, as a page that lists requests shows them. */
	public record OpportunityAndAccount(Opportunity opportunity, Account account) {
	}

	/** The opportunities among these ids, each with its account, in one statement (at most a page's worth). */
	@Transactional(readOnly = true)
	public List<OpportunityAndAccount> opportunitiesWithAccounts(java.util.Collection<OpportunityId> ids) {
		return repository.opportunitiesWithAccounts(ids.stream().map(OpportunityId::value)
				.collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new)));
	}
}
