package dev.baton.billing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.baton.audit.AuditLog;
import dev.baton.billing.domain.BillingEngine;
import dev.baton.billing.domain.Contract;
import dev.baton.billing.domain.Inputs;
import dev.baton.billing.domain.Period;
import dev.baton.billing.domain.Line;
import dev.baton.billing.domain.PackCharge;
import dev.baton.billing.domain.TaxRate;
import dev.baton.billing.domain.UsageCharges;
import dev.baton.billing.jdbc.InvoiceRepository;
import dev.baton.billing.jdbc.UsageLineRepository;
import dev.baton.catalog.Catalog;
import dev.baton.catalog.PriceBookVersionId;
import dev.baton.catalog.Rating;
import dev.baton.platform.BatonException;
import dev.baton.platform.Money;
import dev.baton.subscription.SubscriptionEntry;
import dev.baton.subscription.SubscriptionId;
import dev.baton.subscription.Subscriptions;
import dev.baton.usage.ClosedUsage;
import dev.baton.usage.PackBought;
import dev.baton.usage.UsagePeriodClosed;
import dev.baton.usage.UsagePeriods;

/**
 * Usage on invoices, in arrears: when a meter's periods close, each subscription's closed usage is
 * rated by {@link UsageCharges} (the engine's usage half) and its lines go onto the invoice owner's
 * draft with the inputs they came from; a revision for events that arrived late is an adjustment
 * line naming its period. A prepaid pack bought is charged once. Recompute and diff with the unique
 * key on the lines keep every line exactly once, however often an event is heard. Each
 * subscription is billed in a transaction of its own that locks its owner's draft, as the billing
 * run does.
 */
@Component
class UsageBilling {

	private static final Logger log = LoggerFactory.getLogger(UsageBilling.class);

	private final UsagePeriods periods;
	private final Subscriptions subscriptions;
	private final Catalog catalog;
	private final InvoiceRepository invoices;
	private final UsageLineRepository lines;
	private final AuditLog audit;
	private final Clock clock;
	private final TransactionTemplate transactions;
	private final BillingAccounts accounts;
	private final ContractReader contracts;

	UsageBilling(UsagePeriods periods, Subscriptions subscriptions, Catalog catalog, InvoiceRepository invoices,
			UsageLineRepository lines, AuditLog audit, Clock clock, PlatformTransactionManager transactionManager,
			BillingAccounts accounts, ContractReader contracts) {
		this.accounts = accounts;
		this.contracts = contracts;
		this.periods = periods;
		this.subscriptions = subscriptions;
		this.catalog = catalog;
		this.invoices = invoices;
		this.lines = lines;
		this.audit = audit;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * What a usage or pack computation stored: the inputs of one of them, and the tax rate its lines
	 * were taxed at (null when the invoice owner's bill-to has none), as the recurring lines keep theirs.
	 */
	record Stored(UsageCharges.Inputs usage, PackCharge pack,
			@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) TaxRate tax,
			@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) OneTime oneTime) {

		Stored(UsageCharges.Inputs usage, PackCharge pack, TaxRate tax) {
			this(usage, pack, tax, null);
		}
	}

	/**
	 * A one-time charge's inputs: what another module asked billing to charge once (a seat
	 * reconciliation's amount), on the day and against the subscription version named.
	 */
	record OneTime(String key, String description, String planCode, BigDecimal amount, String currency, LocalDate on,
			int version, String orderNumber, LocalDate from, LocalDate to) {

		Money money() {
			return Money.of(amount, currency);
		}

		String kind() {
			return (amount.signum() < 0 ? Line.Kind.CREDIT : Line.Kind.CHARGE).name();
		}
	}

