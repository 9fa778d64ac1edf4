package dev.baton.portal;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.baton.audit.AuditLog;
import dev.baton.billing.Invoice;
import dev.baton.billing.InvoiceDocuments;
import dev.baton.billing.InvoiceId;
import dev.baton.billing.InvoiceStatus;
import dev.baton.billing.Invoices;
import dev.baton.billing.OrderPreview;
import dev.baton.billing.Payment;
import dev.baton.billing.PaymentId;
import dev.baton.billing.PaymentStatus;
import dev.baton.billing.Payments;
import dev.baton.identity.Role;
import dev.baton.identity.UserDirectory;
import dev.baton.ordering.Channel;
import dev.baton.ordering.Order;
import dev.baton.ordering.Orders;
import dev.baton.pipeline.Account;
import dev.baton.pipeline.AccountId;
import dev.baton.pipeline.Pipeline;
import dev.baton.platform.BatonException;
import dev.baton.platform.Decision;
import dev.baton.portal.jdbc.MembershipRepository;
import dev.baton.quoting.Quote;
import dev.baton.quoting.QuoteId;
import dev.baton.quoting.Quotes;
import dev.baton.subscription.Parties;
import dev.baton.subscription.Subscription;
import dev.baton.subscription.SubscriptionChange;
import dev.baton.subscription.SubscriptionEntry;
import dev.baton.subscription.SubscriptionId;
import dev.baton.subscription.Subscriptions;

/**
 * What a customer or a partner does in its portal, always as the account its login is a member
 * of. A subscription of another account is answered as not found, never as forbidden, so the
 * portal does not tell that it exists.
 */
@Service
public class Portal {

	private final MembershipRepository memberships;
	private final UserDirectory users;
	private final Pipeline pipeline;
	private final Subscriptions subscriptions;
	private final Orders orders;
	private final Quotes quotes;
	private final AuditLog audit;
	private final Clock clock;
	private final Invoices invoices;
	private final InvoiceDocuments documents;
	private final Payments payments;
	private final TransactionTemplate transactions;

	Portal(MembershipRepository memberships, UserDirectory users, Pipeline pipeline, Subscriptions subscriptions,
			Orders orders, Quotes quotes, AuditLog audit, Clock clock, Invoices invoices, InvoiceDocuments documents,
			Payments payments, TransactionTemplate transactions) {
		this.invoices = invoices;
		this.documents = documents;
		this.payments = payments;
		this.transactions = transactions;
		this.quotes = quotes;
		this.memberships = memberships;
		this.users = users;
		this.pipeline = pipeline;
		this.subscriptions = subscriptions;
		this.orders = orders;
		this.audit = audit;
		this.clock = clock;
	}

	/** A timeline entry as the portal shows it. */
	public record Entry(int version, String orderNumber, String action, java.time.LocalDate effectiveOn,
			PortalSubscription subscription) {
	}

	/** Makes a customer's or partner's login a member of an account (an administrator does this). */
	@Transactional
	public Membership link(String username, AccountId account) {
		var accountId = account.value();
		var user = users.findByUsername(username).orElseThrow(() -> BatonException.notFound("User", username));
		pipeline.account(AccountId.of(accountId));
		Membership.Kind kind;
		if (user.hasRole(Role.PARTNER)) {
			kind = Membership.Kind.PARTNER;
		}
		else if (user.hasRole(Role.CUSTOMER)) {
			kind = Membership.Kind.CUSTOMER;
		}
		else {
			throw BatonException.invalid("username", username + " is neither a CUSTOMER nor a PARTNER login");
		}
		var membership = new Membership(user.id(), accountId, kind);
		memberships.put(membership, clock.instant());
		audit.record("portal.member-linked", "user_account", user.id(), null,
				Map.of("account", accountId.toString(), "kind", kind.name()));
		return membership;
	}

	@Transactional(readOnly = true)
	public Membership membership(String username) {
		return users.findByUsername(username).flatMap(user -> memberships.ofUser(user.id()))
				.orElseThrow(() -> new BatonException(PortalProblems.NO_ACCOUNT,
						username + " is not linked to a customer or partner account yet"));
	}

