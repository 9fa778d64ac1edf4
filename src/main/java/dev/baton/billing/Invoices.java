package dev.baton.billing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.baton.audit.AuditLog;
import dev.baton.billing.domain.BillingEngine;
import dev.baton.billing.domain.Contract;
import dev.baton.billing.domain.Inputs;
import dev.baton.billing.domain.Line;
import dev.baton.billing.domain.Period;
import dev.baton.billing.domain.TaxRate;
import dev.baton.billing.jdbc.BillingScheduleRepository;
import dev.baton.billing.jdbc.InvoiceRepository;
import dev.baton.billing.jdbc.PaymentRepository;
import dev.baton.pipeline.AccountId;
import dev.baton.platform.BatonException;
import dev.baton.platform.Decision;
import dev.baton.platform.Money;
import dev.baton.subscription.SubscriptionId;
import dev.baton.subscription.SubscriptionStatus;

/**
 * Invoices: reads them, bills a subscription (for the billing run), finalizes drafts, issues
 * credit notes, previews a subscription's upcoming invoice and explains a line. Every write is
 * audited in its transaction.
 */
@Service
public class Invoices {

	private final InvoiceRepository repository;
	private final PaymentRepository paymentRecords;
	private final Payments payments;
	private final ContractReader contracts;
	private final InvoiceSettlement settlement;
	private final BillingProperties properties;
	private final ApplicationEventPublisher events;
	private final AuditLog audit;
	private final Clock clock;
	private final UsageBilling usage;
	private final InvoiceOwnerLocks locks;
	private final BillingScheduleRepository schedule;
	private final BillingAccounts accounts;

