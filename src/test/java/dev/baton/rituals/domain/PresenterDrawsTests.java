package dev.baton.rituals.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;

class PresenterDrawsTests {

	/** A generator that notices when two threads use it at once, as a shared unsafe generator would be. */
	static final class WatchfulRandom implements RandomGenerator {

		final AtomicInteger inside = new AtomicInteger();
		final AtomicBoolean overlapped = new AtomicBoolean();
		private long state = 42;

		@Override
		public long nextLong() {
			if (inside.incrementAndGet() > 1) {
				overlapped.set(true);
			}
			try {
				Thread.sleep(2);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			state = state * 6364136223846793005L + 1442695040888963407L;
			inside.decrementAndGet();
			return state;
		}
	}

	@Test
	void concurrentPlannersNeverUseTheGeneratorAtTheSameTime() throws Exception {
		var random = new WatchfulRandom();
		var draws = new PresenterDraws(random);
		var members = new ArrayList<UUID>();
		for (int i = 0; i < 6; i++) {
			members.add(UUID.randomUUID());
		}
		var pool = Executors.newFixedThreadPool(4);
		var start = new CountDownLatch(1);
		try {
			for (int t = 0; t < 4; t++) {
				pool.submit(() -> {
					start.await();
					for (int i = 0; i < 10; i++) {
						assertThat(draws.demoJam(members, List.of()).presenters()).hasSize(2).doesNotHaveDuplicates();
					}
					return null;
				});
			}
			start.countDown();
			pool.shutdown();
			assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
		} finally {
			pool.shutdownNow();
		}
		assertThat(random.overlapped).as("two draws used the generator at once").isFalse();
	}

	@Test
	void aSeededGeneratorGivesRepeatableDraws() {
		var members = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
		var first = new PresenterDraws(new java.util.Random(7)).demoJam(members, List.of());
		var second = new PresenterDraws(new java.util.Random(7)).demoJam(members, List.of());
		assertThat(first.presenters()).isEqualTo(second.presenters());
	}
}
