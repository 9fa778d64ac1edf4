package dev.baton.billing.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.baton.audit.AuditLog;
import dev.baton.billing.AccountCredit;
import dev.baton.billing.BillTo;
import dev.baton.billing.BillingAccounts;
import dev.baton.billing.BillingProblems;
import dev.baton.billing.Invoice;
import dev.baton.billing.InvoiceId;
import dev.baton.billing.Invoices;
import dev.baton.billing.Payment;
import dev.baton.billing.PaymentId;
import dev.baton.billing.PaymentMethodType;
import dev.baton.billing.PaymentStatus;
import dev.baton.billing.Payments;
import dev.baton.billing.StoredPaymentMethod;
import dev.baton.pipeline.AccountId;
import dev.baton.platform.BatonException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Payments and collections for finance and administrators: payments by card (through the payment
 * gateway), bank transfers and account credit; voiding and writing invoices off; the card on file,
 * the billing contact and the credit of an account; an invoice's dunning.
 */
@RestController
@Tag(name = "Payments")
@PreAuthorize("hasAnyRole('ADMIN','FINANCE')")
class PaymentController {

	private final Payments payments;
	private final Invoices invoices;
	private final BillingAccounts accounts;

	PaymentController(Payments payments, Invoices invoices, BillingAccounts accounts) {
		this.payments = payments;
		this.invoices = invoices;
		this.accounts = accounts;
	}

	/**
	 * A payment to make: CARD with a card (or none, for the one on file), WIRE with the currency,
	 * the bank reference and the day received, or ACCOUNT_CREDIT. Without an amount it is all that
	 * is owed.
	 */
	record PaymentRequest(PaymentMethodType method, BigDecimal amount, String currency, String card, Boolean keepCard,
			String reference, LocalDate receivedOn) {
	}

	record CardRequest(String card) {
	}

	record ContactRequest(String name, String email) {
	}

	record BillToRequest(String country, String region, String taxId) {
	}

	@PostMapping("/api/v1/invoices/{id}/payments")
	@Operation(summary = "Pay an invoice by card, record a bank transfer, or apply the account's credit (201); a declined "
			+ "card answers 402 payment-declined and the failed payment is kept; Idempotency-Key makes a retry pay once")
	ResponseEntity<Payment> pay(@PathVariable InvoiceId id, @RequestBody PaymentRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String key) {
		if (request.method() == null) {
			throw BatonException.invalid("method", "is required: CARD, WIRE or ACCOUNT_CREDIT");
		}
		Payment payment;
		switch (request.method()) {
			case CARD:
				payment = payments.payByCard(id, new Payments.CardPayment(request.card(), request.amount(),
						Boolean.TRUE.equals(request.keepCard())), key);
				break;
			case WIRE:
				payment = payments.recordTransfer(id, new Payments.Transfer(request.amount(), request.currency(),
						request.reference(), request.receivedOn()), key);
				break;
			default:
				payment = payments.applyCredit(id, request.amount(), key);
				break;
		}
		if (payment.status() == PaymentStatus.FAILED) {
			throw new BatonException(BillingProblems.DECLINED, payment.failure(), List.of(),
					Map.of("paymentId", payment.id().toString(), "invoiceId", id.toString()));
		}
		return ResponseEntity.created(URI.create("/api/v1/payments/" + payment.id())).body(payment);
	}

	@GetMapping("/api/v1/invoices/{id}/payments")
	@PreAuthorize("hasAnyRole('ADMIN','FINANCE','DEAL_DESK','AE','ASM')")
	@Operation(summary = "The payments of an invoice, failed ones included, oldest first")
	List<Payment> ofInvoice(@PathVariable InvoiceId id) {
		return payments.ofInvoice(id);
	}

	@GetMapping("/api/v1/payments/{id}")
	@Operation(summary = "Read a payment")
	Payment payment(@PathVariable PaymentId id) {
		return payments.payment(id);
	}

	@GetMapping("/api/v1/payments")
	@Operation(summary = "Succeeded payments received from a day up to, not including, another: the collections")
	List<Payment> received(@RequestParam LocalDate from, @RequestParam LocalDate to) {
		return payments.received(from, to);
	}

