package dev.baton.sizing.internal;

import java.util.ArrayList;
import java.util.Optional;

import dev.baton.sizing.Recommendation.Reason;
import dev.baton.sizing.Recommendation.SizingBasis;
import dev.baton.sizing.internal.ReferenceData.Architecture;

/**
 * Sizes by user count when no request rate is known; otherwise only checks the count against the
 * size the rates chose, because the docs make RPS the primary metric.
 */
final class UserCountSizing implements SizingRule {

	static final String NAME = "Size by user count";

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Optional<Decision> apply(Worksheet sheet) {
		int users = sheet.metrics.users();
		if (users == 0) {
			return Optional.empty();
		}
		Architecture byUsers = sheet.fitUsers(users);
		var reasons = new ArrayList<Reason>();
		if (sheet.loadSize == null) {
			sheet.loadSize = byUsers;
			sheet.basis = SizingBasis.USER_COUNT;
			reasons.add(Words.cited(sheet.rules.primaryMetric().userCounts()));
			reasons.add(sheet.architectureReason(placement(sheet, users, byUsers)));
			return Optional.of(new Decision(byUsers.id() + " by user count", reasons));
		}
		if (byUsers == sheet.loadSize) {
			reasons.add(sheet.architectureReason(Words.users(users) + " users also point to " + byUsers.id()));
			return Optional.of(new Decision("agrees with " + byUsers.id(), reasons));
		}
		reasons.add(Words.because("RPS is the primary metric, so the measured rates decide (" + sheet.loadSize.id()
				+ "); " + Words.users(users) + " users alone would suggest " + byUsers.id(),
				sheet.rules.primaryMetric().rpsFirst()));
		if (sheet.data.rank(byUsers) > sheet.data.rank(sheet.loadSize)) {
			sheet.warnings.add(Words.because(Words.users(users) + " users suggest " + byUsers.id()
					+ " but the measured rates need only " + sheet.loadSize.id() + ": check that the measurement covers "
					+ "7 to 14 days including the busiest periods", sheet.data.prometheus().sources()));
		}
		return Optional.of(new Decision("rates decide; users alone suggest " + byUsers.id(), reasons));
	}

	private static String placement(Worksheet sheet, int users, Architecture fit) {
		String count = Words.users(users) + " users";
		if (users > sheet.data.largest().users()) {
			return count + " exceed the " + fit.id() + "'s " + Words.users(fit.users()) + ", the largest documented";
		}
		Architecture smaller = sheet.previous(fit);
		if (smaller == null) {
			return count + " fit the " + fit.id() + " (" + Words.users(fit.users()) + " users)";
		}
		return count + " exceed the " + smaller.id() + "'s " + Words.users(smaller.users()) + "; " + fit.id() + " ("
				+ Words.users(fit.users()) + " users) fits";
	}
}
