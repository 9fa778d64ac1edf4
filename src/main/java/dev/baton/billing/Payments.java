package dev.baton.billing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.baton.audit.AuditLog;
import dev.baton.billing.gateway.PaymentGateway;
import dev.baton.billing.jdbc.DunningRepository;
import dev.baton.billing.jdbc.InvoiceRepository;
import dev.baton.billing.jdbc.PaymentRepository;
import dev.baton.pipeline.AccountId;
import dev.baton.platform.BatonException;
import dev.baton.platform.Decision;
import dev.baton.platform.Money;

/**
 * Payments towards invoices: a card charged through the payment gateway (one given now, or the one
 * the invoice owner keeps on file), a bank transfer finance records, or the account's credit. Each
 * payment is made with the invoice locked, so two payments at once cannot together pay more than is
 * owed, and once per invoice and caller key, so a retried request pays once. A payment that leaves
 * nothing owed marks the invoice paid; more received by transfer than is owed becomes account
 * credit; a declined card is recorded and starts the invoice's dunning.
 * <p>
 * The gateway is called inside the transaction with the gateway's own idempotency key made of the
 * invoice and the caller's key: if Baton stops after the gateway charged and before the commit, the
 * retried request gets the same charge back from the gateway and records it once.
 */
@Service
public class Payments {

	private final PaymentRepository payments;
	private final InvoiceRepository invoices;
	private final DunningRepository dunning;
	private final InvoiceSettlement settlement;
	private final PaymentGateway gateway;
	private final BillingProperties properties;
	private final ApplicationEventPublisher events;
	private final AuditLog audit;
	private final Clock clock;

	Payments(PaymentRepository payments, InvoiceRepository invoices, DunningRepository dunning,
			InvoiceSettlement settlement, PaymentGateway gateway, BillingProperties properties,
			ApplicationEventPublisher events, AuditLog audit, Clock clock) {
		this.payments = payments;
		this.invoices = invoices;
		this.dunning = dunning;
		this.settlement = settlement;
		this.gateway = gateway;
		this.properties = properties;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
	}

	/** A card payment: the card entered now (null for the one on file) and the amount (null for all that is owed). */
	public record CardPayment(String card, BigDecimal amount, boolean keepCard) {
	}

	/** A bank transfer that arrived: its amount and currency, the bank's reference and the day it was received. */
	public record Transfer(BigDecimal amount, String currency, String reference, LocalDate receivedOn) {
	}

	/** An invoice's dunning as people read it: when and why it started, the steps and where it stands. */
	public record DunningView(InvoiceId invoiceId, LocalDate startedOn, String cause, boolean suspended,
			java.time.Instant endedAt, String endedWhy, List<DunningView.Step> steps) {

		/** A step: planned for a day, and once taken, when and what it did. */
		public record Step(int position, DunningStepTaken.Action action, LocalDate dueOn, java.time.Instant takenAt,
				String outcome) {
		}
	}

	/** Whether payments go to the built-in sandbox gateway (its test cards), not a real one. */
	public boolean sandbox() {
		return dev.baton.billing.gateway.SandboxGateway.NAME.equals(gateway.name());
	}

	@Transactional(readOnly = true)
	public Payment payment(PaymentId id) {
		return payments.find(id).orElseThrow(() -> BatonException.notFound("Payment", id));
	}

	@Transactional(readOnly = true)
	public List<Payment> ofInvoice(InvoiceId id) {
		invoices.find(id).orElseThrow(() -> BatonException.notFound("Invoice", id));
		return payments.ofInvoice(id);
	}

	/** Succeeded payments received from {@code from} up to, not including, {@code to}. */
	@Transactional(readOnly = true)
	public List<Payment> received(LocalDate from, LocalDate to) {
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
		if (!to.isAfter(from)) {
			throw BatonException.invalid("to", "is not after from (" + from + ")");
		}
		return payments.received(from, to);
	}