	/** Bills the usage the close took, subscription by subscription; a failure leaves the event to be heard again. */
	@ApplicationModuleListener
	void on(UsagePeriodClosed closed) {
		var usage = periods.closedIn(closed.meterCode(), closed.firstClosedIn(), closed.lastClosedIn());
		var bySubscription = new LinkedHashMap<SubscriptionId, List<ClosedUsage>>();
		for (var each : usage) {
			if (each.contract() != null) {
				bySubscription.computeIfAbsent(each.contract().subscriptionId(), k -> new ArrayList<>()).add(each);
			}
		}
		RuntimeException failure = null;
		for (var entry : bySubscription.entrySet()) {
			try {
				transactions.execute(status -> bill(entry.getKey(), entry.getValue()));
			}
			catch (RuntimeException e) {
				log.warn("Usage of subscription {} was not billed: {}", entry.getKey(), e.toString());
				failure = e;
			}
		}
		if (failure != null) {
			throw failure;
		}
	}

	/** Writes the usage lines of a subscription not invoiced yet; answers how many. */
	int bill(SubscriptionId id, List<ClosedUsage> usage) {
		var subscription = subscriptions.subscription(id);
		var timeline = subscriptions.timeline(id);
		var metered = new ArrayList<UsageCharges.MeteredUsage>();
		var numbers = new HashMap<PriceBookVersionId, Integer>();
		for (var u : usage) {
			var contract = u.contract();
			var price = catalog.meteredPrice(contract.priceBookVersionId(), contract.planCode(), u.meterCode(),
					contract.currency());
			if (price.isEmpty()) {
				throw new IllegalStateException("Price book version " + contract.priceBookVersionId() + " has no "
						+ contract.currency() + " price for " + u.meterCode() + " on " + contract.planCode());
			}
			var number = numbers.computeIfAbsent(contract.priceBookVersionId(), v -> catalog.version(v).number());
			var periodStart = day(u.periodStart());
			var periodEnd = day(u.periodEnd());
			var entry = holding(timeline, periodEnd.minusDays(1));
			metered.add(new UsageCharges.MeteredUsage(u.meterCode(), u.meterName(), u.unit(), periodStart, periodEnd,
					u.revision(), day(u.closedIn()), u.value(), u.events(), u.lateEvents(), u.allowance(), u.prepaid(),
					u.previous() == null ? null : new UsageCharges.Figures(u.previous().value(), u.previous().events(),
							u.previous().allowance(), u.previous().prepaid()),
					price.get(), contract.seats(), contract.priceBookVersionId().value(), number, entry.version(),
					entry.orderNumber()));
		}
		if (new UsageCharges.Inputs(id.value(), subscription.number(), subscription.currency(), metered,
				lines.invoicedKeys(id.value())).lines().isEmpty()) {
			return 0;
		}
		var now = clock.instant();
		var draft = invoices.lockDraft(subscription.parties().invoiceOwnerAccountId(), subscription.currency(), billingDay(id, now), now);
		// read again under the draft's lock: whatever another transaction wrote meanwhile is not written twice
		var inputs = new UsageCharges.Inputs(id.value(), subscription.number(), subscription.currency(), metered,
				lines.invoicedKeys(id.value()));
		var computed = inputs.lines();
		if (computed.isEmpty()) {
			return 0;
		}
		var from = computed.stream().map(l -> l.usage().periodStart()).min(Comparator.naturalOrder()).orElseThrow();
		var to = computed.stream().map(l -> l.usage().periodEnd()).max(Comparator.naturalOrder()).orElseThrow();
		var tax = accounts.taxRate(subscription.parties().invoiceOwnerAccountId()).orElse(null);
		var computation = store(draft, id, new Stored(inputs, null, tax), from, to, now);
		var position = invoices.nextLinePosition(draft);
		for (var line : computed) {
			var u = line.usage();
			lines.insert(new UsageLineRepository.NewLine(draft.value(), computation, position++, id.value(),
					subscription.number(), line.kind().name(), line.chargeKey(), line.chargeKey(),
					"USAGE", u.price().planCode(), u.used(), u.unit(), u.price().unitPrice(), BigDecimal.ZERO, u.periodStart(),
					u.periodEnd(), u.sourceVersion(), u.orderNumber(), u.priceBookVersionId(), u.priceBookVersionNumber(),
					line.amount().amount(), line.explanation(), tax, BillingEngine.tax(line.amount(), tax).amount()));
		}
		audit.recordBySystem("invoice.usage-lines-added", "invoice", draft.value(), "Usage periods closed",
				Map.of("subscription", subscription.number(), "lines", computed.size()));
		return computed.size();
	}