	/**
	 * Registers an end customer for a partner (the vendor's channel team does this, as it approves a
	 * deal registration): the partner may then order for it. Registering it again changes nothing.
	 */
	@Transactional
	public void registerEndCustomer(AccountId partner, AccountId customer, String by) {
		var customerAccountId = customer.value();
		var partnerAccountId = partner.value();
		pipeline.account(partner);
		pipeline.account(customer);
		if (partnerAccountId.equals(customerAccountId)) {
			throw BatonException.invalid("customerAccountId", "is the partner itself; a partner's end customer is another account");
		}
		if (memberships.registerEndCustomer(partnerAccountId, customerAccountId, by, clock.instant())) {
			audit.record("portal.end-customer-registered", "account", customerAccountId, null,
					Map.of("partner", partnerAccountId.toString()));
		}
	}

	/**
	 * A partner's end customers, by name: those registered for it and the owners of the
	 * subscriptions it invoices. A customer has none.
	 */
	@Transactional(readOnly = true)
	public List<Account> endCustomers(String username) {
		var member = membership(username);
		if (member.kind() != Membership.Kind.PARTNER) {
			return List.of();
		}
		return pipeline.accounts(endCustomerIds(member).stream().map(AccountId::of).toList()).stream()
				.sorted(Comparator.comparing(Account::name)).toList();
	}

	private Set<UUID> endCustomerIds(Membership partner) {
		var ids = new LinkedHashSet<>(memberships.registeredEndCustomers(partner.accountId()));
		ids.addAll(subscriptions.ownersInvoicedBy(AccountId.of(partner.accountId())));
		return ids;
	}

	/** The subscriptions the member's account owns, or (a partner's) invoices. */
	@Transactional(readOnly = true)
	public List<PortalSubscription> subscriptions(String username) {
		var member = membership(username);
		return subscriptions.ofAccount(AccountId.of(member.accountId())).stream().filter(s -> visible(s, member))
				.map(s -> PortalSubscription.of(s, member.accountId())).toList();
	}

	@Transactional(readOnly = true)
	public PortalSubscription subscription(String username, SubscriptionId id) {
		var member = membership(username);
		return PortalSubscription.of(visible(id, member), member.accountId());
	}

	@Transactional(readOnly = true)
	public List<Entry> timeline(String username, SubscriptionId id) {
		var member = membership(username);
		visible(id, member);
		var entries = new ArrayList<Entry>();
		for (SubscriptionEntry entry : subscriptions.timeline(id)) {
			entries.add(new Entry(entry.version(), entry.orderNumber(), entry.action(), entry.effectiveOn(),
					PortalSubscription.of(entry.subscription(), member.accountId())));
		}
		return entries;
	}

	/**
	 * Places an order as the member: a customer checks out (a new subscription it owns and pays,
	 * channel WEB) or changes its own subscriptions; a partner orders for an end customer (it is
	 * the invoice owner, channel PARTNER) or changes the subscriptions it invoices. Cancelling now
	 * and suspending are for the vendor's staff.
	 */
	public Order order(String username, List<SubscriptionChange> actions, String clientKey) {
		var member = membership(username);
		var partner = member.kind() == Membership.Kind.PARTNER;
		var placed = prepare(member, actions);
		var result = orders.place(new Orders.PlaceOrder(partner ? Channel.PARTNER : Channel.WEB, null, placed,
				partner ? "Partner portal" : "Customer portal", username, clientKey));
		return result.order();
	}

	/**
	 * What an order would cost the member now and in the next period, as it would be placed (the
	 * same rules), by the billing engine: nothing is written.
	 */
	public OrderPreview preview(String username, List<SubscriptionChange> actions) {
		var member = membership(username);
		var partner = member.kind() == Membership.Kind.PARTNER;
		return orders.preview(new Orders.PlaceOrder(partner ? Channel.PARTNER : Channel.WEB, null, prepare(member, actions),
				null, username, null));
	}