	/**
	 * Pays an invoice by card. A decline is not an exception: the failed payment is recorded (and
	 * answered, status FAILED) and the invoice's dunning starts. It commits on its own, even inside
	 * a caller's transaction that then fails (the request's idempotency transaction, which a 402
	 * rolls back): a charge the gateway made or declined is never forgotten, and the caller key
	 * finds it again.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public Payment payByCard(InvoiceId id, CardPayment request, String clientKey) {
		var invoice = locked(id);
		var key = key(clientKey);
		var repeated = payments.byKey(id, key);
		if (repeated.isPresent()) {
			return repeated.get();
		}
		var onFile = payments.currentMethod(invoice.invoiceOwnerAccountId());
		var entered = request.card() != null && !request.card().isBlank();
		var amount = request.amount() == null ? invoice.due() : request.amount();
		Decision.check()
				.refuseIf(!entered && onFile.isEmpty(), BillingRule.PAYMENT_CARD,
						() -> "No card given, and none is on file for the invoice owner")
				.decide().and(payable(invoice, amount, true)).orThrow(BillingProblems.RULE);
		String token;
		UUID methodId = null;
		if (entered) {
			var card = store(request.card());
			token = card.token();
			if (request.keepCard()) {
				methodId = UUID.randomUUID();
				payments.replaceMethod(invoice.invoiceOwnerAccountId(), methodId, gateway.name(), card.token(),
						card.label(), clock.instant(), Invoices.currentUser());
				methodId = payments.currentMethod(invoice.invoiceOwnerAccountId()).orElseThrow().method().id();
			}
		}
		else {
			token = onFile.get().token();
			methodId = onFile.get().method().id();
		}
		return charge(invoice, token, methodId, amount, key, null);
	}

	/**
	 * Charges the card on file for all that is owed, in the caller's transaction, with the invoice
	 * locked: for the charge at finalization and the dunning retries; none when there is no card.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	java.util.Optional<Payment> chargeCardOnFile(InvoiceId id, String key, Integer dunningStep) {
		var invoice = locked(id);
		var repeated = payments.byKey(id, key);
		if (repeated.isPresent()) {
			return repeated;
		}
		var onFile = payments.currentMethod(invoice.invoiceOwnerAccountId());
		if (onFile.isEmpty() || invoice.due().signum() <= 0 || payable(invoice, invoice.due(), true).isRefused()) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.of(charge(invoice, onFile.get().token(), onFile.get().method().id(), invoice.due(), key,
				dunningStep));
	}

	private Payment charge(Invoice invoice, String token, UUID methodId, BigDecimal amount, String key,
			Integer dunningStep) {
		var money = Money.of(amount, invoice.currency());
		var outcome = reach(() -> gateway.charge(token, money, "invoice:" + invoice.id() + ":" + key,
				"Invoice " + invoice.number()));
		var status = switch (outcome.state()) {
			case SUCCEEDED -> PaymentStatus.SUCCEEDED;
			case DECLINED -> PaymentStatus.FAILED;
			case REQUIRES_CONFIRMATION -> PaymentStatus.REQUIRES_CONFIRMATION;
		};
		var payment = new Payment(PaymentId.random(), invoice.id(), invoice.invoiceOwnerAccountId(), invoice.currency(),
				money.amount(), status == PaymentStatus.SUCCEEDED ? money.amount() : BigDecimal.ZERO, PaymentMethodType.CARD,
				gateway.name(), outcome.reference(), status, outcome.failure(), null, LocalDate.now(clock), clock.instant(),
				Invoices.currentUser());
		payments.insert(payment, key, methodId);
		recorded(invoice, payment, dunningStep);
		if (status == PaymentStatus.FAILED) {
			startDunning(invoice, "PAYMENT_FAILED");
		}
		return payment;
	}

	/** Confirms a card payment that waited for the card holder; it then counts like any other. */
	@Transactional
	public Payment confirm(PaymentId id) {
		var waiting = payments.find(id).orElseThrow(() -> BatonException.notFound("Payment", id));
		var invoice = locked(waiting.invoiceId());
		var payment = payments.lock(id).orElseThrow();
		if (payment.status() != PaymentStatus.REQUIRES_CONFIRMATION) {
			throw Decision.refused(BillingRule.CONFIRMATION, "Payment " + id + " is " + payment.status()
					+ "; only a payment that waits for the card holder is confirmed").toException(BillingProblems.RULE);
		}
		var outcome = reach(() -> gateway.confirm(payment.gatewayReference()));
		var succeeded = outcome.state() == PaymentGateway.State.SUCCEEDED;
		// the invoice may have been paid otherwise meanwhile: what is more than owed becomes credit
		var applied = succeeded ? payment.amount().min(invoice.due()) : BigDecimal.ZERO;
		payments.settle(id, succeeded ? PaymentStatus.SUCCEEDED : PaymentStatus.FAILED, applied,
				succeeded ? null : outcome.failure(), LocalDate.now(clock), clock.instant());
		if (succeeded && payment.amount().compareTo(applied) > 0) {
			payments.addCredit(invoice.invoiceOwnerAccountId(), invoice.currency(), payment.amount().subtract(applied),
					"OVERPAYMENT", id.value(), null, clock.instant(), Invoices.currentUser());
		}
		var settled = payments.find(id).orElseThrow();
		recorded(invoice, settled, null);
		if (!succeeded) {
			startDunning(invoice, "PAYMENT_FAILED");
		}
		return settled;
	}

