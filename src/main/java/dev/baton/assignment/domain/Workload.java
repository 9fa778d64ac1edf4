package dev.baton.assignment.domain;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.baton.assignment.AssignmentProperties;
import dev.baton.engagement.RequestLabel;
import dev.baton.engagement.SaAsk;
import dev.baton.engagement.SaRequestSummary;

/**
 * Open work weighed by effort, in load units: a POV (asks contain POV, or the SA POV label)
 * counts {@code pov}, a Q&A-only request (technical Q&A or reverse AMA) {@code qa}, anything else
 * {@code standard}; assisting counts {@code assistShare} of that.
 */
public record Workload(AssignmentProperties.Effort effort) {

	private static final Set<SaAsk> QA = Set.of(SaAsk.TECHNICAL_QA, SaAsk.REVERSE_AMA);

	/** How a request held by a person counts. */
	public static Candidate.OpenWork classify(SaRequestSummary request, UUID personId) {
		var asks = request.details() == null ? Set.<SaAsk>of() : request.details().asks();
		var pov = asks.contains(SaAsk.POV) || request.labels().contains(RequestLabel.SA_POV);
		var qaOnly = !pov && !asks.isEmpty() && QA.containsAll(asks);
		var assist = !personId.equals(request.assigneeId());
		return new Candidate.OpenWork(request.id(), pov, qaOnly, assist);
	}

	public double units(Candidate.OpenWork work) {
		var units = work.pov() ? effort.pov() : work.qaOnly() ? effort.qa() : effort.standard();
		return work.assist() ? units * effort.assistShare() : units;
	}

	public double load(List<Candidate.OpenWork> work) {
		return work.stream().mapToDouble(this::units).sum();
	}

	/** As {@code no active requests}, {@code 3 active requests, 1 POV} or {@code 2 active requests (1 as assist)}. */
	public String describe(List<Candidate.OpenWork> work) {
		if (work.isEmpty()) {
			return "no active requests";
		}
		var text = new StringBuilder(Texts.count(work.size(), "active request", "active requests"));
		var assists = work.stream().filter(Candidate.OpenWork::assist).count();
		if (assists > 0) {
			text.append(" (").append(assists).append(" as assist)");
		}
		var povs = work.stream().filter(Candidate.OpenWork::pov).count();
		if (povs > 0) {
			text.append(", ").append(Texts.count(povs, "POV", "POVs"));
		}
		return text.toString();
	}
}