	/** Charges a pack bought, once. */
	@ApplicationModuleListener
	void on(PackBought bought) {
		transactions.executeWithoutResult(status -> charge(bought));
	}

	private void charge(PackBought bought) {
		var id = bought.subscriptionId();
		var subscription = subscriptions.subscription(id);
		var key = "PACK|" + bought.packId();
		if (lines.invoicedKeys(id.value()).contains(key)) {
			return;
		}
		var entry = subscriptions.timeline(id).stream().filter(e -> e.version() == bought.subscriptionVersion())
				.findFirst().orElseThrow();
		var boughtOn = day(bought.boughtAt());
		var price = catalog.price(bought.planCode(), subscription.currency(), boughtOn, entry.subscription().priceBookVersionId());
		var plan = catalog.plan(bought.planCode());
		var charge = new PackCharge(bought.packId(), bought.planCode(), bought.meterCode(), plan.unit(), bought.quantity(),
				bought.units(), price.entry(), price.versionId().value(), price.versionNumber(),
				subscription.discounts().getOrDefault(bought.planCode(), BigDecimal.ZERO), boughtOn, day(bought.expiresAt()),
				entry.version(), entry.orderNumber());
		var now = clock.instant();
		var draft = invoices.lockDraft(subscription.parties().invoiceOwnerAccountId(), subscription.currency(), billingDay(id, now), now);
		if (lines.invoicedKeys(id.value()).contains(key)) {
			return;
		}
		var tax = accounts.taxRate(subscription.parties().invoiceOwnerAccountId()).orElse(null);
		var computation = store(draft, id, new Stored(null, charge, tax), boughtOn, boughtOn.plusDays(1), now);
		lines.insert(new UsageLineRepository.NewLine(draft.value(), computation, invoices.nextLinePosition(draft), id.value(),
				subscription.number(), Line.Kind.CHARGE.name(), key, key,
				"PACK", bought.planCode(), BigDecimal.valueOf(bought.quantity()), plan.unit(), price.entry().unitPrice(),
				charge.discountPercent(), boughtOn, boughtOn.plusDays(1), entry.version(), entry.orderNumber(),
				price.versionId().value(), price.versionNumber(), charge.amount().amount(), charge.words(), tax,
				BillingEngine.tax(charge.amount(), tax).amount()));
		audit.recordBySystem("invoice.pack-charged", "invoice", draft.value(), "Pack bought",
				Map.of("subscription", subscription.number(), "pack", bought.packId().toString(),
						"amount", charge.amount().amount().toPlainString()));
	}

