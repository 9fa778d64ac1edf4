package dev.baton.billing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import dev.baton.audit.AuditLog;
import dev.baton.billing.domain.BillingEngine;
import dev.baton.billing.domain.Charge;
import dev.baton.billing.domain.Contract;
import dev.baton.billing.domain.ContractVersion;
import dev.baton.billing.jdbc.ShadowBillingRepository;
import dev.baton.catalog.Catalog;
import dev.baton.catalog.PriceBookVersionId;
import dev.baton.catalog.PriceEntry;
import dev.baton.pipeline.AccountId;
import dev.baton.pipeline.Pipeline;
import dev.baton.platform.BatonException;
import dev.baton.platform.Decision;
import dev.baton.subscription.SubscriptionId;

/**
 * Shadow billing: runs a proposed price book version (a draft, or any other) against every
 * subscription for the billing period containing a day, with the billing engine and without
 * writing an invoice, and reports per invoice owner the period's current and proposed amounts,
 * how the changes are distributed and who moves most.
 * <p>
 * A run works in batches (the subscriptions walked by id, their timelines and prices read together,
 * each batch's results written in one statement), so memory stays flat whatever the population,
 * and sums the results per account in the database at its end. It runs on the cluster-wide
 * scheduler (one instance takes it; one that stops is run again from the start).
 */
@Service
public class ShadowBilling {

	static final String TASK = "shadow-billing";
	private static final Logger log = LoggerFactory.getLogger(ShadowBilling.class);
	private static final int MOVERS = 20;

	private final ShadowBillingRepository repository;
	private final ContractReader contracts;
	private final Catalog catalog;
	private final Pipeline pipeline;
	private final AuditLog audit;
	private final BillingProperties properties;
	private final Clock clock;
	private final TransactionTemplate transactions;
	private final ObjectProvider<SchedulerClient> scheduler;
	private final ObjectProvider<OneTimeTask<String>> task;

