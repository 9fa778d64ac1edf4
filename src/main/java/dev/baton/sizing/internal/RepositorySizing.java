package dev.baton.sizing.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.baton.sizing.ProspectMetrics.MonorepoUse;
import dev.baton.sizing.ProspectMetrics.Repositories;
import dev.baton.sizing.Recommendation.Adjustment;
import dev.baton.sizing.Recommendation.Reason;
import dev.baton.sizing.internal.ReferenceData.MonorepoBand;
import dev.baton.sizing.internal.ReferenceData.RepositoryRules;

/**
 * Scales Gitaly and Rails for large repositories by the documented multipliers, and suggests a
 * Gitaly node of its own for a large monorepo.
 */
final class RepositorySizing implements SizingRule {

	static final String NAME = "Large repositories and monorepos";

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Optional<Decision> apply(Worksheet sheet) {
		Repositories repositories = sheet.metrics.repositories();
		RepositoryRules rules = sheet.rules.repositories();
		BigDecimal largest = repositories.largestRepositoryGb();
		var reasons = new ArrayList<Reason>();
		if (largest == null) {
			boolean monoreposReported = repositories.monorepoUse() != MonorepoUse.NONE
					|| (repositories.monorepoCount() != null && repositories.monorepoCount() > 0);
			if (!monoreposReported) {
				return Optional.empty();
			}
			Reason unknown = Words.because("Monorepos were reported without the largest repository's size; the "
					+ "adjustments depend on it (over " + Words.number(rules.scaleGitalyAboveGb()) + " GB, over "
					+ Words.number(rules.largeMonorepo().aboveGb()) + " GB, from "
					+ Words.number(rules.separateGitalyFromGb()) + " GB)", rules.mediumMonorepo().rule());
			sheet.warnings.add(unknown);
			reasons.add(unknown);
			return Optional.of(new Decision("no adjustment: repository size unknown", reasons));
		}
		if (largest.compareTo(rules.scaleGitalyAboveGb()) <= 0) {
			return Optional.empty();
		}
		String size = "The largest repository is " + Words.number(largest) + " GB";
		MonorepoBand large = rules.largeMonorepo();
		MonorepoBand medium = rules.mediumMonorepo();
		if (largest.compareTo(large.aboveGb()) > 0) {
			Reason why = Words.because(size + ", over " + Words.number(large.aboveGb()) + " GB: a large monorepo. "
					+ large.rule().text(), large.rule());
			adjust(sheet, large, why);
			sheet.dedicatedMonorepoShard = true;
			reasons.add(why);
			reasons.add(Words.cited(rules.impact()));
			if (largest.compareTo(rules.separateGitalyFromGb()) >= 0) {
				Reason separate = Words.cited(rules.separateGitaly());
				sheet.adjustments.add(new Adjustment("Gitaly for the monorepo",
						"a separate Gitaly backend for the monorepo, or further increased specs", separate));
				reasons.add(separate);
			}
			reasons.add(Words.cited(rules.cost()));
			reasons.add(Words.cited(sheet.rules.startLarge().decisionTree()));
			return Optional.of(new Decision("large monorepo: Gitaly " + Words.factors(large.gitaly()) + ", Rails "
					+ Words.factors(large.rails()) + ", monorepo on a Gitaly node of its own", reasons));
		}
		Integer count = sheet.metrics.repositories().monorepoCount();
		if (count != null && count >= medium.minCount()) {
			Reason why = Words.because(size + " and " + count + " repositories are over "
					+ Words.number(medium.fromGb()) + " GB: several medium monorepos. " + medium.rule().text(),
					medium.rule());
			adjust(sheet, medium, why);
			reasons.add(why);
			reasons.add(Words.because(medium.interpretation(), List.of()));
			reasons.add(Words.cited(rules.impact()));
			return Optional.of(new Decision("several medium monorepos: Gitaly " + Words.factors(medium.gitaly())
					+ ", Rails " + Words.factors(medium.rails()), reasons));
		}
		Reason why = Words.because(size + ", over " + Words.number(rules.scaleGitalyAboveGb()) + " GB. "
				+ rules.scaleGitaly().text() + " The " + Words.factors(medium.gitaly())
				+ " for several medium monorepos is the upper guide for a single one", rules.scaleGitaly(), medium.rule());
		sheet.adjustments.add(new Adjustment("Gitaly", "scale up; up to " + Words.factors(medium.gitaly())
				+ " specifications for several such repositories", why));
		reasons.add(why);
		reasons.add(Words.cited(rules.impact()));
		return Optional.of(new Decision("repository over " + Words.number(rules.scaleGitalyAboveGb())
				+ " GB: scale Gitaly", reasons));
	}

	private static void adjust(Worksheet sheet, MonorepoBand band, Reason why) {
		sheet.adjustments.add(ComponentScaling.scale(sheet, "gitaly", band.gitaly(), why));
		sheet.adjustments.add(ComponentScaling.scale(sheet, "rails", band.rails(), why));
	}
}
