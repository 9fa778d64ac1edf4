package dev.baton.billing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.baton.billing.domain.BillingEngine;
import dev.baton.billing.domain.Contract;
import dev.baton.billing.domain.Line;
import dev.baton.billing.domain.Period;
import dev.baton.billing.domain.TaxRate;
import dev.baton.billing.jdbc.InvoiceRepository;
import dev.baton.platform.BatonException;
import dev.baton.platform.FieldError;
import dev.baton.subscription.Subscription;
import dev.baton.subscription.SubscriptionChange;
import dev.baton.subscription.SubscriptionEntry;
import dev.baton.subscription.SubscriptionId;
import dev.baton.subscription.SubscriptionStatus;
import dev.baton.subscription.Subscriptions;

/**
 * The cost of a draft order, by the billing engine over a hypothetical timeline: each action is
 * simulated by {@link Subscriptions#simulate} (checked as placing it would check it) and added to
 * the subscription's timeline as a version not yet made; the engine then computes what billing
 * would add now and what the next period costs. Nothing is written and nothing is locked.
 */
@Service
public class OrderPreviews {

	private final Subscriptions subscriptions;
	private final ContractReader contracts;
	private final InvoiceRepository invoices;
	private final BillingAccounts accounts;
	private final Clock clock;

	OrderPreviews(Subscriptions subscriptions, ContractReader contracts, InvoiceRepository invoices,
			BillingAccounts accounts, Clock clock) {
		this.subscriptions = subscriptions;
		this.contracts = contracts;
		this.invoices = invoices;
		this.accounts = accounts;
		this.clock = clock;
	}

	/**
	 * An action of the draft order, as ordering would place it: with its proration decided, and the
	 * day it is deferred to when it waits for the next billing period (null: now).
	 */
	public record Planned(SubscriptionChange action, LocalDate deferredTo) {
	}

	/** A subscription's timeline as it stands and as the order would leave it. */
	private static final class Hypothesis {

		final SubscriptionId id;
		final List<SubscriptionEntry> before;
		final List<SubscriptionEntry> after;
		LocalDate firstChange;

		Hypothesis(SubscriptionId id, List<SubscriptionEntry> before) {
			this.id = id;
			this.before = before;
			this.after = new ArrayList<>(before);
		}

		Subscription latest() {
			return after.get(after.size() - 1).subscription();
		}

		void add(SubscriptionChange action, Subscription next, LocalDate effectiveOn) {
			var version = after.isEmpty() ? 0 : after.get(after.size() - 1).version() + 1;
			after.add(new SubscriptionEntry(version, null, "(draft)", action.action(), effectiveOn, null, null, null, next,
					action.proration()));
			firstChange = firstChange == null || effectiveOn.isBefore(firstChange) ? effectiveOn : firstChange;
		}
	}

	/** What the order would cost; a refusal is the one placing it would answer, naming the action. */
	@Transactional(readOnly = true)
	public OrderPreview preview(List<Planned> actions) {
		var hypotheses = new LinkedHashMap<Object, Hypothesis>();
		for (int i = 0; i < actions.size(); i++) {
			try {
				simulate(actions.get(i), hypotheses);
			}
			catch (BatonException refused) {
				var properties = new LinkedHashMap<String, Object>(refused.properties());
				properties.put("actionIndex", i);
				var index = i;
				throw new BatonException(refused.type(), "actions[" + i + "] (" + actions.get(i).action().action() + "): "
						+ refused.getMessage(), refused.fieldErrors().stream()
								.map(e -> new FieldError("actions[" + index + "]." + e.field(), e.message())).toList(),
						properties);
			}
		}
		var prices = contracts.new Prices();
		var costs = new ArrayList<OrderPreview.SubscriptionCost>();
		var dueNow = new TreeMap<String, BigDecimal>();
		var nextPeriod = new TreeMap<String, BigDecimal>();
		for (var hypothesis : hypotheses.values()) {
			var cost = cost(hypothesis, prices);
			costs.add(cost);
			dueNow.merge(cost.currency(), cost.now().total(), BigDecimal::add);
			nextPeriod.merge(cost.currency(), cost.next().total(), BigDecimal::add);
		}
		var scheduled = new ArrayList<OrderPreview.Scheduled>();
		for (int i = 0; i < actions.size(); i++) {
			if (actions.get(i).deferredTo() != null) {
				scheduled.add(new OrderPreview.Scheduled(i, actions.get(i).deferredTo()));
			}
		}
		return new OrderPreview(costs, dueNow, nextPeriod, scheduled);
	}

