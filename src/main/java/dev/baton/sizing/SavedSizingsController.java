package dev.baton.sizing;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.baton.pipeline.OpportunityId;
import dev.baton.platform.BatonException;
import dev.baton.platform.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Recommendations saved against opportunities: SAs save them, the vendor's staff read them.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Sizing")
class SavedSizingsController {

	private final SavedSizings saved;

	SavedSizingsController(SavedSizings saved) {
		this.saved = saved;
	}

	@Schema(name = "SaveSizingRecommendation")
	record SaveRequest(@Schema(description = "The prospect's metrics, as for POST /api/v1/sizing/recommendations; "
			+ "the recommendation is made from them again when saving", requiredMode = Schema.RequiredMode.REQUIRED)
	MetricsInput metrics,
			@Schema(description = "A data edition id; the default edition when absent", example = "2025-12")
			String edition,
			@Schema(description = "What the SA wants to remember, up to 2,000 characters") String note) {
	}

	@Schema(name = "SavedSizingRecommendation")
	record SavedView(UUID id, UUID opportunityId, String edition, String note, String savedBy, Instant savedAt,
			@Schema(description = "The metrics as given") MetricsInput metrics,
			@Schema(description = "The recommendation exactly as made when saved") Recommendation recommendation,
			Links links) {

		static SavedView of(StoredSizing sizing) {
			return new SavedView(sizing.id(), sizing.opportunityId(), sizing.edition(), sizing.note(),
					sizing.savedBy(), sizing.savedAt(), sizing.metrics(), sizing.recommendation(),
					new Links("/api/v1/sizing-recommendations/" + sizing.id(), SavedSizing.printLink(sizing.id()),
							SavedSizing.pdfLink(sizing.id())));
		}
	}

	@Schema(name = "SavedSizingLinks")
	record Links(@Schema(description = "This resource") String self,
			@Schema(description = "A printable page for the customer (web UI, session login)") String print,
			@Schema(description = "The same page as PDF (web UI, session login)") String pdf) {
	}

	@PostMapping("/opportunities/{opportunityId}/sizing-recommendations")
	@PreAuthorize(SizingRoles.SAVERS)
	@Operation(summary = "Save a recommendation against an opportunity; honours Idempotency-Key",
			description = "Recommends from the metrics and stores them with the full recommendation, the edition, "
					+ "who and when. 404 if the opportunity does not exist.")
	ResponseEntity<SavedView> save(@PathVariable OpportunityId opportunityId, @RequestBody SaveRequest request,
			Authentication authentication) {
		if (request.metrics() == null) {
			throw BatonException.invalid("metrics", "is required");
		}
		ProspectMetrics metrics = request.metrics().toMetrics("metrics.");
		StoredSizing sizing = saved.save(opportunityId, request.metrics(), metrics, request.edition(),
				request.note(), authentication.getName());
		var view = SavedView.of(sizing);
		return ResponseEntity.created(URI.create(view.links().self())).body(view);
	}

	@GetMapping("/opportunities/{opportunityId}/sizing-recommendations")
	@PreAuthorize(SizingRoles.STAFF)
	@Operation(summary = "The recommendations saved against an opportunity, newest first")
	Page<SavedSizing> list(@PathVariable OpportunityId opportunityId, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return saved.listFor(opportunityId, new Page.Request(page, size));
	}

	@GetMapping("/sizing-recommendations/{id}")
	@PreAuthorize(SizingRoles.STAFF)
	@Operation(summary = "One saved recommendation with its metrics")
	SavedView get(@PathVariable UUID id) {
		return SavedView.of(saved.find(id));
	}
}