	/**
	 * The actions as the member may place them: a checkout for its own account (a partner's for an
	 * end customer of its), and changes to what it sees only.
	 */
	private List<SubscriptionChange> prepare(Membership member, List<SubscriptionChange> actions) {
		var partner = member.kind() == Membership.Kind.PARTNER;
		var placed = new ArrayList<SubscriptionChange>();
		Set<UUID> endCustomers = null;
		for (int i = 0; i < (actions == null ? 0 : actions.size()); i++) {
			var action = actions.get(i);
			if (action instanceof SubscriptionChange.Create create) {
				var owner = partner ? (create.parties() == null ? null : create.parties().ownerAccountId()) : member.accountId();
				if (owner == null) {
					throw BatonException.invalid("actions[" + i + "].parties.ownerAccountId",
							"names the end customer the partner orders for");
				}
				if (partner) {
					endCustomers = endCustomers == null ? endCustomerIds(member) : endCustomers;
					if (!endCustomers.contains(owner)) {
						throw BatonException.invalid("actions[" + i + "].parties.ownerAccountId",
								"is not one of your end customers; ask your channel manager to register it");
					}
				}
				placed.add(new SubscriptionChange.Create(new Parties(owner, member.accountId(), null), null,
						create.planCode(), create.currency(), create.seats(), create.addOns(), null, create.termStart(),
						create.termMonths(), create.autoRenew(), null));
				continue;
			}
			var staffOnly = action instanceof SubscriptionChange.Suspend || action instanceof SubscriptionChange.Resume
					|| action instanceof SubscriptionChange.TransferOwner
					|| action instanceof SubscriptionChange.Cancel cancel && cancel.when() == SubscriptionChange.When.NOW;
			if (staffOnly) {
				throw new BatonException(dev.baton.platform.ProblemType.FORBIDDEN, "actions[" + i + "]: "
						+ action.action() + (action instanceof SubscriptionChange.Cancel ? " NOW" : "")
						+ " is done by the vendor's staff; ask your account team");
			}
			if (action.subscriptionId() == null) {
				throw BatonException.invalid("actions[" + i + "].subscriptionId", "is required");
			}
			visible(action.subscriptionId(), member);
			placed.add(action);
		}
		return placed;
	}

	/**
	 * What the member may do to one of its subscriptions now, each refused with the reason the order
	 * would be refused for (a cancelled subscription, one already cancelling at term end...).
	 */
	public record Choices(Decision changeSeats, Decision changePlan, Decision renew, Decision cancelAtTermEnd) {
	}

	@Transactional(readOnly = true)
	public Choices choices(String username, SubscriptionId id) {
		var subscription = visible(id, membership(username));
		return new Choices(subscriptions.allows(subscription, new SubscriptionChange.ChangeSeats(id, subscription.seats())),
				subscriptions.allows(subscription, new SubscriptionChange.ChangePlan(id, subscription.planCode())),
				subscriptions.allows(subscription, new SubscriptionChange.Renew(id, null)),
				subscriptions.allows(subscription, new SubscriptionChange.Cancel(id, SubscriptionChange.When.AT_TERM_END)));
	}

	/**
	 * The invoices of the member's account, newest first: those it is the invoice owner of, once
	 * finalized. A reseller's end customer has none for the subscriptions the reseller invoices.
	 */
	@Transactional(readOnly = true)
	public List<PortalInvoice> invoices(String username) {
		var member = membership(username);
		return invoices.ofAccount(AccountId.of(member.accountId())).stream().filter(i -> i.status() != InvoiceStatus.DRAFT)
				.map(PortalInvoice::of).toList();
	}

	@Transactional(readOnly = true)
	public PortalInvoice invoice(String username, InvoiceId id) {
		return PortalInvoice.of(visible(id, membership(username)));
	}

	/** The PDF of one of the member's invoices, in the reader's language. */
	@Transactional(readOnly = true)
	public byte[] invoicePdf(String username, InvoiceId id, Locale locale) {
		visible(id, membership(username));
		return documents.pdf(id, locale);
	}

