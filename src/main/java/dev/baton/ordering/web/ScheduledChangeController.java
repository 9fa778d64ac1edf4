package dev.baton.ordering.web;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.baton.ordering.ScheduledChange;
import dev.baton.ordering.ScheduledChanges;
import dev.baton.subscription.SubscriptionId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The changes orders scheduled for a subscription's next billing period, for the vendor's staff.
 */
@RestController
@Tag(name = "Orders")
@PreAuthorize("hasAnyRole('ADMIN','DEAL_DESK','FINANCE','AE','ASM','CSM')")
class ScheduledChangeController {

	private final ScheduledChanges scheduled;

	ScheduledChangeController(ScheduledChanges scheduled) {
		this.scheduled = scheduled;
	}

	@GetMapping("/api/v1/subscriptions/{id}/scheduled-changes")
	@Operation(summary = "The changes orders scheduled for the start of a later billing period (a downgrade, by "
			+ "default), newest first: pending, placed, dropped by a later order, or refused on their day")
	List<ScheduledChange> ofSubscription(@PathVariable SubscriptionId id) {
		return scheduled.ofSubscription(id);
	}
}
