package dev.baton.engagement;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.baton.engagement.jdbc.TriageMetrics;
import dev.baton.organisation.CircleId;
import dev.baton.pipeline.OpportunityId;

/**
 * Read-only engagement figures for governance reports and post-sales work: the triage metrics of
 * {@link TriageMetrics} as a public record, the SA who works an opportunity, and the requests that
 * were declined or wait on the requestor, and everyone's open work.
 */
@Service
public class EngagementFigures {

	private final TriageMetrics metrics;

	EngagementFigures(TriageMetrics metrics) {
		this.metrics = metrics;
	}

	/** The same figures as {@code GET /api/v1/sa-requests/metrics}. */
	public record Triage(Instant from, Instant to, long filed, long fastTrack, double fastTrackShare, long triaged,
			double triageAttainment, long engaged, double slaAttainment, Duration medianTimeToTriage, long waiting,
			long declined, long open) {
	}

	/** A request that was declined or waits on its requestor, with the reason where there is one. */
	public record Stalled(UUID requestId, String title, UUID opportunityId, UUID requesterId, UUID circleId,
			RequestStatus status, String declineReason, Instant createdAt) {
	}

	/** A person's open requests: those they hold and those they assist. */
	public record OpenWork(long assigned, long assisting) {

		public static final OpenWork NONE = new OpenWork(0, 0);
	}

	@Transactional(readOnly = true)
	public Triage triage(String boardKey, CircleId circleId, Instant from, Instant to) {
		return triage(metrics.report(boardKey, circleId == null ? null : circleId.value(), from, to));
	}

	/**
	 * The triage figures of each circle with requests filed in the period, in one statement; a
	 * circle without any is not in the map.
	 */
	@Transactional(readOnly = true)
	public Map<UUID, Triage> triageByCircle(Instant from, Instant to) {
		var byCircle = new HashMap<UUID, Triage>();
		metrics.reportsByCircle(from, to).forEach((circle, r) -> byCircle.put(circle, triage(r)));
		return byCircle;
	}

	/** Everyone's open work, by person; someone without open requests is not in the map. */
	@Transactional(readOnly = true)
	public Map<UUID, OpenWork> openWork() {
		return metrics.openWork();
	}

	private static Triage triage(TriageMetrics.Report r) {
		return new Triage(r.from(), r.to(), r.filed(), r.fastTrack(), r.fastTrackShare(), r.triaged(),
				r.triageAttainment(), r.engaged(), r.slaAttainment(), r.medianTimeToTriage(), r.waiting(),
				r.declined(), r.open());
	}

	/** The SA most recently assigned to a request on the opportunity, if any. */
	@Transactional(readOnly = true)
	public Optional<UUID> assignedSa(OpportunityId opportunityId) {
		return metrics.assignedSa(opportunityId.value());
	}

	/**
	 * Requests filed from {@code from} up to {@code to} that were declined or now wait on the requestor (SA Waiting:
	 * the circle asked for a complete command plan), newest first; of every circle when {@code circle} is null.
	 */
	@Transactional(readOnly = true)
	public List<Stalled> declinedOrWaiting(CircleId circle, Instant from, Instant to) {
		return metrics.declinedOrWaiting(circle == null ? null : circle.value(), from, to);
	}
}