	/**
	 * Charges an amount once on the subscription's invoice owner's draft, keyed by {@code key}:
	 * asked again with the same key, it answers false and writes nothing (the key is the line's
	 * charge key, under the lines' unique constraint). Joins the caller's transaction.
	 */
	boolean charge(OneTimeCharges.OneTimeCharge asked) {
		var id = asked.subscriptionId();
		var subscription = subscriptions.subscription(id);
		var key = "ONE_TIME|" + asked.key();
		var entry = holding(subscriptions.timeline(id), asked.on());
		var amount = asked.amount();
		var words = asked.description();
		if (asked.lessVersion() != null) {
			var version = asked.lessVersion();
			var billedByDays = costOf(contracts.read(id).contract(), version, asked.on());
			amount = amount.minus(billedByDays);
			words = words + ", less " + billedByDays.formatted() + " for the change billed by days (version " + version
					+ ") = " + amount.formatted();
		}
		if (amount.amount().signum() == 0) {
			return false;
		}
		var oneTime = new OneTime(asked.key(), words, subscription.planCode(), amount.amount(),
				amount.currency().getCurrencyCode(), asked.on(), entry.version(), entry.orderNumber(), asked.serviceFrom(),
				asked.serviceTo());
		var now = clock.instant();
		var draft = invoices.lockDraft(subscription.parties().invoiceOwnerAccountId(), oneTime.currency(), billingDay(id, now), now);
		if (lines.invoicedKeys(id.value()).contains(key)) {
			return false;
		}
		var tax = accounts.taxRate(subscription.parties().invoiceOwnerAccountId()).orElse(null);
		var book = entry.subscription().priceBookVersionId();
		var computation = store(draft, id, new Stored(null, null, tax, oneTime), oneTime.from(), oneTime.to(), now);
		lines.insert(new UsageLineRepository.NewLine(draft.value(), computation, invoices.nextLinePosition(draft), id.value(),
				subscription.number(), oneTime.kind(), key, key, "ONE_TIME", oneTime.planCode(), BigDecimal.ONE,
				"charge", oneTime.amount(), BigDecimal.ZERO, oneTime.from(), oneTime.to(), entry.version(),
				entry.orderNumber(), book.value(), catalog.version(book).number(), oneTime.amount(), oneTime.description(),
				tax, BillingEngine.tax(oneTime.money(), tax).amount()));
		audit.recordBySystem("invoice.one-time-charged", "invoice", draft.value(), words,
				Map.of("subscription", subscription.number(), "key", asked.key(), "amount", oneTime.money().formatted()));
		return true;
	}

	/**
	 * The billing day of the draft a subscription's usage, pack or one-time line goes onto: the first
	 * day of its billing period holding now, so they share the invoice of its recurring charges.
	 */
	private LocalDate billingDay(SubscriptionId id, Instant now) {
		var contract = contracts.read(id).contract();
		var today = day(now);
		return today.isBefore(contract.anchor()) ? contract.anchor() : contract.periodOf(today).start();
	}

	/**
	 * What the billing engine charges for one version of a contract in the billing period containing
	 * {@code day}: the period's lines with the versions up to it, less those with the versions before it.
	 */
	static Money costOf(Contract contract, int version, LocalDate day) {
		var period = contract.periodOf(day);
		return total(contract, period, v -> v <= version).minus(total(contract, period, v -> v < version));
	}

	private static Money total(Contract contract, Period period, java.util.function.IntPredicate versions) {
		var kept = contract.versions().stream().filter(v -> versions.test(v.version())).toList();
		var total = Money.of(BigDecimal.ZERO, contract.currency());
		if (kept.isEmpty()) {
			return total;
		}
		var upTo = new Contract(contract.subscriptionId(), contract.subscriptionNumber(), contract.currency(),
				contract.anchor(), contract.periodMonths(), kept);
		for (var line : new Inputs(upTo, period, List.of(), null).lines()) {
			total = total.plus(line.amount());
		}
		return total;
	}

	private UUID store(InvoiceId draft, SubscriptionId id, Stored stored, LocalDate from, LocalDate to, Instant now) {
		var text = InputsCodec.writeValue(stored);
		var computation = new InvoiceRepository.Computation(UUID.randomUUID(), id.value(),
				invoices.nextComputationPosition(draft), text, InputsCodec.sha256(text));
		invoices.insertComputation(draft, computation, from, to, now);
		return computation.id();
	}

	// explanation and recomputation -------------------------------------------------------------------

	/** Whether a computation's stored inputs are a usage or pack computation's. */
	static boolean isStored(String inputs) {
		var tree = InputsCodec.readValue(inputs, tools.jackson.databind.JsonNode.class);
		return tree.has("usage") && tree.has("pack");
	}

