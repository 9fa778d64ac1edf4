package dev.baton.assignment;

import static dev.baton.assignment.Fixtures.absence;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.baton.organisation.AbsenceKind;

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

		assertThat(decision.needed()).isTrue();
		assertThat(decision.reasons()).containsExactly("away 15 days (1-15 Dec), over 2 weeks");
	}

	@Test
	void exactlyTwoWeeksDoesNot() {
		assertThat(CoveragePolicy.decide(absence(sam, AbsenceKind.PTO, "2026-12-01", "2026-12-14"), List.of(work(false, false)))
				.needed()).isFalse();
	}

	@Test
	void holdingACustomerTrialNeedsAPlanEvenForAShortAbsence() {
		var decision = CoveragePolicy.decide(absence(sam, AbsenceKind.SICK, "2026-12-01", "2026-12-02"),
				List.of(work(true, false)));

		assertThat(decision.needed()).isTrue();
		assertThat(decision.reasons()).containsExactly("holds 1 customer trial (POV)");
	}

	@Test
	void assistingOnATrialIsNotHoldingIt() {
		assertThat(CoveragePolicy.decide(absence(sam, AbsenceKind.PTO, "2026-12-01", "2026-12-02"), List.of(work(true, true)))
				.needed()).isFalse();
	}
}
