package dev.baton.engagement;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.baton.engagement.jdbc.SaRequestRepository;
import dev.baton.organisation.CircleId;
import dev.baton.organisation.PersonId;

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
	public Optional<SaRequestSummary> find(SaRequestId id) {
		return requests.find(id).map(SaRequestSummary::of);
	}

	/** Open requests (not done or declined) assigned to or assisted by any of these people. */
	@Transactional(readOnly = true)
	public List<SaRequestSummary> openFor(java.util.Collection<PersonId> people) {
		return requests.openFor(people.stream().map(PersonId::value).toList()).stream().map(SaRequestSummary::of).toList();
	}

	/** Requests of these circles filed since an instant, any status: recent history for fairness and experience. */
	@Transactional(readOnly = true)
	public List<SaRequestSummary> filedSince(java.util.Collection<CircleId> circleIds, Instant since) {
		return requests.filedSince(circleIds.stream().map(CircleId::value).toList(), since).stream()
				.map(SaRequestSummary::of).toList();
	}

	/**
	 * Who held the circle's requests filed since {@code filedSince} that were open at some time
	 * since {@code activeFrom}, and when: recent work for a chart, without reading the history.
	 */
	@Transactional(readOnly = true)
	public List<RequestActivity> activity(CircleId circleId, Instant filedSince, Instant activeFrom) {
		return requests.activity(circleId.value(), filedSince, activeFrom);
	}
}
