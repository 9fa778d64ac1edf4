package dev.baton.quoting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.baton.audit.AuditLog;
import dev.baton.billing.OrderPreview;
import dev.baton.catalog.Catalog;
import dev.baton.catalog.ProductKind;
import dev.baton.ordering.Channel;
import dev.baton.ordering.Orders;
import dev.baton.pipeline.AccountId;
import dev.baton.pipeline.OpportunityId;
import dev.baton.pipeline.Pipeline;
import dev.baton.platform.BatonException;
import dev.baton.platform.Decision;
import dev.baton.platform.Money;
import dev.baton.quoting.domain.QuotePolicy;
import dev.baton.quoting.jdbc.QuoteRepository;
import dev.baton.subscription.Parties;
import dev.baton.subscription.SubscriptionChange;

/**
 * Prepares, approves, accepts and orders quotes. Every step is audited; every step that moves a
 * quote names the status and version it read, so two people acting at once give one winner.
 */
@Service
@EnableConfigurationProperties(QuotingProperties.class)
public class Quotes {

	private final QuoteRepository repository;
	private final Catalog catalog;
	private final Pipeline pipeline;
	private final Orders orders;
	private final AuditLog audit;
	private final QuotingProperties properties;
	private final QuotePolicy policy;
	private final Clock clock;

	Quotes(QuoteRepository repository, Catalog catalog, Pipeline pipeline, Orders orders, AuditLog audit,
			QuotingProperties properties, Clock clock) {
		this.repository = repository;
		this.catalog = catalog;
		this.pipeline = pipeline;
		this.orders = orders;
		this.audit = audit;
		this.properties = properties;
		this.policy = new QuotePolicy(properties.dealDeskAbove(), properties.financeAbove(), properties.maximumDiscount());
		this.clock = clock;
	}

	/** One line asked for: a plan, a quantity (seats for the tier) and a discount in percent. */
	public record LineRequest(String planCode, Integer quantity, BigDecimal discountPercent) {
	}

	/**
	 * A quote for an opportunity. Without {@code parties} the opportunity's account owns and is
	 * invoiced; without {@code expiresOn} it is valid for {@code baton.quoting.validity}.
	 */
	public record QuoteRequest(UUID opportunityId, Parties parties, String currency, Integer termMonths,
			List<LineRequest> lines, LocalDate expiresOn) {
	}

	@Transactional(readOnly = true)
	public Quote quote(QuoteId id) {
		return shown(repository.find(id).orElseThrow(() -> BatonException.notFound("Quote", id)));
	}

	@Transactional(readOnly = true)
	public List<Quote> ofOpportunity(OpportunityId opportunity) {
		var opportunityId = opportunity.value();
		pipeline.opportunity(opportunity);
		return repository.ofOpportunity(opportunityId).stream().map(this::shown).toList();
	}

	/** The newest quotes in a status (every live one when null), newest first, at most {@code limit}. */
	@Transactional(readOnly = true)
	public List<Quote> latest(QuoteStatus status, int limit) {
		return repository.latest(status, Math.max(1, Math.min(limit, 200))).stream().map(this::shown).toList();
	}

	/** Every revision of the quote {@code id} is a revision of, newest first. */
	@Transactional(readOnly = true)
	public List<Quote> revisions(QuoteId id) {
		return repository.revisions(quote(id).number()).stream().map(this::shown).toList();
	}

	/**
	 * What can be done to a quote now, each refused with the reason the API would give: submit it,
	 * approve it as deal desk or finance (by {@code username}), record the customer's acceptance,
	 * order it. Who may do each is the caller's role, which the pages check as the API does.
	 */
	public record Choices(Decision submit, Decision approveAsDealDesk, Decision approveAsFinance, Decision accept,
			Decision order) {
	}