	private void simulate(Planned planned, Map<Object, Hypothesis> hypotheses) {
		var action = planned.action();
		if (action instanceof SubscriptionChange.Create) {
			var created = subscriptions.simulate(null, action);
			var hypothesis = new Hypothesis(created.next().id(), List.of());
			hypothesis.add(action, created.next(), created.effectiveOn());
			hypotheses.put(hypothesis, hypothesis);
			return;
		}
		if (action.subscriptionId() == null) {
			throw BatonException.invalid("subscriptionId", "is required: the subscription " + action.action() + " changes");
		}
		var hypothesis = hypotheses.computeIfAbsent(action.subscriptionId(),
				id -> new Hypothesis(action.subscriptionId(), subscriptions.timeline(action.subscriptionId())));
		var simulated = subscriptions.simulate(hypothesis.latest(), action);
		hypothesis.add(action, simulated.next(), planned.deferredTo() != null ? planned.deferredTo()
				: simulated.effectiveOn());
	}

	private OrderPreview.SubscriptionCost cost(Hypothesis hypothesis, ContractReader.Prices prices) {
		var today = LocalDate.now(clock);
		var after = contracts.read(hypothesis.id, hypothesis.after, prices);
		var contract = after.contract();
		var current = after.current();
		var tax = accounts.taxRate(current.parties().invoiceOwnerAccountId()).orElse(null);
		var from = today.isBefore(contract.anchor()) ? contract.anchor() : today;
		// now: what the order adds up to the period containing today, beyond what billing would add anyway
		var now = new ArrayList<Line>();
		if (hypothesis.before.isEmpty()) {
			now.addAll(BillingEngine.expected(contract, contract.periodOf(from)));
		}
		else {
			var before = contracts.read(hypothesis.id, hypothesis.before, prices).contract();
			var invoiced = invoices.invoicedOf(List.of(hypothesis.id.value())).getOrDefault(hypothesis.id.value(), List.of());
			var start = hypothesis.firstChange.isBefore(contract.anchor()) ? contract.anchor() : hypothesis.firstChange;
			if (!start.isAfter(from)) {
				for (var period : Period.between(contract.anchor(), contract.periodMonths(), start, from)) {
					var inPeriod = new ArrayList<>(invoiced.stream().filter(l -> period.contains(l.from())).toList());
					// what is not invoiced yet without the order would be billed anyway: it counts as invoiced here
					BillingEngine.diff(before, period, inPeriod).forEach(l -> inPeriod.add(l.invoiced()));
					now.addAll(BillingEngine.diff(contract, period, inPeriod));
				}
			}
		}
		// next: the period after the one containing today, as a renewal when it starts a new term
		var next = contract.periodOf(from).end();
		var nextPeriod = new Period(next, contract.periodOf(next).end());
		var latest = hypothesis.latest();
		var renews = !next.isBefore(latest.termEnd()) && latest.status() == SubscriptionStatus.ACTIVE && latest.autoRenew()
				&& latest.cancelsOn() == null;
		var priced = contract;
		if (renews) {
			var renewal = subscriptions.simulate(latest, new SubscriptionChange.Renew(latest.id(), null));
			var renewed = new Hypothesis(hypothesis.id, hypothesis.after);
			renewed.add(new SubscriptionChange.Renew(latest.id(), null), renewal.next(), renewal.effectiveOn());
			priced = contracts.read(hypothesis.id, renewed.after, prices).contract();
		}
		return new OrderPreview.SubscriptionCost(hypothesis.before.isEmpty() ? null : hypothesis.id.value(),
				hypothesis.before.isEmpty() ? null : current.number(), current.planCode(), current.currency(),
				cost(contract, now, tax), next, renews, cost(priced, BillingEngine.expected(priced, nextPeriod), tax));
	}

	private static OrderPreview.Cost cost(Contract contract, List<Line> lines, TaxRate tax) {
		var upcoming = Invoices.upcoming(SubscriptionId.of(contract.subscriptionId()), contract, null, lines, tax);
		return new OrderPreview.Cost(upcoming.subtotal(), upcoming.tax(), upcoming.total(), upcoming.lines());
	}
}
