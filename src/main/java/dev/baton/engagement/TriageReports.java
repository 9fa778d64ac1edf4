package dev.baton.engagement;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read access to the triage metrics for other modules: how a circle triaged the requests filed in
 * a period, as the circle page shows it.
 */
@Service
public class TriageReports {

	private final TriageMetrics metrics;

	TriageReports(TriageMetrics metrics) {
		this.metrics = metrics;
	}

	/**
	 * A circle's triage figures over requests filed in a period.
	 *
	 * @param fastTrackShare share of filed requests on the fast track, 0 to 1
	 * @param triageAttainment share of triaged requests assigned or declined by their triage due time, 0 to 1
	 * @param slaAttainment share of engaged requests started by their SLA due time, 0 to 1
	 * @param medianTimeToTriage wall-clock time from receipt to assignment, median; null when none was triaged
	 */
	public record Figures(Instant from, Instant to, long filed, long fastTrack, double fastTrackShare, long triaged,
			double triageAttainment, long engaged, double slaAttainment, Duration medianTimeToTriage, long open) {
	}

	@Transactional(readOnly = true)
	public Figures forCircle(UUID circleId, Instant from, Instant to) {
		var report = metrics.report(null, circleId, from, to);
		return new Figures(report.from(), report.to(), report.filed(), report.fastTrack(), report.fastTrackShare(),
				report.triaged(), report.triageAttainment(), report.engaged(), report.slaAttainment(),
				report.medianTimeToTriage(), report.open());
	}
}