	@Transactional(readOnly = true)
	public Choices choices(QuoteId id, String username) {
		var quote = quote(id);
		var superseded = Decision.check().refuseIf(quote.status() == QuoteStatus.SUPERSEDED, QuoteRule.STATE,
				() -> "Revision " + quote.revision() + " of quote " + quote.number() + " was replaced by a newer one").decide();
		var order = Decision.check().refuseIf(quote.status() != QuoteStatus.ACCEPTED, QuoteRule.STATE,
				() -> "Quote " + quote.number() + " is " + quote.status() + "; only an accepted quote becomes an order")
				.decide();
		return new Choices(superseded.and(QuotePolicy.maySubmit(quote)),
				superseded.and(policy.mayApprove(quote, QuotePolicy.DEAL_DESK, username)),
				superseded.and(policy.mayApprove(quote, QuotePolicy.FINANCE, username)),
				superseded.and(policy.approved(quote)).and(QuotePolicy.mayAccept(quote, LocalDate.now(clock))),
				superseded.and(order));
	}

	/** The quotes sent to an account that it pays for (approved, accepted or ordered), as its portal shows them. */
	@Transactional(readOnly = true)
	public List<Quote> sentTo(AccountId account) {
		var accountId = account.value();
		return repository.sentTo(accountId).stream().map(this::shown).toList();
	}

	/** A new quote: revision 1, a draft. */
	@Transactional
	public Quote prepare(QuoteRequest request, String by) {
		return insert(request, repository.nextNumber(), 1, by);
	}

	/** A new revision of a quote, as a draft; the revision it replaces is superseded. */
	@Transactional
	public Quote revise(QuoteId id, QuoteRequest request, String by) {
		var current = quote(id);
		latest(current);
		if (current.status() == QuoteStatus.ACCEPTED || current.status() == QuoteStatus.ORDERED) {
			throw refusal(QuoteRule.STATE, "Quote " + current.number() + " is " + current.status() + "; it is not revised");
		}
		// an expired quote is revised too (that is how it is offered again): move it from what is stored
		var stored = repository.find(id).orElseThrow();
		move(stored, QuoteStatus.SUPERSEDED, stored.approvals(), null, null);
		var revision = insert(new QuoteRequest(current.opportunityId(),
				request.parties() == null ? current.parties() : request.parties(),
				request.currency() == null ? current.currency() : request.currency(),
				request.termMonths() == null ? current.termMonths() : request.termMonths(), request.lines(),
				request.expiresOn()), current.number(), current.revision() + 1, by);
		return revision;
	}

	/** Submits a draft: approved at once when its discounts need no approval, otherwise waiting for it. */
	@Transactional
	public Quote submit(QuoteId id) {
		var quote = quote(id);
		latest(quote);
		QuotePolicy.maySubmit(quote).orThrow(QuotingProblems.RULE);
		var next = quote.approvalsNeeded().isEmpty() ? QuoteStatus.APPROVED : QuoteStatus.PENDING_APPROVAL;
		move(quote, next, List.of(), null, null);
		audit.record("quote.submitted", "quote", id.value(), null,
				Map.of("number", quote.number(), "approvalsNeeded", quote.approvalsNeeded()));
		return quote(id);
	}

	/** Approves a quote's discount in the name of one role (deal desk or finance). */
	@Transactional
	public Quote approve(QuoteId id, String role, String by, String reason) {
		var quote = quote(id);
		latest(quote);
		policy.mayApprove(quote, role, by).orThrow(QuotingProblems.RULE);
		var approvals = new ArrayList<>(quote.approvals());
		if (!approvals.contains(role)) {
			approvals.add(role);
		}
		var all = approvals.containsAll(quote.approvalsNeeded());
		move(quote, all ? QuoteStatus.APPROVED : QuoteStatus.PENDING_APPROVAL, approvals, null, null);
		audit.record("quote.approved", "quote", id.value(), reason,
				Map.of("number", quote.number(), "role", role, "largestDiscount", quote.largestDiscount().toPlainString()));
		return quote(id);
	}

	/** Records the customer's acceptance of an approved, unexpired quote. */
	@Transactional
	public Quote accept(QuoteId id, String by) {
		var quote = quote(id);
		latest(quote);
		policy.approved(quote).and(QuotePolicy.mayAccept(quote, LocalDate.now(clock))).orThrow(QuotingProblems.RULE);
		move(quote, QuoteStatus.ACCEPTED, quote.approvals(), by, null);
		audit.record("quote.accepted", "quote", id.value(), null, Map.of("number", quote.number(), "by", by));
		return quote(id);
	}