	ShadowBilling(ShadowBillingRepository repository, ContractReader contracts, Catalog catalog, Pipeline pipeline,
			AuditLog audit, BillingProperties properties, Clock clock, PlatformTransactionManager transactions,
			ObjectProvider<SchedulerClient> scheduler, ObjectProvider<OneTimeTask<String>> task) {
		this.repository = repository;
		this.contracts = contracts;
		this.catalog = catalog;
		this.pipeline = pipeline;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactions);
		this.scheduler = scheduler;
		this.task = task;
	}

	/**
	 * Starts a run of a price book version for the billing periods containing {@code on}; it runs on
	 * the scheduler once this commits.
	 */
	@Transactional
	public ShadowBillingRun start(PriceBookVersionId priceBook, LocalDate on, String reason) {
		var priceBookVersionId = priceBook == null ? null : priceBook.value();
		Decision.check().refuseIf(priceBookVersionId == null, BillingRule.SHADOW_VERSION,
				() -> "A shadow billing run names the price book version it proposes (priceBookVersionId)")
				.refuseIf(on == null, BillingRule.SHADOW_DAY,
						() -> "A shadow billing run names the day whose billing periods it computes (on)")
				.decide().orThrow(BillingProblems.RULE);
		var version = catalog.version(priceBook);
		Decision.check().refuseIf(version.entries().isEmpty(), BillingRule.SHADOW_VERSION,
				() -> "Price book version " + version.number() + " has no prices to propose").decide()
				.orThrow(BillingProblems.RULE);
		var run = new ShadowBillingRun(UUID.randomUUID(), priceBookVersionId, version.number(), on,
				ShadowBillingRun.Status.PENDING, Invoices.currentUser(), clock.instant(), null, null, null, null, null);
		repository.insertRun(run);
		audit.record("shadow-billing.started", "shadow_billing_run", run.id(), reason,
				Map.of("priceBookVersion", version.number(), "on", on.toString()));
		var id = run.id().toString();
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				// the scheduler keeps its own time: due now by the wall clock, whatever the application's clock says
				scheduler.getObject().scheduleIfNotExists(task.getObject().instance(id, id), Instant.now());
			}
		});
		return run;
	}

	/**
	 * Computes a run: each subscription's period containing the run's day at its current prices and
	 * at the proposed version's, summed per invoice owner and currency. Subscriptions with nothing in
	 * force that day are left out; a charge the proposal has no price for keeps its current price and
	 * is counted as unpriced.
	 */
	public ShadowBillingRun run(ShadowBillingRunId runId) {
		var id = runId.value();
		var run = transactions.execute(status -> repository.find(id))
				.orElseThrow(() -> BatonException.notFound("Shadow billing run", id));
		try {
			transactions.executeWithoutResult(status -> repository.started(id, clock.instant()));
			var proposal = new HashMap<String, PriceEntry>();
			catalog.version(PriceBookVersionId.of(run.priceBookVersionId())).entries()
					.forEach(e -> proposal.put(e.planCode() + "|" + e.currency().getCurrencyCode(), e));
			var prices = contracts.new Prices();
			var cursor = new UUID(0, 0);
			int subscriptions = 0;
			int unpriced = 0;
			while (true) {
				var ids = repository.subscriptionsAfter(cursor, properties.runBatchSize());
				if (ids.isEmpty()) {
					break;
				}
				var counted = new int[2];
				var results = transactions.execute(status -> {
					var batch = new ArrayList<ShadowBillingRepository.Result>();
					var reads = contracts.readAll(ids.stream().map(SubscriptionId::of).toList(), prices);
					for (var read : reads.values()) {
						var result = compute(read, run, proposal);
						if (result != null) {
							batch.add(result.result());
							counted[0]++;
							counted[1] += result.unpriced() ? 1 : 0;
						}
					}
					repository.insertResults(id, batch);
					return batch;
				});
				subscriptions += counted[0];
				unpriced += counted[1];
				cursor = ids.get(ids.size() - 1);
				log.debug("Shadow billing {}: {} subscriptions so far ({} in this batch)", id, subscriptions, results.size());
			}
			var total = subscriptions;
			var missing = unpriced;
			transactions.executeWithoutResult(status -> repository.finished(id, total, missing, clock.instant()));
			log.info("Shadow billing {} of price book version {} for {}: {} subscriptions", id, run.priceBookVersionNumber(),
					run.on(), subscriptions);
		}
		catch (RuntimeException failure) {
			log.warn("Shadow billing {} failed: {}", id, failure.toString());
			transactions.executeWithoutResult(status -> repository.failed(id, failure.toString(), clock.instant()));
		}
		return transactions.execute(status -> repository.find(id)).orElseThrow();
	}

	private record Computed(ShadowBillingRepository.Result result, boolean unpriced) {
	}

	private static Computed compute(ContractReader.Read read, ShadowBillingRun run, Map<String, PriceEntry> proposal) {
		var contract = read.contract();
		if (run.on().isBefore(contract.anchor())) {
			return null;
		}
		var period = contract.periodOf(run.on());
		var current = BillingEngine.total(contract.currency(), BillingEngine.expected(contract, period)).amount();
		var unpriced = new boolean[1];
		var repriced = reprice(contract, run, proposal, unpriced);
		var proposed = BillingEngine.total(contract.currency(), BillingEngine.expected(repriced, period)).amount();
		if (current.signum() == 0 && proposed.signum() == 0) {
			return null;
		}
		return new Computed(new ShadowBillingRepository.Result(contract.subscriptionId(),
				read.current().parties().invoiceOwnerAccountId(), contract.currency(), current, proposed), unpriced[0]);
	}

	/** The same contract with every charge at the proposed version's price for its plan and currency, where it has one. */
	static Contract reprice(Contract contract, ShadowBillingRun run, Map<String, PriceEntry> proposal, boolean[] unpriced) {
		var versions = new ArrayList<ContractVersion>();
		for (var version : contract.versions()) {
			var charges = new ArrayList<Charge>();
			for (var charge : version.charges()) {
				var entry = proposal.get(charge.code() + "|" + contract.currency());
				if (entry == null) {
					unpriced[0] = true;
					charges.add(charge);
				}
				else {
					charges.add(new Charge(charge.code(), charge.kind(), charge.quantity(), charge.unit(), entry,
							charge.priceMonths(), run.priceBookVersionId(), run.priceBookVersionNumber(),
							charge.discountPercent()));
				}
			}
			versions.add(new ContractVersion(version.version(), version.effectiveOn(), version.orderNumber(),
					version.action(), version.endsOn(), charges, version.withoutProration()));
		}
		return new Contract(contract.subscriptionId(), contract.subscriptionNumber(), contract.currency(),
				contract.anchor(), contract.periodMonths(), versions);
	}

	@Transactional(readOnly = true)
	public ShadowBillingRun.Report report(ShadowBillingRunId runId) {
		var id = runId.value();
		var run = repository.find(id).orElseThrow(() -> BatonException.notFound("Shadow billing run", id));
		var movers = named(repository.movers(id, MOVERS));
		return new ShadowBillingRun.Report(run, repository.totals(id), repository.distribution(id), movers);
	}

	@Transactional(readOnly = true)
	public List<ShadowBillingRun> latest() {
		return repository.latest(50);
	}

	/** Writes a run's results per account as CSV, streamed: a cursor over the results, names read a batch at a time. */
	@Transactional(readOnly = true)
	public void csv(ShadowBillingRunId runId, Writer out) {
		var id = runId.value();
		repository.find(id).orElseThrow(() -> BatonException.notFound("Shadow billing run", id));
		try {
			out.write("account_id,crm_id,account,currency,subscriptions,current,proposed,change,change_percent\n");
			var batch = new ArrayList<ShadowBillingRun.Account>();
			repository.eachAccount(id, row -> {
				batch.add(row);
				if (batch.size() == 1000) {
					write(named(batch), out);
					batch.clear();
				}
			});
			write(named(batch), out);
			out.flush();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void write(List<ShadowBillingRun.Account> rows, Writer out) {
		try {
			for (var r : rows) {
				out.write(r.accountId() + "," + csv(r.externalId()) + "," + csv(r.name()) + "," + r.currency() + ","
						+ r.subscriptions() + "," + r.current().toPlainString() + "," + r.proposed().toPlainString() + ","
						+ r.change().toPlainString() + "," + (r.percent() == null ? "" : r.percent().toPlainString()) + "\n");
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String csv(String value) {
		if (value == null) {
			return "";
		}
		var safe = value.startsWith("=") || value.startsWith("+") || value.startsWith("-") || value.startsWith("@")
				? "'" + value : value;
		return safe.contains(",") || safe.contains("\"") || safe.contains("\n") ? "\"" + safe.replace("\"", "\"\"") + "\""
				: safe;
	}

	private List<ShadowBillingRun.Account> named(List<ShadowBillingRun.Account> rows) {
		var names = new HashMap<UUID, dev.baton.pipeline.Account>();
		pipeline.accounts(rows.stream().map(ShadowBillingRun.Account::accountId).map(AccountId::of).toList())
				.forEach(a -> names.put(a.id(), a));
		return rows.stream().map(r -> {
			var account = names.get(r.accountId());
			return new ShadowBillingRun.Account(r.accountId(), account == null ? null : account.externalId(),
					account == null ? null : account.name(), r.currency(), r.subscriptions(), r.current(), r.proposed());
		}).toList();
	}

	/** The task that runs a shadow billing run, on one instance of the cluster. */
	@Configuration(proxyBeanMethods = false)
	static class Task {

		@Bean
		OneTimeTask<String> shadowBillingTask(ObjectProvider<ShadowBilling> shadow) {
			return Tasks.oneTime(TASK, String.class)
					.execute((instance, context) -> shadow.getObject().run(ShadowBillingRunId.of(UUID.fromString(instance.getData()))));
		}
	}
}
