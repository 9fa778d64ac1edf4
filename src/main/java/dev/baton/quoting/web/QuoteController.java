package dev.baton.quoting.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.baton.audit.AuditLog;
import dev.baton.identity.Role;
import dev.baton.pipeline.OpportunityId;
import dev.baton.platform.BatonException;
import dev.baton.quoting.Quote;
import dev.baton.quoting.QuoteId;
import dev.baton.quoting.Quotes;
import dev.baton.subscription.Parties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Quotes: deal desk and AEs prepare and revise them; deal desk and finance approve discounts;
 * acceptance is recorded for the customer; an accepted quote becomes an order.
 */
@RestController
@RequestMapping("/api/v1/quotes")
@Tag(name = "Quotes")
@PreAuthorize("hasAnyRole('ADMIN','DEAL_DESK','FINANCE','AE','ASM')")
class QuoteController {

	private final Quotes quotes;

	QuoteController(Quotes quotes) {
		this.quotes = quotes;
	}

	record Line(String planCode, Integer quantity, java.math.BigDecimal discountPercent) {
	}

	record QuoteRequest(UUID opportunityId, Parties parties, String currency, Integer termMonths, List<Line> lines,
			LocalDate expiresOn) {

		Quotes.QuoteRequest toRequest() {
			return new Quotes.QuoteRequest(opportunityId, parties, currency, termMonths, lines == null ? null
					: lines.stream().map(l -> new Quotes.LineRequest(l.planCode(), l.quantity(), l.discountPercent()))
							.toList(), expiresOn);
		}
	}

	record Approval(Role role) {
	}

	@PostMapping
	@PreAuthorize("hasAnyRole('ADMIN','DEAL_DESK','AE')")
	@Operation(summary = "Prepare a quote for an opportunity: the tier first, then add-ons, each with a quantity and a discount")
	ResponseEntity<Quote> prepare(@RequestBody QuoteRequest request, Authentication caller) {
		var quote = quotes.prepare(request.toRequest(), caller.getName());
		return ResponseEntity.created(URI.create("/api/v1/quotes/" + quote.id())).body(quote);
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read a quote revision")
	Quote quote(@PathVariable QuoteId id) {
		return quotes.quote(id);
	}

	@GetMapping
	@Operation(summary = "Every revision of every quote of an opportunity, newest first")
	List<Quote> ofOpportunity(@RequestParam OpportunityId opportunityId) {
		return quotes.ofOpportunity(opportunityId);
	}

	@PostMapping("/{id}/revisions")
	@PreAuthorize("hasAnyRole('ADMIN','DEAL_DESK','AE')")
	@Operation(summary = "Revise a quote: a new draft revision with these lines; the revision it replaces is superseded")
	ResponseEntity<Quote> revise(@PathVariable QuoteId id, @RequestBody QuoteRequest request, Authentication caller) {
		var quote = quotes.revise(id, request.toRequest(), caller.getName());
		return ResponseEntity.created(URI.create("/api/v1/quotes/" + quote.id())).body(quote);
	}

	@PostMapping("/{id}/submission")
	@PreAuthorize("hasAnyRole('ADMIN','DEAL_DESK','AE')")
	@Operation(summary = "Submit a draft: approved at once, or waiting for the approvals its discounts need")
	Quote submit(@PathVariable QuoteId id) {
		return quotes.submit(id);
	}

	@PostMapping("/{id}/approvals")
	@PreAuthorize("hasAnyRole('DEAL_DESK','FINANCE')")
	@Operation(summary = "Approve the quote's discount as deal desk or finance (your own role)")
	Quote approve(@PathVariable QuoteId id, @RequestBody Approval approval, Authentication caller,
			@RequestHeader(name = AuditLog.REASON_HEADER, required = false) String reason) {
		if (approval.role() != Role.DEAL_DESK && approval.role() != Role.FINANCE) {
			throw BatonException.invalid("role", "is DEAL_DESK or FINANCE");
		}
		if (caller.getAuthorities().stream().noneMatch(a -> a.getAuthority().equals(approval.role().authority()))) {
			throw new BatonException(dev.baton.platform.ProblemType.FORBIDDEN,
					"Only " + approval.role() + " approves as " + approval.role());
		}
		return quotes.approve(id, approval.role().name(), caller.getName(), reason);
	}

	@PostMapping("/{id}/acceptance")
	@PreAuthorize("hasAnyRole('ADMIN','DEAL_DESK','AE')")
	@Operation(summary = "Record that the customer accepted the quote (approved and not expired)")
	Quote accept(@PathVariable QuoteId id, Authentication caller) {
		return quotes.accept(id, caller.getName());
	}

	@PostMapping("/{id}/order")
	@PreAuthorize("hasAnyRole('ADMIN','DEAL_DESK')")
	@Operation(summary = "Turn the accepted quote into an order (once; a repeat answers the ordered quote)")
	Quote order(@PathVariable QuoteId id, Authentication caller) {
		return quotes.order(id, caller.getName());
	}
}