	/** The lines a stored usage or pack computation gives again, as (kind, plan, days, amount, words, tax). */
	static List<Recomputed> recompute(String inputs) {
		var stored = InputsCodec.readValue(inputs, Stored.class);
		var recomputed = new ArrayList<Recomputed>();
		if (stored.usage() != null) {
			for (var line : stored.usage().lines()) {
				recomputed.add(new Recomputed(line.kind().name(), line.usage().price().planCode(), line.usage().periodStart(),
						line.usage().periodEnd(), line.amount().amount(), line.explanation(),
						BillingEngine.tax(line.amount(), stored.tax()).amount()));
			}
		}
		if (stored.oneTime() != null) {
			var oneTime = stored.oneTime();
			recomputed.add(new Recomputed(oneTime.kind(), oneTime.planCode(), oneTime.from(), oneTime.to(),
					oneTime.amount(), oneTime.description(), BillingEngine.tax(oneTime.money(), stored.tax()).amount()));
		}
		if (stored.pack() != null) {
			var pack = stored.pack();
			recomputed.add(new Recomputed("CHARGE", pack.planCode(), pack.boughtOn(), pack.boughtOn().plusDays(1),
					pack.amount().amount(), pack.words(), BillingEngine.tax(pack.amount(), stored.tax()).amount()));
		}
		return recomputed;
	}

	/** A line recomputed from stored inputs. */
	record Recomputed(String kind, String plan, LocalDate from, LocalDate to, BigDecimal amount, String words,
			BigDecimal tax) {
	}

	/** A usage or pack line explained (a one-time line: no usage), and the hash of the inputs it was computed from. */
	record Explained(LineExplanation.Usage usage, String inputsHash) {
	}

	/** The usage explanation of a usage, pack or one-time line, from the inputs it was computed from; null for other lines. */
	Explained explain(InvoiceId invoice, InvoiceLine line) {
		if (!"USAGE".equals(line.chargeType()) && !"PACK".equals(line.chargeType())
				&& !"ONE_TIME".equals(line.chargeType())) {
			return null;
		}
		var source = lines.source(invoice, line.id().value())
				.orElseThrow(() -> BatonException.notFound("Line", line.id() + " of invoice " + invoice));
		var stored = InputsCodec.readValue(source.inputs(), Stored.class);
		if (stored.oneTime() != null) {
			return new Explained(null, source.inputsHash());
		}
		if (stored.pack() != null) {
			var pack = stored.pack();
			return new Explained(new LineExplanation.Usage(pack.meterCode(), null, pack.unit(), null, null, 0, false, null,
					null, 0, 0, null, null, null, null, null, pack.price().chargeModel().name(), List.of(), null, pack.units(),
					pack.expiresOn(), pack.words()), source.inputsHash());
		}
		var usage = stored.usage().usage().stream().filter(u -> u.key().equals(source.chargeKey())).findFirst()
				.orElseThrow();
		var rating = usage.rating();
		var before = usage.billedBefore();
		return new Explained(new LineExplanation.Usage(usage.meterCode(), usage.meterName(), usage.unit(),
				usage.periodStart(), usage.periodEnd(), usage.revision(), usage.late(), usage.closedIn(), usage.used(),
				usage.events(), usage.lateEvents(), usage.allowance(), usage.price().allowanceInWords(usage.seats()),
				rating.fromAllowance(), rating.fromPacks(), rating.billable(), usage.price().chargeModel().name(),
				rating.steps(), before == null ? null : before.amount().amount(), null, null, rating.words()),
				source.inputsHash());
	}

	private static SubscriptionEntry holding(List<SubscriptionEntry> timeline, LocalDate day) {
		SubscriptionEntry holding = timeline.get(0);
		for (var entry : timeline) {
			if (!entry.effectiveOn().isAfter(day)) {
				holding = entry;
			}
		}
		return holding;
	}

	private static LocalDate day(Instant instant) {
		return instant.atZone(ZoneOffset.UTC).toLocalDate();
	}

	static String number(BigDecimal value) {
		return Rating.number(value);
	}
}