	Invoices(InvoiceRepository repository, PaymentRepository paymentRecords, Payments payments, ContractReader contracts,
			InvoiceSettlement settlement, BillingProperties properties,
			ApplicationEventPublisher events, AuditLog audit, Clock clock, InvoiceOwnerLocks locks,
			BillingScheduleRepository schedule, BillingAccounts accounts, UsageBilling usage) {
		this.usage = usage;
		this.accounts = accounts;
		this.locks = locks;
		this.schedule = schedule;
		this.repository = repository;
		this.paymentRecords = paymentRecords;
		this.payments = payments;
		this.contracts = contracts;
		this.settlement = settlement;
		this.properties = properties;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * A credit note to issue: an amount of the invoice's currency, why, and where the part beyond what
	 * is still owed goes (account credit when null).
	 */
	public record NewCreditNote(BigDecimal amount, String reason, CreditNote.Disposition disposition) {

		public NewCreditNote(BigDecimal amount, String reason) {
			this(amount, reason, null);
		}
	}

	/** Whether a recomputation from an invoice's stored inputs gives its lines and its hash again. */
	public record Recomputation(boolean sameLines, String storedHash, String recomputedHash, int lines) {
	}

	@Transactional(readOnly = true)
	public Invoice invoice(InvoiceId id) {
		return repository.find(id).orElseThrow(() -> BatonException.notFound("Invoice", id));
	}

	/** The invoices of an invoice owner, newest first, without their lines. */
	@Transactional(readOnly = true)
	public List<Invoice> ofAccount(AccountId account) {
		var accountId = account.value();
		Objects.requireNonNull(accountId, "accountId");
		return repository.ofAccount(accountId);
	}

	/**
	 * The day the billing period after the one containing {@code day} starts (the subscription's
	 * first day when {@code day} is before it): when a change ordered for the period end takes effect.
	 */
	@Transactional(readOnly = true)
	public LocalDate nextPeriodStart(SubscriptionId id, LocalDate day) {
		var contract = contracts.read(id).contract();
		return day.isBefore(contract.anchor()) ? contract.anchor() : contract.periodOf(day).end();
	}

	/** The latest invoices of every owner, newest first, of one status or all (null), at most {@code limit}. */
	@Transactional(readOnly = true)
	public List<Invoice> latest(InvoiceStatus status, int limit) {
		return repository.latest(status, limit);
	}

	/**
	 * Bills one subscription up to {@code today}, in the caller's transaction: for every period from
	 * the one where something is still to bill (the next period, or the day a version made since
	 * the last run took effect) to the one containing today, the engine's lines minus what was
	 * invoiced go onto the invoice owner's draft, with the inputs they came from.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	Billed bill(SubscriptionId id, int billedVersion, LocalDate nextBillOn, LocalDate today) {
		return billAll(List.of(new ToBill(id, billedVersion, nextBillOn)), today).get(id);
	}

	/**
	 * Bills a subscription at once and finalizes its invoice owner's draft, for a change ordered to
	 * be invoiced at once. The subscription's billing row and its owner are locked as the run locks
	 * them, so this and a run never bill it together; the draft carries whatever else the owner has
	 * not been invoiced for yet, as Stripe's invoice-now does.
	 */
	@Transactional
	public java.util.Optional<Invoice> invoiceNow(SubscriptionId id, String reason) {
		var due = schedule.lock(id.value()).orElseThrow(() -> BatonException.notFound("Subscription", id));
		locks.lock(List.of(due.invoiceOwner()));
		var today = LocalDate.now(clock);
		var billed = bill(id, due.billedVersion(), due.nextBillOn(), today);
		schedule.billed(id.value(), billed.version(), billed.nextBillOn(), clock.instant());
		var read = contracts.read(id);
		var current = read.current();
		var draft = repository.draftOf(current.parties().invoiceOwnerAccountId(), current.currency(),
				read.contract().periodOf(today).start());
		if (draft.isEmpty() || repository.lines(draft.get()).isEmpty()) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.of(finalizeDraft(draft.get(), reason));
	}

	/** A subscription the run claimed: the version it was billed at last and the day its next period starts. */
	record ToBill(SubscriptionId id, int billedVersion, LocalDate nextBillOn) {
	}

	/**
	 * Bills several subscriptions up to {@code today} in the caller's transaction, as {@link #bill}
	 * does one, reading their contracts, prices and invoiced lines together and writing every line
	 * and computation in a few statements: how the billing run bills a batch. The caller holds the
	 * invoice owners' locks ({@link InvoiceOwnerLocks}); an owner that changed since is locked here.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	Map<SubscriptionId, Billed> billAll(List<ToBill> due, LocalDate today) {
		return billAll(due, today, prices());
	}

	/**
	 * A cache of plans and prices for a run: a run keeps one across its batches, since what a price
	 * resolves to only changes when a price book version is published (a version published while a
	 * run works is seen by the next run).
	 */
	ContractReader.Prices prices() {
		return contracts.new Prices();
	}

	@Transactional(propagation = Propagation.MANDATORY)
	Map<SubscriptionId, Billed> billAll(List<ToBill> due, LocalDate today, ContractReader.Prices prices) {
		var ids = due.stream().map(ToBill::id).toList();
		var reads = contracts.readAll(ids, prices);
		// the run locked the owners it claimed; one whose subscription moved to another owner since is locked now
		locks.lock(reads.values().stream().map(r -> r.current().parties().invoiceOwnerAccountId()).toList());
		var invoiced = repository.invoicedOf(ids.stream().map(SubscriptionId::value).toList());
		var taxes = accounts.taxRates(reads.values().stream().map(r -> r.current().parties().invoiceOwnerAccountId())
				.collect(java.util.stream.Collectors.toSet()));
		var computed = new ArrayList<Computed>();
		for (var each : due) {
			var read = reads.get(each.id());
			if (read == null) {
				throw BatonException.notFound("Subscription", each.id());
			}
			computed.add(compute(read, invoiced.getOrDefault(each.id().value(), List.of()), each.billedVersion(),
					each.nextBillOn(), today, taxes.get(read.current().parties().invoiceOwnerAccountId())));
		}
		var owners = new java.util.TreeMap<String, InvoiceRepository.DraftKey>();
		for (var each : computed) {
			if (!each.periods().isEmpty()) {
				var key = draftKey(each);
				owners.put(key.owner() + key.currency() + key.billingDay(), key);
			}
		}
		var drafts = repository.lockDrafts(List.copyOf(owners.values()), clock.instant());
		var positions = repository.nextPositions(drafts.values());
		var computations = new ArrayList<InvoiceRepository.NewComputation>();
		var lines = new ArrayList<InvoiceRepository.NewLine>();
		var added = new java.util.LinkedHashMap<InvoiceId, java.util.Set<String>>();
		var results = new java.util.LinkedHashMap<SubscriptionId, Billed>();
		for (var each : computed) {
			int written = 0;
			if (!each.periods().isEmpty()) {
				var draft = drafts.get(draftKey(each));
				var next = positions.get(draft);
				for (var period : each.periods()) {
					var text = InputsCodec.write(period.inputs());
					var computation = new InvoiceRepository.Computation(UUID.randomUUID(), each.contract().subscriptionId(),
							next.computation(), text, InputsCodec.sha256(text));
					computations.add(new InvoiceRepository.NewComputation(draft, computation,
							period.inputs().period().start(), period.inputs().period().end()));
					next = next.computationAdded();
					for (var line : period.lines()) {
						lines.add(new InvoiceRepository.NewLine(draft, computation.id(), next.line(),
								each.contract().subscriptionNumber(), line, each.contract().subscriptionId(),
								period.inputs().tax(), period.inputs().taxOf(line).amount()));
						next = next.lineAdded();
						written++;
					}
				}
				positions.put(draft, next);
				added.computeIfAbsent(draft, k -> new java.util.TreeSet<>()).add(each.contract().subscriptionNumber());
			}
			results.put(SubscriptionId.of(each.contract().subscriptionId()),
					new Billed(each.nextBillOn(), each.contract().latestVersion(), written));
		}
		repository.insertComputations(computations, clock.instant());
		repository.insertLines(lines);
		if (!added.isEmpty()) {
			var details = new java.util.LinkedHashMap<Object, Map<String, ?>>();
			added.forEach((draft, numbers) -> details.put(draft.value(), Map.of("subscriptions", List.copyOf(numbers))));
			audit.recordAllBySystem("invoice.lines-added", "invoice", details, "Billing run");
		}
		return results;
	}

	/**
	 * The draft a subscription's lines go onto: its invoice owner's in its currency for its billing
	 * day, the first day of the latest period billed, so the subscriptions that share a billing day
	 * share an invoice (a period caught up late goes with the current one).
	 */
	private static InvoiceRepository.DraftKey draftKey(Computed each) {
		return new InvoiceRepository.DraftKey(each.current().parties().invoiceOwnerAccountId(), each.current().currency(),
				each.periods().get(each.periods().size() - 1).inputs().period().start());
	}

	/** What billing one subscription did: the next day it is due, the version it billed, the lines written. */
	record Billed(LocalDate nextBillOn, int version, int lines) {
	}

	/** One computation of the engine: a period's inputs and the lines they give. */
	record PeriodLines(Inputs inputs, List<Line> lines) {
	}

	/** What is still to bill for one subscription, period by period, and the day it is next due. */
	record Computed(Contract contract, dev.baton.subscription.Subscription current, List<PeriodLines> periods,
			LocalDate nextBillOn) {
	}

	/** The engine's diff for every period from where something is still to bill up to the one containing today. */
	static Computed compute(ContractReader.Read read, List<Line.Invoiced> invoiced, int billedVersion,
			LocalDate nextBillOn, LocalDate today, TaxRate tax) {
		var contract = read.contract();
		var current = read.current();
		if (today.isBefore(contract.anchor())) {
			return new Computed(contract, current, List.of(), contract.anchor());
		}
		var start = nextBillOn == null ? today : nextBillOn;
		for (var version : contract.versions()) {
			if (version.version() > billedVersion && version.effectiveOn().isBefore(start)) {
				start = version.effectiveOn();
			}
		}
		if (start.isBefore(contract.anchor())) {
			start = contract.anchor();
		}
		var periods = new ArrayList<PeriodLines>();
		for (var period : Period.between(contract.anchor(), contract.periodMonths(), start, today)) {
			var inputs = new Inputs(contract, period, inPeriod(invoiced, period), tax);
			var lines = inputs.lines();
			if (!lines.isEmpty()) {
				periods.add(new PeriodLines(inputs, lines));
			}
		}
		// a cancelled subscription has nothing more to bill unless it changes again (it never does)
		var next = current.status() == SubscriptionStatus.CANCELLED ? null : contract.periodOf(today).end();
		return new Computed(contract, current, periods, next);
	}

	private static List<Line.Invoiced> inPeriod(List<Line.Invoiced> invoiced, Period period) {
		return invoiced.stream().filter(line -> period.contains(line.from())).toList();
	}

	/**
	 * Finalizes a draft: it takes the next number of the year (gapless: the counter row is updated
	 * in this transaction), its total and the hash of its inputs, and never changes again.
	 */
	@Transactional
	public Invoice finalizeDraft(InvoiceId id, String reason) {
		var status = repository.lock(id).orElseThrow(() -> BatonException.notFound("Invoice", id));
		if (status != InvoiceStatus.DRAFT) {
			throw Decision.refused(BillingRule.STATE, "Invoice " + invoice(id).number() + " is " + status
					+ ", not a draft: a finalized invoice never changes; correct it with a credit note")
					.toException(BillingProblems.FINALIZED);
		}
		var lines = repository.lines(id);
		Decision.check().refuseIf(lines.isEmpty(), BillingRule.HAS_LINES,
				() -> "The draft has no lines yet; there is nothing to finalize").decide().orThrow(BillingProblems.RULE);
		var today = LocalDate.now(clock);
		var number = String.format("INV-%d-%06d", today.getYear(), repository.takeNumber("INVOICE", today.getYear()));
		var hash = InputsCodec.invoiceHash(repository.computations(id).stream()
				.map(InvoiceRepository.Computation::inputsHash).toList());
		var total = repository.lineTotal(id);
		var dueOn = today.plusDays(properties.paymentTerms().toDays());
		if (!repository.finalize(id, number, total, hash, today, dueOn, clock.instant(), currentUser())) {
			throw new IllegalStateException("Invoice " + id + " was locked as a draft but is not one");
		}
		audit.record("invoice.finalized", "invoice", id.value(), reason,
				Map.of("number", number, "total", total.toPlainString(), "inputsHash", hash));
		var invoice = invoice(id);
		events.publishEvent(new InvoiceFinalized(id, number, invoice.invoiceOwnerAccountId(),
				Money.of(invoice.total(), invoice.currency()), today, dueOn, repository.subscriptionsOf(id)));
		// a draft that is all credit (a downgrade) is owed nothing: it is settled at once
		settlement.paidIfNothingOwed(id, "Nothing is owed");
		return invoice(id);
	}

	/** Voids an open invoice that nothing was paid on: nothing is owed any more, and its dunning ends. */
	@Transactional
	public Invoice voidInvoice(InvoiceId id, String reason) {
		var status = repository.lock(id).orElseThrow(() -> BatonException.notFound("Invoice", id));
		var invoice = invoice(id);
		var why = reason == null ? "" : reason.strip();
		Decision.check()
				.refuseIf(status != InvoiceStatus.OPEN, BillingRule.STATE, () -> "Invoice "
						+ (invoice.number() == null ? "draft" : invoice.number()) + " is " + status + "; only an open invoice is voided")
				.refuseIf(invoice.paid().signum() > 0, BillingRule.VOID_UNPAID, () -> "Invoice " + invoice.number()
						+ " has " + invoice.currency() + " " + invoice.paid().toPlainString()
						+ " paid on it; credit and refund that part with a credit note instead")
				.refuseIf(why.isEmpty(), BillingRule.SETTLEMENT_REASON,
						() -> "Voiding an invoice says why (the " + AuditLog.REASON_HEADER + " header)")
				.decide().orThrow(BillingProblems.RULE);
		settlement.move(invoice, InvoiceStatus.VOID, why);
		audit.record("invoice.voided", "invoice", id.value(), why, Map.of("number", invoice.number()));
		return invoice(id);
	}

	/** Writes an open invoice off as uncollectible: kept for the books, still payable, its dunning ended. */
	@Transactional
	public Invoice writeOff(InvoiceId id, String reason) {
		var status = repository.lock(id).orElseThrow(() -> BatonException.notFound("Invoice", id));
		var invoice = invoice(id);
		var why = reason == null ? "" : reason.strip();
		Decision.check()
				.refuseIf(status != InvoiceStatus.OPEN, BillingRule.STATE, () -> "Invoice "
						+ (invoice.number() == null ? "draft" : invoice.number()) + " is " + status
						+ "; only an open invoice is written off")
				.refuseIf(why.isEmpty(), BillingRule.SETTLEMENT_REASON,
						() -> "Writing an invoice off says why (the " + AuditLog.REASON_HEADER + " header)")
				.decide().orThrow(BillingProblems.RULE);
		settlement.move(invoice, InvoiceStatus.UNCOLLECTIBLE, why);
		audit.record("invoice.written-off", "invoice", id.value(), why, Map.of("number", invoice.number()));
		return invoice(id);
	}

	/**
	 * Issues a credit note on a finalized invoice, whole or in part: at most what is left after
	 * earlier credit notes. The invoice is locked, so two credit notes at once cannot together
	 * exceed it.
	 */
	@Transactional
	public CreditNote creditNote(InvoiceId id, NewCreditNote request, String reason) {
		var status = repository.lock(id).orElseThrow(() -> BatonException.notFound("Invoice", id));
		var invoice = invoice(id);
		var amount = request.amount();
		var left = invoice.total().subtract(invoice.credited());
		var why = request.reason() == null ? "" : request.reason().strip();
		Decision.check()
				.refuseIf(status == InvoiceStatus.DRAFT || status == InvoiceStatus.VOID, BillingRule.STATE,
						() -> "Invoice " + (invoice.number() == null ? "draft" : invoice.number()) + " is " + status
								+ "; only a finalized invoice that is not void is credited")
				.refuseIf(amount == null || amount.signum() <= 0, BillingRule.CREDIT_AMOUNT,
						() -> "A credit note is for more than zero")
				.refuseIf(amount != null && amount.signum() > 0 && amount.compareTo(left) > 0, BillingRule.CREDIT_AMOUNT,
						() -> "A credit note of " + invoice.currency() + " " + amount.toPlainString() + " is larger than the "
								+ invoice.currency() + " " + left.toPlainString() + " left on invoice " + invoice.number())
				.refuseIf(amount != null && amount.scale() > 2 && amount.stripTrailingZeros().scale() > 2,
						BillingRule.CREDIT_AMOUNT, () -> "A credit note is in whole cents, not " + amount.toPlainString())
				.refuseIf(why.isEmpty(), BillingRule.CREDIT_REASON, () -> "A credit note says why (reason)")
				.decide().orThrow(BillingProblems.RULE);
		var today = LocalDate.now(clock);
		var number = String.format("CN-%d-%06d", today.getYear(), repository.takeNumber("CREDIT_NOTE", today.getYear()));
		var disposition = request.disposition() == null ? CreditNote.Disposition.ACCOUNT_CREDIT : request.disposition();
		// what the note credits beyond what is still owed was paid already: it goes back to the payer
		var beyondOwed = amount.setScale(2).subtract(invoice.due()).max(BigDecimal.ZERO);
		var card = paymentRecords.lastCardPayment(id);
		Decision.check()
				.refuseIf(disposition == CreditNote.Disposition.REFUND && beyondOwed.signum() > 0
						&& (card.isEmpty() || card.get().amount().compareTo(beyondOwed) < 0), BillingRule.REFUND,
						() -> "A refund goes back to a card payment of at least " + invoice.currency() + " "
								+ beyondOwed.toPlainString() + "; invoice " + invoice.number()
								+ " has none: issue the note as account credit")
				.decide().orThrow(BillingProblems.RULE);
		var note = new CreditNote(UUID.randomUUID(), number, id, amount.setScale(2), invoice.currency(), why, disposition,
				clock.instant(), currentUser());
		repository.insertCreditNote(note);
		if (beyondOwed.signum() > 0) {
			paymentRecords.addCredit(invoice.invoiceOwnerAccountId(), invoice.currency(), beyondOwed, "CREDIT_NOTE", null,
					note.id(), clock.instant(), currentUser());
			if (disposition == CreditNote.Disposition.REFUND) {
				payments.refund(invoice, card.get(), note, beyondOwed, currentUser());
			}
		}
		audit.record("invoice.credited", "invoice", id.value(), reason == null ? why : reason,
				Map.of("creditNote", number, "amount", note.amount().toPlainString(), "invoice", invoice.number(),
						"beyondOwed", beyondOwed.toPlainString(), "disposition", disposition.name()));
		events.publishEvent(new CreditNoteIssued(note.id(), number, id, invoice.number(), invoice.invoiceOwnerAccountId(),
				Money.of(note.amount(), invoice.currency()), Money.of(beyondOwed, invoice.currency()), why));
		settlement.paidIfNothingOwed(id, "Credited in full by " + number);
		return note;
	}

	/**
	 * What the next billing run would invoice for a subscription: what is not invoiced yet up to
	 * its next billing date, that period charged in advance included. Writes nothing.
	 */
	@Transactional(readOnly = true)
	public UpcomingInvoice upcoming(SubscriptionId id) {
		var read = contracts.read(id);
		var contract = read.contract();
		var tax = accounts.taxRate(read.current().parties().invoiceOwnerAccountId()).orElse(null);
		var today = LocalDate.now(clock);
		var billingDate = today.isBefore(contract.anchor()) ? contract.anchor() : contract.periodOf(today).end();
		var invoiced = repository.invoicedOf(List.of(id.value())).getOrDefault(id.value(), List.of());
		var lines = new ArrayList<Line>();
		for (var period : Period.between(contract.anchor(), contract.periodMonths(), contract.anchor(), billingDate)) {
			lines.addAll(BillingEngine.diff(contract, period, inPeriod(invoiced, period)));
		}
		return upcoming(id, contract, billingDate, lines, tax);
	}

	static UpcomingInvoice upcoming(SubscriptionId id, Contract contract, LocalDate billingDate, List<Line> lines,
			TaxRate tax) {
		var subtotal = BillingEngine.total(contract.currency(), lines).amount();
		var taxTotal = lines.stream().map(l -> BillingEngine.tax(l, tax).amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
		return new UpcomingInvoice(id, contract.subscriptionNumber(), contract.currency(), billingDate,
				subtotal.add(taxTotal), lines.stream().map(l -> new UpcomingInvoice.Line(l.kind().name(), l.charge().code(),
						l.charge().quantity(), l.period().start(), l.period().end(), l.from(), l.to(), l.sourceVersion(),
						l.orderNumber(), l.charge().priceBookVersionNumber(), l.amount().amount(), l.explanation(),
						BillingEngine.tax(l, tax).amount(), BillingEngine.taxWords(l, tax))).toList(),
				subtotal, taxTotal);
	}

	/** Where a line comes from, with its arithmetic. */
	@Transactional(readOnly = true)
	public LineExplanation explain(InvoiceId id, InvoiceLineId lineId) {
		var invoice = invoice(id);
		var line = invoice.lines().stream().filter(l -> l.id().equals(lineId)).findFirst()
				.orElseThrow(() -> BatonException.notFound("Line", lineId + " of invoice " + id));
		var contract = contracts.read(SubscriptionId.of(line.subscriptionId())).contract();
		var version = contract.versions().stream().filter(v -> v.version() == line.sourceVersion()).findFirst()
				.orElseThrow();
		var hash = repository.computations(id).stream()
				.filter(c -> c.subscriptionId().equals(line.subscriptionId())).map(InvoiceRepository.Computation::inputsHash)
				.reduce((first, last) -> last).orElse(null);
		var from = ("PLAN".equals(line.chargeType()) ? "seats" : "quantity of add-on " + line.planCode()) + " of "
				+ contract.subscriptionNumber() + " version " + version.version() + " (" + version.action() + ", order "
				+ version.orderNumber() + ")";
		var used = usage.explain(id, line);
		if (used != null) {
			hash = used.inputsHash();
			from = used.usage() == null ? "one-time charge on " + contract.subscriptionNumber() + ": " + line.explanation()
					: used.usage().periodStart() != null
					? "usage of meter " + used.usage().meterCode() + " by the account of " + contract.subscriptionNumber()
							+ ", " + used.usage().periodStart() + " to " + used.usage().periodEnd() + " (revision "
							+ used.usage().revision() + (used.usage().late() ? ", late" : "") + ")"
					: "pack of " + used.usage().meterCode() + " added by " + contract.subscriptionNumber() + " version "
							+ version.version() + " (order " + version.orderNumber() + ")";
		}
		var period = new Period(line.periodStart(), line.periodEnd());
		var tax = line.taxName() == null ? null : new LineExplanation.Tax(line.taxName(), line.taxJurisdiction(),
				line.taxPercent(), line.taxAmount(), line.taxLabel() + " on " + Money.of(line.amount(), invoice.currency()).formatted()
						+ " = " + Money.of(line.taxAmount(), invoice.currency()).formatted());
		return new LineExplanation(id, invoice.number(), lineId, line.kind(), line.amount(), invoice.currency(),
				line.explanation(),
				new LineExplanation.Source(line.subscriptionId(), line.subscriptionNumber(), version.version(),
						version.orderNumber(), version.action(), version.effectiveOn()),
				new LineExplanation.PriceSource(line.planCode(), line.priceBookVersionId(), line.priceBookVersionNumber(),
						line.unitPrice(), line.discountPercent()),
				new LineExplanation.Quantity(line.quantity(), line.unit(), from),
				new LineExplanation.Days(period.start(), period.end(), period.days(), line.from(), line.to(),
						new Period(line.from(), line.to()).days()),
				hash, tax, used == null ? null : used.usage());
	}

	/**
	 * Recomputes an invoice from the inputs stored with it, for finance's audit: the engine gives
	 * the same lines, and the inputs the same hash, or the answer says they differ.
	 */
	@Transactional(readOnly = true)
	public Recomputation recompute(InvoiceId id) {
		var invoice = invoice(id);
		var computations = repository.computations(id);
		var recomputed = new ArrayList<String>();
		var hashes = new ArrayList<String>();
		for (var computation : computations) {
			if (UsageBilling.isStored(computation.inputs())) {
				var stored = InputsCodec.readValue(computation.inputs(), UsageBilling.Stored.class);
				hashes.add(InputsCodec.sha256(InputsCodec.writeValue(stored)));
				for (var line : UsageBilling.recompute(computation.inputs())) {
					recomputed.add(signature(line.kind(), line.plan(), line.from(), line.to(), line.amount(), line.words())
							+ " tax " + line.tax().setScale(2));
				}
				continue;
			}
			var inputs = InputsCodec.read(computation.inputs());
			var text = InputsCodec.write(inputs);
			hashes.add(InputsCodec.sha256(text));
			for (var line : inputs.lines()) {
				recomputed.add(signature(line.kind().name(), line.charge().code(), line.from(), line.to(),
						line.amount().amount(), line.explanation()) + " tax " + inputs.taxOf(line).amount().setScale(2));
			}
		}
		var stored = invoice.lines().stream()
				.map(l -> signature(l.kind(), l.planCode(), l.from(), l.to(), l.amount(), l.explanation()) + " tax "
						+ l.taxAmount().setScale(2))
				.toList();
		var storedHash = invoice.inputsHash() != null ? invoice.inputsHash()
				: InputsCodec.invoiceHash(computations.stream().map(InvoiceRepository.Computation::inputsHash).toList());
		return new Recomputation(stored.equals(recomputed), storedHash, InputsCodec.invoiceHash(hashes), stored.size());
	}

	private static String signature(String kind, String plan, LocalDate from, LocalDate to, BigDecimal amount,
			String words) {
		return kind + " " + plan + " " + from + ".." + to + " " + amount.setScale(2) + " " + words;
	}

	static String currentUser() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication == null ? "system" : authentication.getName();
	}
}
