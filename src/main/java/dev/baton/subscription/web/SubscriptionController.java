package dev.baton.subscription.web;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.baton.pipeline.AccountId;
import dev.baton.platform.Versions;
import dev.baton.subscription.Subscription;
import dev.baton.subscription.SubscriptionEntry;
import dev.baton.subscription.SubscriptionId;
import dev.baton.subscription.Subscriptions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Subscriptions and their timelines, for the vendor's staff. Subscriptions change only through
 * orders ({@code POST /api/v1/orders}).
 */
@RestController
@RequestMapping("/api/v1/subscriptions")
@Tag(name = "Subscriptions")
@PreAuthorize("hasAnyRole('ADMIN','DEAL_DESK','FINANCE','AE','ASM','CSM')")
class SubscriptionController {

	private final Subscriptions subscriptions;

	SubscriptionController(Subscriptions subscriptions) {
		this.subscriptions = subscriptions;
	}

	@GetMapping
	@Operation(summary = "The subscriptions an account owns or is the invoice owner of")
	List<Subscription> ofAccount(@RequestParam AccountId accountId) {
		return subscriptions.ofAccount(accountId);
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read a subscription as it stands; the ETag is its version")
	ResponseEntity<Subscription> subscription(@PathVariable SubscriptionId id) {
		var subscription = subscriptions.subscription(id);
		return ResponseEntity.ok().eTag(Versions.etag(subscription.version())).body(subscription);
	}

	@GetMapping("/{id}/timeline")
	@Operation(summary = "Every version of the subscription, oldest first: which order made it, which action, who and why")
	List<SubscriptionEntry> timeline(@PathVariable SubscriptionId id) {
		return subscriptions.timeline(id);
	}
}
