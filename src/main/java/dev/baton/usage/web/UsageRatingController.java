package dev.baton.usage.web;

import java.time.Instant;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.baton.platform.BatonException;
import dev.baton.usage.ClosedUsage;
import dev.baton.usage.Entitlement;
import dev.baton.usage.Entitlements;
import dev.baton.usage.Packs;
import dev.baton.usage.UsagePeriods;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Entitlements for the product (usage sources' tokens) and administrators; the period watermarks,
 * closed usage with what arrived late, and pack balances for finance and administrators.
 */
@RestController
@Tag(name = "Usage")
class UsageRatingController {

	private final Entitlements entitlements;
	private final UsagePeriods periods;
	private final Packs packs;

	UsageRatingController(Entitlements entitlements, UsagePeriods periods, Packs packs) {
		this.entitlements = entitlements;
		this.periods = periods;
		this.packs = packs;
	}

	@GetMapping("/api/v1/entitlements/{subject}/{feature}")
	@PreAuthorize("hasAnyAuthority('USAGE_SOURCE', 'ROLE_ADMIN')")
	@Operation(summary = "Whether a subject (an account's CRM id) may use more of a feature (a meter) now, what is left"
			+ " of its allowance and packs this period, and why; at 0 left it is refused until a pack is bought or the period turns")
	Entitlement entitlement(@PathVariable String subject, @PathVariable String feature) {
		return entitlements.check(subject, feature);
	}

	@GetMapping("/api/v1/usage/meters/{code}/periods")
	@PreAuthorize("hasAnyRole('ADMIN', 'FINANCE')")
	@Operation(summary = "A meter's watermark (the periods closed, when the next closes) and its latest closed periods"
			+ " with the events that arrived after they closed")
	UsagePeriods.Watermark watermark(@PathVariable String code) {
		return periods.watermark(code);
	}

	@GetMapping("/api/v1/usage/subjects/{subject}/closed-usage")
	@PreAuthorize("hasAnyRole('ADMIN', 'FINANCE')")
	@Operation(summary = "A subject's usage of the closed periods that started from (inclusive) to (exclusive), each"
			+ " revision: the one taken when the period closed, and one for each close that found late events")
	List<ClosedUsage> closedUsage(@PathVariable String subject, @RequestParam Instant from, @RequestParam Instant to) {
		if (!to.isAfter(from)) {
			throw BatonException.invalid("to", "is after from");
		}
		if (to.isAfter(from.plus(java.time.Duration.ofDays(5 * 366)))) {
			throw BatonException.invalid("to", "is at most 5 years after from");
		}
		return periods.ofSubject(subject, from, to);
	}

	@GetMapping("/api/v1/usage/subjects/{subject}/packs")
	@PreAuthorize("hasAnyRole('ADMIN', 'FINANCE')")
	@Operation(summary = "A subject's prepaid packs, oldest first, with what is left of each and when it expires")
	List<Packs.Balance> packs(@PathVariable String subject) {
		return packs.of(subject);
	}
}
