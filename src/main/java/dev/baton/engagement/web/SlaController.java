package dev.baton.engagement.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.baton.engagement.Engagement;
import dev.baton.engagement.domain.SlaPolicy;
import dev.baton.engagement.domain.TimeBasis;
import dev.baton.platform.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * A board's clocks: the due times an AE would get, and the board's SLA policy.
 */
@RestController
@RequestMapping("/api/v1/boards/{key}")
@Tag(name = "SA requests")
@PreAuthorize("hasAnyRole('AE','SA','SA_MANAGER','ASM','CSM','DEAL_DESK','FINANCE','ADMIN')")
class SlaController {

	private final Engagement engagement;

	SlaController(Engagement engagement) {
		this.engagement = engagement;
	}

	record Preview(String board, Instant receivedAt, Instant triageDueAt, Instant slaDueAt, boolean fastTrack,
			List<String> reasons) {
	}

	@GetMapping("/sla-preview")
	@Operation(summary = "The triage and SLA due times a request would get, before filing")
	Preview preview(@PathVariable String key, @RequestParam(required = false) Instant receivedAt,
			@RequestParam(defaultValue = "false") boolean expedite, @RequestParam(required = false) Instant firstMeetingAt) {
		var due = engagement.preview(key, receivedAt, expedite, firstMeetingAt);
		return new Preview(key, due.receivedAt(), due.triageDueAt(), due.slaDueAt(), due.fastTrack(), due.reasons());
	}

	record PolicyView(String board, TimeBasis basis, int triageDays, int activityDays, Duration expediteTime,
			Duration preparationBuffer, Duration dueSoonWithin, int version) {

		static PolicyView of(SlaPolicy policy) {
			return new PolicyView(policy.boardKey(), policy.basis(), policy.triageDays(), policy.activityDays(),
					policy.expediteTime(), policy.preparationBuffer(), policy.dueSoonWithin(), policy.version());
		}
	}

	record PolicyChange(TimeBasis basis, Integer triageDays, Integer activityDays, Duration expediteTime,
			Duration preparationBuffer, Duration dueSoonWithin) {
	}

	@GetMapping("/sla-policy")
	@Operation(summary = "The board's SLA policy (the defaults until an admin changes it)")
	ResponseEntity<PolicyView> policy(@PathVariable String key) {
		var policy = engagement.slaPolicy(key);
		return ResponseEntity.ok().eTag(Versions.etag(policy.version())).body(PolicyView.of(policy));
	}

	@PutMapping("/sla-policy")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Change the board's SLA policy; needs If-Match (\"0\" while the defaults apply)")
	ResponseEntity<PolicyView> update(@PathVariable String key,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, @RequestBody PolicyChange change) {
		var expected = Versions.expectedVersion(ifMatch);
		var current = engagement.slaPolicy(key);
		var policy = new SlaPolicy(key, change.triageDays() == null ? current.triageDays() : change.triageDays(),
				change.activityDays() == null ? current.activityDays() : change.activityDays(),
				change.expediteTime() == null ? current.expediteTime() : change.expediteTime(),
				change.preparationBuffer() == null ? current.preparationBuffer() : change.preparationBuffer(),
				change.dueSoonWithin() == null ? current.dueSoonWithin() : change.dueSoonWithin(),
				change.basis() == null ? current.basis() : change.basis(), expected);
		var saved = engagement.updateSlaPolicy(policy, expected);
		return ResponseEntity.ok().eTag(Versions.etag(saved.version())).body(PolicyView.of(saved));
	}
}
