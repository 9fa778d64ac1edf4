package dev.baton.engagement;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.baton.engagement.jdbc.SaRequestRepository;

/**
 * Read access to SA requests for other modules (assignment, reports, the web UI).
 */
@Service
public class SaRequests {

	private final SaRequestRepository requests;

	SaRequests(SaRequestRepository requests) {
		this.requests = requests;
	}

	@Transactional(readOnly = true)
	public Optional<SaRequestSummary> find(UUID id) {
		return requests.find(SaRequestId.of(id)).map(SaRequestSummary::of);
	}

	/** Open requests (not done or declined) assigned to or assisted by any of these people. */
	@Transactional(readOnly = true)
	public List<SaRequestSummary> openFor(List<UUID> people) {
		return requests.openFor(people).stream().map(SaRequestSummary::of).toList();
	}

	/** Requests of these circles filed since an instant, any status: recent history for fairness and experience. */
	@Transactional(readOnly = true)
	public List<SaRequestSummary> filedSince(java.util.Collection<UUID> circleIds, Instant since) {
		return requests.filedSince(circleIds, since).stream().map(SaRequestSummary::of).toList();
	}

	/**
	 * Who held the circle's requests filed since {@code filedSince} that were open at some time
	 * since {@code activeFrom}, and when: recent work for a chart, without reading the history.
	 */
	@Transactional(readOnly = true)
	public List<RequestActivity> activity(UUID circleId, Instant filedSince, Instant activeFrom) {
		return requests.activity(circleId, filedSince, activeFrom);
	}
}