	@PostMapping("/api/v1/payments/{id}/confirmation")
	@Operation(summary = "Confirm a card payment that waited for the card holder (3-D Secure); then it counts")
	Payment confirm(@PathVariable PaymentId id) {
		return payments.confirm(id);
	}

	@PostMapping("/api/v1/invoices/{id}/voiding")
	@Operation(summary = "Void an open invoice nothing was paid on, with a reason (Audit-Reason header); its dunning ends")
	Invoice voidInvoice(@PathVariable InvoiceId id,
			@RequestHeader(name = AuditLog.REASON_HEADER, required = false) String reason) {
		return invoices.voidInvoice(id, reason);
	}

	@PostMapping("/api/v1/invoices/{id}/write-off")
	@Operation(summary = "Write an open invoice off as uncollectible, with a reason (Audit-Reason header); still payable")
	Invoice writeOff(@PathVariable InvoiceId id,
			@RequestHeader(name = AuditLog.REASON_HEADER, required = false) String reason) {
		return invoices.writeOff(id, reason);
	}

	@GetMapping("/api/v1/invoices/{id}/dunning")
	@PreAuthorize("hasAnyRole('ADMIN','FINANCE','DEAL_DESK','AE','ASM')")
	@Operation(summary = "An invoice's dunning: when and why it started, each step planned and taken; 404 when none")
	Payments.DunningView dunning(@PathVariable InvoiceId id) {
		return payments.dunning(id).orElseThrow(() -> BatonException.notFound("Dunning of invoice", id));
	}

	@PutMapping("/api/v1/accounts/{accountId}/card")
	@Operation(summary = "Keep a card on file for an invoice owner (a sandbox test card, or a Stripe payment method id); "
			+ "finalized invoices and dunning retries charge it")
	StoredPaymentMethod keepCard(@PathVariable AccountId accountId, @RequestBody CardRequest request) {
		return payments.keepCard(accountId, request.card());
	}

	@GetMapping("/api/v1/accounts/{accountId}/card")
	@Operation(summary = "The card on file of an invoice owner; 404 when none")
	StoredPaymentMethod card(@PathVariable AccountId accountId) {
		return payments.cardOnFile(accountId).orElseThrow(() -> BatonException.notFound("Card on file of account", accountId));
	}

	@PutMapping("/api/v1/accounts/{accountId}/billing-contact")
	@Operation(summary = "Set where an account's invoices, receipts and payment reminders are mailed")
	Map<String, String> putContact(@PathVariable AccountId accountId, @RequestBody ContactRequest request) {
		var contact = payments.putContact(accountId, request.name(), request.email());
		return Map.of("name", contact.name(), "email", contact.email());
	}

	@PutMapping("/api/v1/accounts/{accountId}/bill-to")
	@Operation(summary = "Set where an invoice owner is billed: its country (ISO 3166-1 alpha-2), the region where the tax "
			+ "rate table needs one, and its tax id; lines computed from now on are taxed at that rate")
	BillTo putBillTo(@PathVariable AccountId accountId, @RequestBody BillToRequest request) {
		return accounts.putBillTo(accountId, request.country(), request.region(), request.taxId());
	}

	@GetMapping("/api/v1/accounts/{accountId}/bill-to")
	@PreAuthorize("hasAnyRole('ADMIN','FINANCE','DEAL_DESK','AE','ASM')")
	@Operation(summary = "Where an invoice owner is billed; 404 when not set (its lines are not taxed)")
	BillTo billTo(@PathVariable AccountId accountId) {
		return accounts.billTo(accountId).orElseThrow(() -> BatonException.notFound("Bill-to of account", accountId));
	}

	@GetMapping("/api/v1/accounts/{accountId}/credit")
	@PreAuthorize("hasAnyRole('ADMIN','FINANCE','DEAL_DESK','AE','ASM')")
	@Operation(summary = "An account's credit: the balance per currency and the ledger entries, newest first")
	AccountCredit credit(@PathVariable AccountId accountId) {
		return payments.credit(accountId);
	}
}
