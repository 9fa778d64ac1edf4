package dev.baton.usage.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.baton.usage.Meter;
import dev.baton.usage.Meters;
import dev.baton.usage.UsageSource;
import dev.baton.usage.UsageSourceId;
import dev.baton.usage.UsageSources;
import dev.baton.usage.UsageTotals;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Meters, usage sources and their tokens, for administrators; meters' totals for finance too.
 */
@RestController
@RequestMapping("/api/v1/usage")
@Tag(name = "Usage")
@PreAuthorize("hasRole('ADMIN')")
class UsageController {

	private final Meters meters;
	private final UsageSources sources;
	private final UsageTotals totals;

	UsageController(Meters meters, UsageSources sources, UsageTotals totals) {
		this.meters = meters;
		this.sources = sources;
		this.totals = totals;
	}

	record NewSource(String source, String description) {
	}

	@PostMapping("/meters")
	@Operation(summary = "Define a meter; events of its type already stored are counted at once")
	ResponseEntity<Meter> define(@RequestBody Meters.Definition definition, Authentication caller) {
		var meter = meters.define(definition, caller.getName());
		return ResponseEntity.created(URI.create("/api/v1/usage/meters/" + meter.code())).body(meter);
	}

	@GetMapping("/meters")
	@PreAuthorize("hasAnyRole('ADMIN','FINANCE')")
	@Operation(summary = "Every meter, active ones first")
	List<Meter> meters() {
		return meters.meters();
	}

	@GetMapping("/meters/{code}")
	@PreAuthorize("hasAnyRole('ADMIN','FINANCE')")
	@Operation(summary = "One meter")
	Meter meter(@PathVariable String code) {
		return meters.meter(code);
	}

	@DeleteMapping("/meters/{code}")
	@Operation(summary = "Archive a meter: it stops counting new events; its totals stay readable")
	Meter archive(@PathVariable String code) {
		return meters.archive(code);
	}

	@GetMapping("/meters/{code}/totals")
	@PreAuthorize("hasAnyRole('ADMIN','FINANCE')")
	@Operation(summary = "The meter's totals from (inclusive) to (exclusive), per HOUR, DAY, MONTH or NONE (the whole"
			+ " range), optionally for one subject and grouped by subject and dimensions")
	UsageTotals.Totals totals(@PathVariable String code, @RequestParam Instant from, @RequestParam Instant to,
			@RequestParam(defaultValue = "DAY") UsageTotals.Window window, @RequestParam(required = false) String subject,
			@RequestParam(required = false) List<String> groupBy) {
		return totals.totals(new UsageTotals.Query(code, from, to, window, subject, groupBy));
	}

	@PostMapping("/sources")
	@Operation(summary = "Register a source that sends usage; the answer shows its token, this once")
	ResponseEntity<UsageSource.Registered> register(@RequestBody NewSource request, Authentication caller) {
		var registered = sources.register(request.source(), request.description(), caller.getName());
		return ResponseEntity.created(URI.create("/api/v1/usage/sources/" + registered.source().id())).body(registered);
	}

	@GetMapping("/sources")
	@Operation(summary = "Every source (without tokens)")
	List<UsageSource> sources() {
		return sources.sources();
	}

	@GetMapping("/sources/{id}")
	@Operation(summary = "One source (without its token)")
	UsageSource source(@PathVariable UsageSourceId id) {
		return sources.source(id);
	}

	@PostMapping("/sources/{id}/token-rotation")
	@Operation(summary = "A new token for the source, shown this once; the previous one stops working at once")
	UsageSource.Registered rotate(@PathVariable UsageSourceId id) {
		return sources.rotate(id);
	}

	@DeleteMapping("/sources/{id}")
	@Operation(summary = "Revoke the source's token; the events it sent stay counted")
	ResponseEntity<Map<String, String>> revoke(@PathVariable UsageSourceId id) {
		sources.revoke(id);
		return ResponseEntity.noContent().build();
	}
}