	/** Records a bank transfer that arrived; what is more than owed becomes the account's credit. */
	@Transactional
	public Payment recordTransfer(InvoiceId id, Transfer transfer, String clientKey) {
		var invoice = locked(id);
		var key = key(clientKey);
		var repeated = payments.byKey(id, key);
		if (repeated.isPresent()) {
			return repeated.get();
		}
		var currency = transfer.currency() == null ? null : transfer.currency().strip().toUpperCase();
		var receivedOn = transfer.receivedOn() == null ? LocalDate.now(clock) : transfer.receivedOn();
		Decision.check()
				.refuseIf(currency == null || currency.isEmpty(), BillingRule.PAYMENT_CURRENCY,
						() -> "A transfer says its currency")
				.refuseIf(currency != null && !currency.isEmpty() && !currency.equals(invoice.currency()),
						BillingRule.PAYMENT_CURRENCY, () -> "The transfer is in " + currency + " but invoice "
								+ invoice.number() + " is in " + invoice.currency())
				.refuseIf(receivedOn.isAfter(LocalDate.now(clock)), BillingRule.PAYMENT_AMOUNT,
						() -> "A transfer is recorded once received, not for " + receivedOn)
				.decide().and(payable(invoice, transfer.amount(), false)).orThrow(BillingProblems.RULE);
		var amount = transfer.amount().setScale(2);
		var applied = amount.min(invoice.due());
		var payment = new Payment(PaymentId.random(), id, invoice.invoiceOwnerAccountId(), invoice.currency(), amount,
				applied, PaymentMethodType.WIRE, null, null, PaymentStatus.SUCCEEDED, null,
				transfer.reference() == null || transfer.reference().isBlank() ? null : transfer.reference().strip(),
				receivedOn, clock.instant(), Invoices.currentUser());
		payments.insert(payment, key, null);
		if (amount.compareTo(applied) > 0) {
			payments.addCredit(invoice.invoiceOwnerAccountId(), invoice.currency(), amount.subtract(applied), "OVERPAYMENT",
					payment.id().value(), null, clock.instant(), Invoices.currentUser());
		}
		recorded(invoice, payment, null);
		return payment;
	}

	/** Pays an invoice from the account's credit: all that is owed or the balance, whichever is less, unless an amount is given. */
	@Transactional
	public Payment applyCredit(InvoiceId id, BigDecimal requested, String clientKey) {
		var invoice = locked(id);
		var key = key(clientKey);
		var repeated = payments.byKey(id, key);
		if (repeated.isPresent()) {
			return repeated.get();
		}
		payments.lockCredit(invoice.invoiceOwnerAccountId());
		var balance = payments.creditBalance(invoice.invoiceOwnerAccountId(), invoice.currency()).setScale(2);
		var amount = requested == null ? balance.min(invoice.due()) : requested;
		Decision.check()
				.refuseIf(balance.signum() <= 0, BillingRule.PAYMENT_CREDIT,
						() -> "The account has no credit in " + invoice.currency())
				.refuseIf(balance.signum() > 0 && amount != null && amount.compareTo(balance) > 0, BillingRule.PAYMENT_CREDIT,
						() -> "The account's credit is " + invoice.currency() + " " + balance.toPlainString() + ", less than "
								+ amount.toPlainString())
				.decide().and(balance.signum() > 0 ? payable(invoice, amount, true) : Decision.allowed())
				.orThrow(BillingProblems.RULE);
		var scaled = amount.setScale(2);
		var payment = new Payment(PaymentId.random(), id, invoice.invoiceOwnerAccountId(), invoice.currency(), scaled,
				scaled, PaymentMethodType.ACCOUNT_CREDIT, null, null, PaymentStatus.SUCCEEDED, null, null,
				LocalDate.now(clock), clock.instant(), Invoices.currentUser());
		payments.insert(payment, key, null);
		payments.addCredit(invoice.invoiceOwnerAccountId(), invoice.currency(), scaled.negate(), "APPLIED",
				payment.id().value(), null, clock.instant(), Invoices.currentUser());
		recorded(invoice, payment, null);
		return payment;
	}