	/**
	 * Turns an accepted quote into an order, once: the quote moves to ORDERED in the order's
	 * transaction, so a second call (or the closed-won listener at the same moment) finds it ordered.
	 */
	@Transactional
	public Quote order(QuoteId id, String by) {
		var quote = quote(id);
		if (quote.status() == QuoteStatus.ORDERED) {
			return quote;
		}
		if (quote.status() != QuoteStatus.ACCEPTED) {
			throw refusal(QuoteRule.STATE, "Quote " + quote.number() + " is " + quote.status()
					+ "; only an accepted quote becomes an order");
		}
		var create = create(quote);
		var placed = orders.place(new Orders.PlaceOrder(quote.parties().isChannel() ? Channel.PARTNER : Channel.SALES,
				quote.opportunityId(), List.of(create), "From quote " + quote.number() + " revision " + quote.revision(),
				by, "quote:" + quote.number()));
		move(quote, QuoteStatus.ORDERED, quote.approvals(), null, placed.order().id().value());
		audit.record("quote.ordered", "quote", id.value(), null,
				Map.of("number", quote.number(), "order", placed.order().number()));
		return quote(id);
	}

	/**
	 * What the quote would cost once ordered today: its first billing period and the period after
	 * (at renewal prices when that starts a new term), by the billing engine; nothing is written.
	 */
	public OrderPreview cost(QuoteId id, String by) {
		var quote = quote(id);
		return orders.preview(new Orders.PlaceOrder(quote.parties().isChannel() ? Channel.PARTNER : Channel.SALES,
				quote.opportunityId(), List.of(create(quote)), null, by, null));
	}

	/** The order action a quote becomes: its tier with its seats, the rest as add-ons, its discounts and term. */
	private static SubscriptionChange.Create create(Quote quote) {
		var tier = quote.lines().get(0);
		var addOns = new LinkedHashMap<String, Integer>();
		var discounts = new LinkedHashMap<String, BigDecimal>();
		for (var line : quote.lines()) {
			if (line != tier) {
				addOns.merge(line.planCode(), line.quantity(), Integer::sum);
			}
			if (line.discountPercent().signum() > 0) {
				discounts.put(line.planCode(), line.discountPercent());
			}
		}
		return new SubscriptionChange.Create(quote.parties(), quote.opportunityId(), tier.planCode(), quote.currency(),
				tier.quantity(), addOns, discounts, null, quote.termMonths(), true, null);
	}

	/** The accepted quote of an opportunity, if one is waiting to be ordered. */
	@Transactional(readOnly = true)
	public java.util.Optional<Quote> acceptedOf(OpportunityId opportunity) {
		var opportunityId = opportunity.value();
		return repository.ofOpportunity(opportunityId).stream().filter(q -> q.status() == QuoteStatus.ACCEPTED).findFirst();
	}

	private Quote insert(QuoteRequest request, String number, int revision, String by) {
		var opportunity = pipeline.opportunity(OpportunityId.of(required(request.opportunityId(), "opportunityId")));
		var parties = request.parties() == null ? Parties.direct(opportunity.accountId()) : request.parties();
		pipeline.account(AccountId.of(parties.ownerAccountId()));
		pipeline.account(AccountId.of(parties.invoiceOwnerAccountId()));
		var currency = required(request.currency(), "currency");
		var today = LocalDate.now(clock);
		var lines = lines(request.lines(), currency, today);
		var tier = catalog.plan(lines.get(0).planCode());
		var term = request.termMonths() == null ? tier.termMonths() : request.termMonths();
		if (!tier.billingPeriod().allowsTerm(term)) {
			throw refusal(QuoteRule.LINES, tier.code() + " is " + tier.billingPeriod() + ": its term is "
					+ tier.billingPeriod().allowedTerms() + ", not " + term);
		}
		var expires = request.expiresOn() == null ? today.plusDays(properties.validity().toDays()) : request.expiresOn();
		if (expires.isBefore(today)) {
			throw BatonException.invalid("expiresOn", "must be today or later, not " + expires);
		}
		var largest = lines.stream().map(QuoteLine::discountPercent).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
		var quote = new Quote(QuoteId.random(), number, revision, opportunity.id(), parties, currency, term, lines,
				QuoteStatus.DRAFT, expires, policy.approvalsNeeded(largest), List.of(), by, null, null, null, 0);
		repository.insert(quote, clock.instant());
		audit.record(revision == 1 ? "quote.prepared" : "quote.revised", "quote", quote.id().value(), null,
				Map.of("number", number, "revision", revision, "total", quote.total().toString()));
		return quote(quote.id());
	}

