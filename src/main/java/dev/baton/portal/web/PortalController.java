package dev.baton.portal.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.baton.billing.BillingProblems;
import dev.baton.billing.InvoiceId;
import dev.baton.billing.OrderPreview;
import dev.baton.billing.PaymentId;
import dev.baton.billing.PaymentStatus;
import dev.baton.ordering.Order;
import dev.baton.pipeline.Account;
import dev.baton.pipeline.AccountId;
import dev.baton.platform.BatonException;
import dev.baton.portal.Membership;
import dev.baton.portal.Portal;
import dev.baton.portal.PortalInvoice;
import dev.baton.portal.PortalSubscription;
import dev.baton.quoting.Quote;
import dev.baton.quoting.QuoteId;
import dev.baton.subscription.SubscriptionChange;
import dev.baton.subscription.SubscriptionId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The customer and partner portals' API: everything as the caller's account.
 */
@RestController
@RequestMapping("/api/v1/portal")
@Tag(name = "Portals")
@PreAuthorize("hasAnyRole('CUSTOMER','PARTNER')")
class PortalController {

	private final Portal portal;

	PortalController(Portal portal) {
		this.portal = portal;
	}

	record Link(UUID accountId) {
	}

	record PortalOrder(List<SubscriptionChange> actions) {
	}

	@PutMapping("/members/{username}")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Link a customer's or partner's login to the account it acts for")
	Membership link(@PathVariable String username, @RequestBody Link link) {
		return portal.link(username, AccountId.of(link.accountId()));
	}

	@PutMapping("/partners/{partnerAccountId}/end-customers/{customerAccountId}")
	@PreAuthorize("hasAnyRole('ADMIN','DEAL_DESK')")
	@Operation(summary = "Register an end customer for a partner, which may then order for it (registering again changes nothing)")
	ResponseEntity<Void> registerEndCustomer(@PathVariable AccountId partnerAccountId,
			@PathVariable AccountId customerAccountId, Authentication caller) {
		portal.registerEndCustomer(partnerAccountId, customerAccountId, caller.getName());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/end-customers")
	@Operation(summary = "A partner's end customers: those registered for it and those whose subscriptions it invoices")
	List<Account> endCustomers(Authentication caller) {
		return portal.endCustomers(caller.getName());
	}

	@GetMapping("/account")
	@Operation(summary = "The account the caller acts for, and as what")
	Membership account(Authentication caller) {
		return portal.membership(caller.getName());
	}

	@GetMapping("/subscriptions")
	@Operation(summary = "The caller's account's subscriptions (a partner: those it invoices)")
	List<PortalSubscription> subscriptions(Authentication caller) {
		return portal.subscriptions(caller.getName());
	}

	@GetMapping("/subscriptions/{id}")
	@Operation(summary = "One of the caller's subscriptions; another account's answers 404")
	PortalSubscription subscription(@PathVariable SubscriptionId id, Authentication caller) {
		return portal.subscription(caller.getName(), id);
	}

	@GetMapping("/subscriptions/{id}/timeline")
	@Operation(summary = "Every version of one of the caller's subscriptions")
	List<Portal.Entry> timeline(@PathVariable SubscriptionId id, Authentication caller) {
		return portal.timeline(caller.getName(), id);
	}

	@GetMapping("/quotes")
	@Operation(summary = "The quotes sent to the caller's account (approved, accepted or ordered), newest first")
	List<Quote> quotes(Authentication caller) {
		return portal.quotes(caller.getName());
	}

	@PostMapping("/quotes/{id}/acceptance")
	@Operation(summary = "Accept a quote sent to the caller's account; another account's quote answers 404")
	Quote acceptQuote(@PathVariable QuoteId id, Authentication caller) {
		return portal.acceptQuote(caller.getName(), id);
	}

	record InvoicePayment(String card, Boolean keepCard) {
	}

	@GetMapping("/invoices")
	@Operation(summary = "The invoices of the caller's account (those it is the invoice owner of), newest first, without drafts")
	List<PortalInvoice> invoices(Authentication caller) {
		return portal.invoices(caller.getName());
	}

	@GetMapping("/invoices/{id}")
	@Operation(summary = "One of the caller's invoices with its lines; another account's (a reseller's, say) answers 404")
	PortalInvoice invoice(@PathVariable InvoiceId id, Authentication caller) {
		return portal.invoice(caller.getName(), id);
	}

	@GetMapping("/invoices/{id}/pdf")
	@Operation(summary = "One of the caller's invoices as a PDF")
	ResponseEntity<byte[]> invoicePdf(@PathVariable InvoiceId id, Authentication caller,
			Locale locale) {
		var invoice = portal.invoice(caller.getName(), id);
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
				.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
						.filename("invoice-" + invoice.number() + ".pdf").build().toString())
				.body(portal.invoicePdf(caller.getName(), id, locale));
	}

	@PostMapping("/invoices/{id}/payments")
	@Operation(summary = "Pay all that is owed on one of the caller's invoices by card (201); with the sandbox gateway, "
			+ "its test cards; a declined card answers 402 payment-declined; Idempotency-Key makes a retry pay once")
	ResponseEntity<Portal.PortalPayment> pay(@PathVariable InvoiceId id, @RequestBody InvoicePayment request,
			Authentication caller, @RequestHeader(name = "Idempotency-Key", required = false) String key) {
		var payment = portal.pay(caller.getName(), id, request.card(), Boolean.TRUE.equals(request.keepCard()),
				key == null || key.isBlank() ? null : key.strip());
		if (payment.status() == PaymentStatus.FAILED) {
			throw new BatonException(BillingProblems.DECLINED, payment.failure(), List.of(),
					Map.of("paymentId", payment.id().toString(), "invoiceId", id.toString()));
		}
		return ResponseEntity.created(URI.create("/api/v1/portal/invoices/" + id)).body(payment);
	}

	@PostMapping("/payments/{id}/confirmation")
	@Operation(summary = "Confirm one of the caller's card payments that waited for the card holder (3-D Secure)")
	Portal.PortalPayment confirm(@PathVariable PaymentId id, Authentication caller) {
		return portal.confirm(caller.getName(), id);
	}

	@PostMapping("/orders/preview")
	@Operation(summary = "What an order would cost now and in the next period, before placing it (the same rules as "
			+ "placing it); writes nothing")
	OrderPreview preview(@RequestBody PortalOrder request, Authentication caller) {
		return portal.preview(caller.getName(), request.actions());
	}

	@PostMapping("/orders")
	@Operation(summary = "Check out, add seats, upgrade, renew or cancel at term end; a partner orders for its end customers")
	ResponseEntity<Order> order(@RequestBody PortalOrder request, Authentication caller,
			@RequestHeader(name = "Idempotency-Key", required = false) String key) {
		var order = portal.order(caller.getName(), request.actions(), key == null || key.isBlank() ? null : key.strip());
		return ResponseEntity.created(URI.create("/api/v1/orders/" + order.id())).body(order);
	}
}