	/** Keeps a card on file for the invoice owner, replacing the one before; dunning retries charge it. */
	@Transactional
	public StoredPaymentMethod keepCard(AccountId account, String card) {
		var accountId = account.value();
		var stored = store(card);
		payments.replaceMethod(accountId, UUID.randomUUID(), gateway.name(), stored.token(), stored.label(),
				clock.instant(), Invoices.currentUser());
		audit.record("billing.card-kept", "account", accountId, null, Map.of("card", stored.label()));
		return payments.currentMethod(accountId).orElseThrow().method();
	}

	@Transactional(readOnly = true)
	public java.util.Optional<StoredPaymentMethod> cardOnFile(AccountId account) {
		var accountId = account.value();
		return payments.currentMethod(accountId).map(PaymentRepository.MethodRow::method);
	}

	@Transactional(readOnly = true)
	public AccountCredit credit(AccountId account) {
		var accountId = account.value();
		return payments.credit(accountId);
	}

	/** Sets where the account's invoices, receipts and reminders are mailed. */
	@Transactional
	public PaymentRepository.Contact putContact(AccountId account, String name, String email) {
		var accountId = account.value();
		var trimmedName = name == null ? "" : name.strip();
		var trimmedEmail = email == null ? "" : email.strip();
		Decision.check()
				.refuseIf(trimmedName.isEmpty(), BillingRule.CONTACT_EMAIL, () -> "A billing contact has a name")
				.refuseIf(!trimmedEmail.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"), BillingRule.CONTACT_EMAIL,
						() -> "A billing contact has an e-mail address such as ap@example.com, not '" + trimmedEmail + "'")
				.decide().orThrow(BillingProblems.RULE);
		var contact = new PaymentRepository.Contact(accountId, trimmedName, trimmedEmail);
		payments.putContact(contact, clock.instant(), Invoices.currentUser());
		audit.record("billing.contact-set", "account", accountId, null, Map.of("email", trimmedEmail));
		return contact;
	}

	@Transactional(readOnly = true)
	public java.util.Optional<PaymentRepository.Contact> contact(AccountId account) {
		var accountId = account.value();
		return payments.contact(accountId);
	}

	@Transactional(readOnly = true)
	public java.util.Optional<DunningView> dunning(InvoiceId id) {
		invoices.find(id).orElseThrow(() -> BatonException.notFound("Invoice", id));
		return dunning.state(id).map(s -> new DunningView(s.invoiceId(), s.startedOn(), s.cause(), s.suspended(),
				s.endedAt(), s.endedWhy(), s.steps().stream().map(step -> new DunningView.Step(step.position(),
						step.action(), step.dueOn(), step.takenAt(), step.outcome())).toList()));
	}

	/** Starts an invoice's dunning, in the caller's transaction, unless it is in dunning already. */
	@Transactional(propagation = Propagation.MANDATORY)
	boolean startDunning(Invoice invoice, String cause) {
		var today = LocalDate.now(clock);
		var plan = dev.baton.billing.domain.DunningPlan.plan(properties.dunning().steps(), today,
				"PAYMENT_FAILED".equals(cause));
		return dunning.start(invoice.id(), today, cause, plan.stream().map(step -> new DunningRepository.Step(
				step.position(), step.action(), step.dueOn(), step.done() ? clock.instant() : null,
				step.done() ? "The payment that started dunning was declined" : null)).toList());
	}

	private PaymentGateway.Card store(String card) {
		try {
			return reach(() -> gateway.store(card));
		}
		catch (PaymentGateway.CardRefused refused) {
			throw new BatonException(BillingProblems.CARD_REFUSED, refused.getMessage(),
					List.of(new dev.baton.platform.FieldError("card", refused.getMessage())), Map.of());
		}
	}