	/** A card payment as the portal answers it. */
	public record PortalPayment(PaymentId id, InvoiceId invoiceId, PaymentStatus status, BigDecimal amount,
			String currency, String failure) {

		static PortalPayment of(Payment p) {
			return new PortalPayment(p.id(), p.invoiceId(), p.status(), p.amount(), p.currency(), p.failure());
		}
	}

	/**
	 * Pays all that is owed on one of the member's invoices by card, through the payment gateway
	 * (with the sandbox, its test cards); {@code keepCard} keeps it on file for the next invoices. A
	 * declined card is answered as a failed payment, and the invoice's dunning starts.
	 */
	public PortalPayment pay(String username, InvoiceId id, String card, boolean keepCard, String clientKey) {
		var member = membership(username);
		transactions.execute(status -> visible(id, member));
		return PortalPayment.of(payments.payByCard(id, new Payments.CardPayment(card, null, keepCard),
				clientKey == null ? null : "portal:" + username + ":" + clientKey));
	}

	/** Confirms a card payment of the member's that waited for the card holder (3-D Secure). */
	public PortalPayment confirm(String username, PaymentId id) {
		var member = membership(username);
		transactions.execute(status -> {
			Payment payment;
			try {
				payment = payments.payment(id);
			}
			catch (BatonException notFound) {
				throw BatonException.notFound("Payment", id);
			}
			return visible(payment.invoiceId(), member);
		});
		return PortalPayment.of(payments.confirm(id));
	}

	/** Whether cards go to the sandbox gateway, whose test cards the payment form then lists. */
	public boolean sandboxPayments() {
		return payments.sandbox();
	}

	private Invoice visible(InvoiceId id, Membership member) {
		Invoice invoice;
		try {
			invoice = invoices.invoice(id);
		}
		catch (BatonException notFound) {
			throw BatonException.notFound("Invoice", id);
		}
		// an invoice is its invoice owner's only: a reseller's end customer never sees the reseller's
		if (invoice.status() == InvoiceStatus.DRAFT || !invoice.invoiceOwnerAccountId().equals(member.accountId())) {
			throw BatonException.notFound("Invoice", id);
		}
		return invoice;
	}

	/** The quotes sent to the member's account, which it pays for. */
	@Transactional(readOnly = true)
	public List<Quote> quotes(String username) {
		return quotes.sentTo(AccountId.of(membership(username).accountId()));
	}

	/**
	 * The customer (or partner) accepts a quote sent to its account; another account's quote, or
	 * one not sent yet, answers 404.
	 */
	public Quote acceptQuote(String username, QuoteId id) {
		var member = membership(username);
		Quote quote;
		try {
			quote = quotes.quote(id);
		}
		catch (BatonException notFound) {
			throw BatonException.notFound("Quote", id);
		}
		// a quote not yet sent (a draft, or waiting for approval) does not exist for the customer
		var unsent = quote.status() == dev.baton.quoting.QuoteStatus.DRAFT
				|| quote.status() == dev.baton.quoting.QuoteStatus.PENDING_APPROVAL;
		if (unsent || !quote.parties().invoiceOwnerAccountId().equals(member.accountId())) {
			throw BatonException.notFound("Quote", id);
		}
		return quotes.accept(id, username);
	}

	private Subscription visible(SubscriptionId id, Membership member) {
		Subscription subscription;
		try {
			subscription = subscriptions.subscription(id);
		}
		catch (BatonException notFound) {
			throw BatonException.notFound("Subscription", id);
		}
		if (!visible(subscription, member)) {
			throw BatonException.notFound("Subscription", id);
		}
		return subscription;
	}

	private static boolean visible(Subscription subscription, Membership member) {
		var parties = subscription.parties();
		return member.kind() == Membership.Kind.PARTNER ? parties.invoiceOwnerAccountId().equals(member.accountId())
				: parties.ownerAccountId().equals(member.accountId()) || parties.invoiceOwnerAccountId().equals(member.accountId());
	}
}
