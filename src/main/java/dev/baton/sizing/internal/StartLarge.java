package dev.baton.sizing.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.baton.sizing.ProspectMetrics.Automation;
import dev.baton.sizing.Recommendation.Reason;
import dev.baton.sizing.Recommendation.SizingBasis;
import dev.baton.sizing.internal.ReferenceData.AdditionalWorkloads;
import dev.baton.sizing.internal.ReferenceData.Architecture;

/**
 * Starts large when in doubt: heavy automation or substantial additional workloads add a size to
 * a user-count sizing, as in the docs' example of 3,000 users starting at 5k.
 */
final class StartLarge implements SizingRule {

	static final String NAME = "If in doubt, start large";

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Optional<Decision> apply(Worksheet sheet) {
		List<Reason> triggers = triggers(sheet);
		if (triggers.isEmpty()) {
			return Optional.empty();
		}
		ReferenceData.StartLarge startLarge = sheet.rules.startLarge();
		var reasons = new ArrayList<Reason>(triggers);
		reasons.add(Words.cited(startLarge.decisionTree()));
		if (sheet.metrics.automation().additionalWorkloads() || manyCiJobsOnLargeRepositories(sheet)) {
			reasons.add(Words.cited(sheet.rules.additionalWorkloads().remedy()));
		}
		if (sheet.basis != SizingBasis.USER_COUNT) {
			reasons.add(Words.because("The size came from measured rates, which already carry this load, so it stays "
					+ sheet.loadSize.id() + "; " + startLarge.interpretation(), startLarge.totalLoad()));
			return Optional.of(new Decision("no extra size: the measured rates include this load", reasons));
		}
		Architecture from = sheet.loadSize;
		Architecture to = sheet.data.larger(from, startLarge.stepsUp());
		if (to == from) {
			sheet.warnings.add(Words.because(from.id() + " is already the largest documented architecture, so it cannot "
					+ "start larger; contact GitLab", startLarge.decisionTree()));
			return Optional.of(new Decision("already at " + from.id(), reasons));
		}
		sheet.loadSize = to;
		reasons.add(Words.because("Sized by user count, so start one size larger: " + to.id() + " instead of " + from.id()
				+ ", then monitor and scale down", startLarge.rule()));
		reasons.add(Words.cited(startLarge.example()));
		return Optional.of(new Decision("start at " + to.id() + " instead of " + from.id(), reasons));
	}

	private static List<Reason> triggers(Worksheet sheet) {
		var triggers = new ArrayList<Reason>();
		Automation automation = sheet.metrics.automation();
		ReferenceData.HeavyAutomation heavy = sheet.rules.heavyAutomation();
		BigDecimal share = automation.offHoursShareOfPeak();
		if (share != null && share.compareTo(heavy.offHoursShareOfPeakAbove()) > 0) {
			triggers.add(Words.because("Off-hours load is " + Words.percent(share.movePointRight(2)) + " of the peak, above "
					+ Words.percent(heavy.offHoursShareOfPeakAbove().movePointRight(2)) + ": heavy automation",
					heavy.rule()));
		}
		AdditionalWorkloads additional = sheet.rules.additionalWorkloads();
		if (automation.additionalWorkloads()) {
			triggers.add(Words.because("Substantial additional workloads were reported", additional.rule()));
		}
		if (manyCiJobsOnLargeRepositories(sheet)) {
			triggers.add(Words.because(automation.concurrentCiJobs() + " concurrent CI jobs with repositories up to "
					+ Words.number(sheet.metrics.repositories().largestRepositoryGb()) + " GB count as hundreds of "
					+ "concurrent CI jobs on large repositories (" + additional.interpretation() + ")", additional.rule()));
		}
		return triggers;
	}

	private static boolean manyCiJobsOnLargeRepositories(Worksheet sheet) {
		Integer jobs = sheet.metrics.automation().concurrentCiJobs();
		BigDecimal largest = sheet.metrics.repositories().largestRepositoryGb();
		AdditionalWorkloads additional = sheet.rules.additionalWorkloads();
		return jobs != null && jobs >= additional.concurrentCiJobsFrom() && largest != null
				&& largest.compareTo(additional.largeRepositoryAboveGb()) > 0;
	}
}