	/**
	 * Pays back to a card the part of a credit note beyond what was owed, which the note put on the
	 * account as credit: the refund takes that credit off again. A gateway that refuses fails the
	 * credit note with it.
	 */
	void refund(Invoice invoice, Payment card, CreditNote note, BigDecimal beyondOwed, String by) {
		var refund = reach(() -> gateway.refund(card.gatewayReference(), Money.of(beyondOwed, invoice.currency()),
				"refund:" + note.id()));
		if (refund.state() != PaymentGateway.State.SUCCEEDED) {
			throw new BatonException(BillingProblems.GATEWAY, "The gateway refused the refund of credit note "
					+ note.number() + ": " + refund.failure(), List.of(), Map.of("invoiceId", invoice.id().toString()));
		}
		payments.addCredit(invoice.invoiceOwnerAccountId(), invoice.currency(), beyondOwed.negate(), "REFUNDED", null,
				note.id(), clock.instant(), by);
	}

	/** Calls the gateway; when it cannot be reached the request fails as a 502 and nothing is recorded. */
	private static <T> T reach(java.util.function.Supplier<T> call) {
		try {
			return call.get();
		}
		catch (PaymentGateway.Unavailable unavailable) {
			throw new BatonException(BillingProblems.GATEWAY, unavailable.getMessage(), List.of(), Map.of());
		}
	}

	private Decision payable(Invoice invoice, BigDecimal amount, boolean atMostOwed) {
		var label = invoice.number() == null ? "draft" : invoice.number();
		if (invoice.status() == InvoiceStatus.PAID || invoice.status() == InvoiceStatus.VOID) {
			throw Decision.refused(BillingRule.PAYMENT_STATE, "Invoice " + label + " is " + invoice.status()
					+ ": nothing more is owed on it").toException(BillingProblems.SETTLED);
		}
		return Decision.check()
				.refuseIf(invoice.status() != InvoiceStatus.OPEN && invoice.status() != InvoiceStatus.UNCOLLECTIBLE,
						BillingRule.PAYMENT_STATE, () -> "Invoice " + label + " is " + invoice.status()
								+ "; only an open or uncollectible invoice takes payments")
				.refuseIf(amount == null || amount.signum() <= 0, BillingRule.PAYMENT_AMOUNT,
						() -> "A payment is for more than zero")
				.refuseIf(amount != null && amount.stripTrailingZeros().scale() > 2, BillingRule.PAYMENT_AMOUNT,
						() -> "A payment is in whole cents, not " + amount.toPlainString())
				.refuseIf(atMostOwed && amount != null && amount.signum() > 0 && amount.compareTo(invoice.due()) > 0
						&& invoice.due().signum() > 0,
						BillingRule.PAYMENT_AMOUNT, () -> "A payment of " + invoice.currency() + " " + amount.toPlainString()
								+ " is more than the " + invoice.currency() + " " + invoice.due().toPlainString()
								+ " owed on invoice " + label)
				.refuseIf(invoice.due().signum() <= 0 && invoice.status() == InvoiceStatus.OPEN, BillingRule.PAYMENT_AMOUNT,
						() -> "Nothing is owed on invoice " + label)
				.decide();
	}

	private void recorded(Invoice invoice, Payment payment, Integer dunningStep) {
		if (payment.status() == PaymentStatus.REQUIRES_CONFIRMATION) {
			return;
		}
		audit.record(payment.status() == PaymentStatus.SUCCEEDED ? "payment.succeeded" : "payment.failed", "invoice",
				invoice.id().value(), payment.failure(),
				Map.of("payment", payment.id().toString(), "method", payment.method().name(), "amount",
						payment.amount().toPlainString(), "applied", payment.applied().toPlainString()));
		events.publishEvent(new PaymentRecorded(payment.id(), invoice.id(), invoice.number(), invoice.invoiceOwnerAccountId(),
				payment.status(), payment.method(), Money.of(payment.amount(), payment.currency()), payment.failure(),
				dunningStep));
		if (payment.status() == PaymentStatus.SUCCEEDED) {
			settlement.paidIfNothingOwed(invoice.id(), "Paid by " + payment.method().name().toLowerCase().replace('_', ' '));
		}
	}

	private Invoice locked(InvoiceId id) {
		invoices.lock(id).orElseThrow(() -> BatonException.notFound("Invoice", id));
		return invoices.find(id).orElseThrow();
	}

	private static String key(String clientKey) {
		return clientKey == null || clientKey.isBlank() ? UUID.randomUUID().toString() : clientKey.strip();
	}
}
