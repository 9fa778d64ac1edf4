package dev.baton.finance;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.baton.catalog.BillingPeriod;
import dev.baton.catalog.Catalog;
import dev.baton.catalog.ChargeModel;
import dev.baton.catalog.Plan;
import dev.baton.catalog.Price;
import dev.baton.catalog.ProductKind;
import dev.baton.finance.domain.ArrTimeline;
import dev.baton.finance.jdbc.ArrRepository;
import dev.baton.ordering.Order;
import dev.baton.ordering.OrderId;
import dev.baton.ordering.Orders;
import dev.baton.pipeline.AccountId;
import dev.baton.pipeline.BookedFigures;
import dev.baton.pipeline.OpportunityId;
import dev.baton.pipeline.Pipeline;
import dev.baton.platform.BatonException;
import dev.baton.platform.Money;
import dev.baton.subscription.Subscription;
import dev.baton.subscription.SubscriptionEntry;
import dev.baton.subscription.SubscriptionId;
import dev.baton.subscription.Subscriptions;

/**
 * Keeps finance's ARR and booking rows of a subscription true to its timeline, and the booked
 * figures of the accounts that own it (which pipeline keeps and the CRM hears). A subscription's
 * rows are recomputed whole from its timeline under its row lock, so an event heard twice, late or
 * out of order computes the same rows; an account's figures are computed under the account's lock
 * from the rows committed, so two subscriptions of one account changing at once both count.
 */
@Component
class RecurringRevenue {

	/** Dimension value of a subscription sold on no opportunity, or of an account without a region. */
	static final String NONE = "NONE";

	private final Subscriptions subscriptions;
	private final Orders orders;
	private final Catalog catalog;
	private final Pipeline pipeline;
	private final BookedFigures booked;
	private final ArrRepository repository;
	private final Clock clock;

	RecurringRevenue(Subscriptions subscriptions, Orders orders, Catalog catalog, Pipeline pipeline,
			BookedFigures booked, ArrRepository repository, Clock clock) {
		this.subscriptions = subscriptions;
		this.orders = orders;
		this.catalog = catalog;
		this.pipeline = pipeline;
		this.booked = booked;
		this.repository = repository;
		this.clock = clock;
	}

	/** Recomputes a subscription's rows and the figures of every account that owns or owned it. */
	@Transactional
	public void refresh(SubscriptionId id) {
		var now = clock.instant();
		repository.lock(id.value(), subscriptions.subscription(id).parties().ownerAccountId(), now);
		// read after the lock: the latest version committed before it
		var timeline = subscriptions.timeline(id);
		var current = timeline.get(timeline.size() - 1).subscription();
		var owners = new LinkedHashSet<UUID>(repository.ownersOf(id.value()));
		var lookups = new Lookups();
		var versions = new ArrayList<ArrTimeline.Version>();
		var dimensions = new HashMap<Integer, ArrRepository.Dimensions>();
		for (var entry : timeline) {
			versions.add(version(entry, lookups));
			dimensions.put(entry.version(), dimensions(entry.subscription(), lookups));
			owners.add(entry.subscription().parties().ownerAccountId());
		}
		var firstChannel = versions.get(0).channel();
		var arr = ArrTimeline.held(versions).stream().map(h -> new ArrRepository.ArrRow(h.version().version(),
				h.charge().code(), h.charge().productCode(), h.version().orderId(), h.version().orderNumber(), firstChannel,
				dimensions.get(h.version().version()), h.charge().annual(), h.from(), h.to(), h.version().termEnd(),
				h.version().renews())).toList();
		var bookings = ArrTimeline.bookings(versions).stream().map(b -> new ArrRepository.BookingRow(b.version().version(),
				b.chargeCode(), b.productCode(), b.version().orderId(), b.version().orderNumber(), b.version().bookedOn(),
				b.version().action(), b.kind().name(), firstChannel, dimensions.get(b.version().version()),
				b.before(), b.after(), b.delta(), b.renewed())).toList();
		repository.replace(id.value(), current.parties().ownerAccountId(), current.version(), arr, bookings, now);
		for (var owner : owners) {
			refreshAccount(AccountId.of(owner));
		}
	}

	/**
	 * Computes an account's figures today from the rows committed and keeps them in pipeline, which
	 * tells the CRM when they changed.
	 */
	@Transactional
	public Optional<BookedFigures.Summary> refreshAccount(AccountId account) {
		var accountId = account.value();
		repository.lockAccount(accountId);
		var today = LocalDate.now(clock);
		var holding = repository.holding(accountId, today);
		var lines = new ArrayList<BookedFigures.Line>();
		lines.addAll(lines(null, holding));
		var byOpportunity = new TreeMap<UUID, List<ArrRepository.Holding>>();
		for (var h : holding) {
			if (h.opportunityId() != null) {
				byOpportunity.computeIfAbsent(h.opportunityId(), o -> new ArrayList<>()).add(h);
			}
		}
		byOpportunity.forEach((opportunity, rows) -> lines.addAll(lines(opportunity, rows)));
		var active = (int) holding.stream().map(ArrRepository.Holding::subscriptionId).distinct().count();
		return booked.record(new BookedFigures.Summary(accountId, 0, today, active, nextRenewal(holding), lines));
	}

