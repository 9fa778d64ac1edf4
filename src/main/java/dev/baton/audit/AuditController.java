package dev.baton.audit;

import java.time.Instant;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.baton.platform.BatonException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The audit trail for administrators.
 */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit")
@PreAuthorize("hasRole('ADMIN')")
class AuditController {

	private final AuditQuery query;

	AuditController(AuditQuery query) {
		this.query = query;
	}

	/** A slice of the trail, newest first; pass {@code nextCursor} as {@code cursor} for the next. */
	record AuditSlice(List<AuditEntry> items, String nextCursor) {
	}

	@GetMapping
	@Operation(summary = "Search the audit trail, newest first, by cursor")
	AuditSlice search(@RequestParam(required = false) String entityType,
			@RequestParam(required = false) String entityId, @RequestParam(required = false) String actor,
			@RequestParam(required = false) String action, @RequestParam(required = false) Instant from,
			@RequestParam(required = false) Instant to, @RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "50") int limit) {
		if (limit < 1 || limit > 500) {
			throw BatonException.invalid("limit", "must be between 1 and 500");
		}
		Long before = null;
		if (cursor != null) {
			try {
				before = Long.parseLong(cursor);
			} catch (NumberFormatException e) {
				throw BatonException.invalid("cursor", "is not a cursor this API returned");
			}
		}
		var items = query.find(new AuditQuery.Filter(entityType, entityId, actor, action, from, to, before, limit + 1));
		String next = null;
		if (items.size() > limit) {
			items = items.subList(0, limit);
			next = String.valueOf(items.get(items.size() - 1).id());
		}
		return new AuditSlice(items, next);
	}
}
