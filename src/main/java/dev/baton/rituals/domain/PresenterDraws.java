package dev.baton.rituals.domain;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Demo jam draws from one random generator shared by concurrent planners. Generators such as
 * L64X128MixRandom are not thread-safe, so each draw holds the generator alone; a seeded generator
 * still makes the draws repeatable in tests.
 */
public final class PresenterDraws {

	private final RandomGenerator random;

	public PresenterDraws(RandomGenerator random) {
		this.random = java.util.Objects.requireNonNull(random, "random");
	}

	public static PresenterDraws unseeded() {
		return new PresenterDraws(RandomGenerator.of("L64X128MixRandom"));
	}

	public synchronized RitualPolicies.Draw demoJam(List<UUID> members, Collection<UUID> previousPresenters) {
		return RitualPolicies.demoJam(members, previousPresenters, random);
	}
}