	private static List<BookedFigures.Line> lines(UUID opportunityId, List<ArrRepository.Holding> rows) {
		var byCurrency = new TreeMap<String, List<ArrRepository.Holding>>();
		rows.forEach(r -> byCurrency.computeIfAbsent(r.currency(), c -> new ArrayList<>()).add(r));
		var lines = new ArrayList<BookedFigures.Line>();
		byCurrency.forEach((currency, inCurrency) -> lines.add(new BookedFigures.Line(opportunityId,
				Money.of(inCurrency.stream().map(ArrRepository.Holding::arr).reduce(BigDecimal.ZERO, BigDecimal::add),
						currency),
				(int) inCurrency.stream().map(ArrRepository.Holding::subscriptionId).distinct().count(),
				nextRenewal(inCurrency))));
		return lines;
	}

	private static LocalDate nextRenewal(List<ArrRepository.Holding> rows) {
		return rows.stream().filter(ArrRepository.Holding::renews).map(ArrRepository.Holding::termEnd)
				.min(Comparator.naturalOrder()).orElse(null);
	}

	private ArrTimeline.Version version(SubscriptionEntry entry, Lookups lookups) {
		var s = entry.subscription();
		var order = lookups.orders.computeIfAbsent(entry.orderId(), id -> orders.order(OrderId.of(id)));
		var charges = new ArrayList<ArrTimeline.Charge>();
		charges.add(charge(s, s.planCode(), s.seats(), entry.effectiveOn(), lookups));
		s.addOns().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(addOn -> {
			if (recurring(lookups.plan(addOn.getKey()))) {
				charges.add(charge(s, addOn.getKey(), addOn.getValue(), entry.effectiveOn(), lookups));
			}
		});
		return new ArrTimeline.Version(entry.version(), entry.effectiveOn(), entry.orderId(), entry.orderNumber(),
				order.channel().name(), LocalDate.ofInstant(order.placedAt(), ZoneOffset.UTC), entry.action(),
				s.status().name(), s.termEnd(), s.cancelsOn(), s.autoRenew(), charges);
	}

	/** A charge's annual amount at the price its version names, as billing charges it. */
	private ArrTimeline.Charge charge(Subscription s, String code, int quantity, LocalDate day, Lookups lookups) {
		var plan = lookups.plan(code);
		Price price;
		try {
			price = catalog.price(code, s.currency(), day, s.priceBookVersionId());
		}
		catch (BatonException noPrice) {
			// an add-on the version's price book does not price comes from the one in effect
			price = catalog.price(code, s.currency(), day, null);
		}
		var months = plan.billingPeriod() == BillingPeriod.MONTHLY ? 1 : 12;
		var annual = ArrTimeline.annual(price.entry().exactAmountFor(BigDecimal.valueOf(quantity)),
				s.discounts().getOrDefault(code, BigDecimal.ZERO), months, price.entry().currency());
		return new ArrTimeline.Charge(code, plan.productCode(), annual);
	}

	/** One-time charges (packs, services) and metered usage are not recurring revenue. */
	private boolean recurring(Plan plan) {
		if (plan.billingPeriod() == BillingPeriod.ONE_TIME) {
			return false;
		}
		var metered = plan.chargeModel() == ChargeModel.TIERED || plan.chargeModel() == ChargeModel.VOLUME;
		return !(metered && catalog.product(plan.productCode()).kind() == ProductKind.CONSUMABLE);
	}

	private ArrRepository.Dimensions dimensions(Subscription s, Lookups lookups) {
		String segment = NONE;
		String region = null;
		if (s.opportunityId() != null) {
			var opportunity = lookups.opportunities.computeIfAbsent(s.opportunityId(),
					id -> pipeline.findOpportunity(OpportunityId.of(id)).orElse(null));
			if (opportunity != null) {
				segment = opportunity.segment() == null ? NONE : opportunity.segment().name();
				region = opportunity.regionKey();
			}
		}
		if (region == null || region.isBlank()) {
			region = lookups.regions.computeIfAbsent(s.parties().ownerAccountId(),
					id -> Optional.ofNullable(pipeline.account(AccountId.of(id)).regionKey()).filter(r -> !r.isBlank())
							.orElse(NONE));
		}
		return new ArrRepository.Dimensions(s.number(), s.parties().ownerAccountId(), s.parties().invoiceOwnerAccountId(),
				s.opportunityId(), segment, region, s.currency());
	}

	/** What one recomputation reads once. */
	private final class Lookups {

		final Map<UUID, Order> orders = new HashMap<>();
		final Map<UUID, dev.baton.pipeline.Opportunity> opportunities = new HashMap<>();
		final Map<UUID, String> regions = new HashMap<>();
		final Map<String, Plan> plans = new HashMap<>();

		Plan plan(String code) {
			return plans.computeIfAbsent(code, catalog::plan);
		}
	}
}
