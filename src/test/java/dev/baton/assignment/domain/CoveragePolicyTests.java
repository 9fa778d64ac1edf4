package dev.baton.assignment.domain;

import static dev.baton.assignment.domain.Fixtures.absence;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.baton.assignment.AssignmentRule;
import dev.baton.organisation.AbsenceKind;
import dev.baton.platform.Decision;

/**
 * A coverage plan is needed for an absence over two weeks or when the SA holds a customer trial.
 */
class CoveragePolicyTests {

	private final UUID sam = UUID.randomUUID();

	private static Candidate.OpenWork work(boolean pov, boolean assist) {
		return new Candidate.OpenWork(UUID.randomUUID(), pov, false, assist);
	}

	@Test
	void anAbsenceOverTwoWeeksNeedsAPlan() {
		var decision = CoveragePolicy.decide(absence(sam, AbsenceKind.PTO, "2026-12-01", "2026-12-15"), List.of());

		assertThat(decision.refuses(AssignmentRule.COVERAGE_LONG_ABSENCE)).isTrue();
		assertThat(CoveragePolicy.reasons(decision, absence(sam, AbsenceKind.PTO, "2026-12-01", "2026-12-15")))
				.containsExactly("away 15 days (1-15 Dec), over 2 weeks");
	}

	@Test
	void exactlyTwoWeeksDoesNot() {
		assertThat(CoveragePolicy.decide(absence(sam, AbsenceKind.PTO, "2026-12-01", "2026-12-14"), List.of(work(false, false)))
				.isAllowed()).isTrue();
	}

	@Test
	void holdingACustomerTrialNeedsAPlanEvenForAShortAbsence() {
		var decision = CoveragePolicy.decide(absence(sam, AbsenceKind.SICK, "2026-12-01", "2026-12-02"),
				List.of(work(true, false)));

		assertThat(decision.refusals()).extracting(Decision.Refusal::rule)
				.containsExactly(AssignmentRule.COVERAGE_CUSTOMER_TRIAL);
		assertThat(decision.reason()).contains("holds 1 customer trial (POV)");
	}

	@Test
	void whenAsUsualTheReasonSaysSo() {
		var absence = absence(sam, AbsenceKind.PTO, "2026-12-01", "2026-12-02");

		assertThat(CoveragePolicy.reasons(CoveragePolicy.decide(absence, List.of()), absence))
				.containsExactly("away 2 days and no customer trial: the circle covers as usual");
	}

	@Test
	void assistingOnATrialIsNotHoldingIt() {
		assertThat(CoveragePolicy.decide(absence(sam, AbsenceKind.PTO, "2026-12-01", "2026-12-02"), List.of(work(true, true)))
				.isAllowed()).isTrue();
	}
}