	/** Prices the lines from the price book: the first is the tier (seats), the others add-ons. */
	private List<QuoteLine> lines(List<LineRequest> requested, String currency, LocalDate today) {
		if (requested == null || requested.isEmpty()) {
			throw refusal(QuoteRule.LINES, "A quote has at least one line: the tier first, then any add-ons");
		}
		policy.discounts(requested.stream().map(l -> l.discountPercent() == null ? BigDecimal.ZERO : l.discountPercent())
				.toList()).orThrow(QuotingProblems.RULE);
		var lines = new ArrayList<QuoteLine>();
		for (int i = 0; i < requested.size(); i++) {
			var line = requested.get(i);
			var plan = catalog.plan(required(line.planCode(), "lines[" + i + "].planCode"));
			var kind = catalog.product(plan.productCode()).kind();
			var quantity = line.quantity() == null ? 0 : line.quantity();
			var first = i == 0;
			if (first != (kind == ProductKind.SUBSCRIPTION) || kind == ProductKind.SERVICE || quantity < 1) {
				throw refusal(QuoteRule.LINES, "lines[" + i + "]: " + (quantity < 1 ? "the quantity is 1 or more"
						: first ? plan.code() + " is a " + kind + " plan; the first line is the tier (a SUBSCRIPTION plan)"
								: plan.code() + " is a " + kind + " plan; after the tier come add-ons and packs"));
			}
			var price = catalog.price(plan.code(), currency, today, null);
			var list = price.entry().amountFor(BigDecimal.valueOf(quantity));
			var discount = line.discountPercent() == null ? BigDecimal.ZERO : line.discountPercent();
			var net = Money.of(list.amount().multiply(BigDecimal.ONE.subtract(discount.movePointLeft(2)))
					.setScale(list.amount().scale(), RoundingMode.HALF_EVEN), currency);
			lines.add(new QuoteLine(plan.code(), quantity, discount, price.versionId(), list, net));
		}
		return lines;
	}

	/** A quote past its expiry that nobody accepted shows as expired. */
	private Quote shown(Quote quote) {
		var open = quote.status() == QuoteStatus.DRAFT || quote.status() == QuoteStatus.PENDING_APPROVAL
				|| quote.status() == QuoteStatus.APPROVED;
		if (open && LocalDate.now(clock).isAfter(quote.expiresOn())) {
			return new Quote(quote.id(), quote.number(), quote.revision(), quote.opportunityId(), quote.parties(),
					quote.currency(), quote.termMonths(), quote.lines(), QuoteStatus.EXPIRED, quote.expiresOn(),
					quote.approvalsNeeded(), quote.approvals(), quote.preparedBy(), quote.acceptedBy(), quote.acceptedAt(),
					quote.orderId(), quote.version());
		}
		return quote;
	}

	private void latest(Quote quote) {
		if (repository.latestRevision(quote.number()) != quote.revision()) {
			throw refusal(QuoteRule.STATE, "Quote " + quote.number() + " revision " + quote.revision()
					+ " was superseded by a newer revision");
		}
	}

	private void move(Quote quote, QuoteStatus to, List<String> approvals, String acceptedBy, UUID orderId) {
		var expired = quote.status() == QuoteStatus.EXPIRED;
		if (expired || !repository.move(quote, to, approvals, acceptedBy, acceptedBy == null ? null : clock.instant(),
				orderId)) {
			throw expired ? refusal(QuoteRule.EXPIRED, "Quote " + quote.number() + " expired on " + quote.expiresOn())
					: dev.baton.platform.Versions.stale("Quote " + quote.number() + " revision", quote.revision(),
							quote.version());
		}
	}

	private static <T> T required(T value, String field) {
		if (value == null || value instanceof String text && text.isBlank()) {
			throw BatonException.invalid(field, "is required");
		}
		return value;
	}

	private static BatonException refusal(QuoteRule rule, String reason) {
		return Decision.refused(rule, reason).toException(QuotingProblems.RULE);
	}
}
