package dev.baton.billing.web;

import java.io.OutputStreamWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import dev.baton.audit.AuditLog;
import dev.baton.billing.ShadowBilling;
import dev.baton.billing.ShadowBillingRun;
import dev.baton.billing.ShadowBillingRunId;
import dev.baton.catalog.PriceBookVersionId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Shadow billing for finance and administrators: run a proposed price book version against every
 * subscription without writing invoices, and read what it found, as JSON or CSV.
 */
@RestController
@Tag(name = "Invoices")
@PreAuthorize("hasAnyRole('ADMIN','FINANCE')")
class ShadowBillingController {

	static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

	private final ShadowBilling shadow;

	ShadowBillingController(ShadowBilling shadow) {
		this.shadow = shadow;
	}

	/** A run to start: the price book version it proposes, and the day whose billing periods it computes. */
	record StartRequest(UUID priceBookVersionId, LocalDate on) {
	}

	@PostMapping("/api/v1/shadow-billing-runs")
	@Operation(summary = "Start a shadow billing run of a price book version (a draft, say) for the billing periods "
			+ "containing a day (201); it runs in the background and writes no invoice")
	ResponseEntity<ShadowBillingRun> start(@RequestBody StartRequest request,
			@RequestHeader(name = AuditLog.REASON_HEADER, required = false) String reason) {
		var version = request.priceBookVersionId() == null ? null : PriceBookVersionId.of(request.priceBookVersionId());
		var run = shadow.start(version, request.on(), reason);
		return ResponseEntity.created(URI.create("/api/v1/shadow-billing-runs/" + run.id())).body(run);
	}

	@GetMapping("/api/v1/shadow-billing-runs")
	@Operation(summary = "The latest shadow billing runs, newest first")
	List<ShadowBillingRun> latest() {
		return shadow.latest();
	}

	@GetMapping("/api/v1/shadow-billing-runs/{id}")
	@Operation(summary = "A shadow billing run and, once done, its totals per currency, the distribution of changes per "
			+ "account and the biggest movers")
	ShadowBillingRun.Report report(@PathVariable ShadowBillingRunId id) {
		return shadow.report(id);
	}

	@GetMapping("/api/v1/shadow-billing-runs/{id}/csv")
	@Operation(summary = "A shadow billing run's result per account and currency as CSV, streamed")
	ResponseEntity<StreamingResponseBody> csv(@PathVariable UUID id) {
		return csvOf(shadow, id);
	}

	static ResponseEntity<StreamingResponseBody> csvOf(ShadowBilling shadow, UUID id) {
		// read before streaming, so an unknown run answers 404 rather than a broken download
		shadow.report(ShadowBillingRunId.of(id));
		StreamingResponseBody body = out -> shadow.csv(ShadowBillingRunId.of(id), new OutputStreamWriter(out, StandardCharsets.UTF_8));
		return ResponseEntity.ok().contentType(CSV)
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"shadow-billing-" + id + ".csv\"").body(body);
	}
}
