package dev.baton.rituals.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import dev.baton.organisation.CallContexts;
import dev.baton.organisation.CircleId;
import dev.baton.platform.BatonException;
import dev.baton.rituals.CalendarFeeds;
import dev.baton.rituals.Ritual;
import dev.baton.rituals.Rituals;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Circle rituals and the circle's calendar feed. The feed itself is read without logging in, by
 * its secret address.
 */
@RestController
@Tag(name = "Rituals")
class RitualController {

	private final Rituals rituals;
	private final CalendarFeeds feeds;
	private final CallContexts callers;

	RitualController(Rituals rituals, CalendarFeeds feeds, CallContexts callers) {
		this.rituals = rituals;
		this.feeds = feeds;
		this.callers = callers;
	}

	record FeedAddress(UUID circleId, String url) {
	}

	@GetMapping("/api/v1/circles/{id}/rituals")
	@PreAuthorize("hasAnyRole('AE','SA','SA_MANAGER','ASM','CSM','ADMIN')")
	@Operation(summary = "The circle's planned rituals from..to (inclusive; default the next 90 days)")
	List<Ritual> list(@PathVariable CircleId id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		var start = from == null ? rituals.today(id) : from;
		var end = to == null ? start.plusDays(90) : to;
		if (end.isBefore(start) || end.isAfter(start.plusDays(400))) {
			throw BatonException.invalid("to", "must be on or after from and within 400 days of it");
		}
		return rituals.between(id, start, end);
	}

	@PostMapping("/api/v1/circles/{id}/rituals/plan")
	@PreAuthorize("hasAnyRole('SA_MANAGER','ADMIN')")
	@Operation(summary = "Plan the circle's missing ritual occurrences now (also done hourly); idempotent; "
			+ "the circle's manager or an administrator")
	List<Ritual> plan(@PathVariable CircleId id) {
		rituals.plan(id, callers.current());
		var today = rituals.today(id);
		return rituals.between(id, today, today.plusDays(90));
	}

	@PostMapping("/api/v1/circles/{id}/calendar-feed")
	@PreAuthorize("hasAnyRole('SA','SA_MANAGER','ADMIN')")
	@Operation(summary = "Issue a new secret calendar feed address for the circle (the old one stops working)")
	FeedAddress issue(@PathVariable CircleId id) {
		var feed = feeds.issue(id, callers.current());
		return new FeedAddress(feed.circleId(), ServletUriComponentsBuilder.fromCurrentContextPath().path(feed.path()).toUriString());
	}

	@GetMapping("/api/v1/calendar-feeds/{secret}.ics")
	@Operation(summary = "The circle's iCalendar feed (rituals and time away) by its secret address; no login")
	ResponseEntity<String> feed(@PathVariable String secret) {
		return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/calendar;charset=UTF-8"))
				.body(feeds.render(secret));
	}
}
