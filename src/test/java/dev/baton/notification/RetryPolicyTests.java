package dev.baton.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * The retry policy without Spring: exponential backoff, capped, for a limited number of attempts.
 */
class RetryPolicyTests {

	private final RetryPolicy policy = new RetryPolicy(10, Duration.ofMinutes(1), Duration.ofHours(1));

	@Test
	void doublesTheDelayAfterEachFailedAttempt() {
		assertThat(policy.delayAfter(1)).isEqualTo(Duration.ofMinutes(1));
		assertThat(policy.delayAfter(2)).isEqualTo(Duration.ofMinutes(2));
		assertThat(policy.delayAfter(3)).isEqualTo(Duration.ofMinutes(4));
		assertThat(policy.delayAfter(6)).isEqualTo(Duration.ofMinutes(32));
	}

	@Test
	void capsTheDelayAtTheMaximum() {
		assertThat(policy.delayAfter(7)).isEqualTo(Duration.ofHours(1));
		assertThat(policy.delayAfter(10_000)).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void givesUpAfterTheLastAttempt() {
		assertThat(policy.givesUpAfter(9)).isFalse();
		assertThat(policy.givesUpAfter(10)).isTrue();
	}

	@Test
	void refusesNonsense() {
		assertThatIllegalArgumentException().isThrownBy(() -> policy.delayAfter(0)).withMessageContaining("attempts");
		assertThatIllegalArgumentException()
				.isThrownBy(() -> new RetryPolicy(0, Duration.ofMinutes(1), Duration.ofHours(1)))
				.withMessageContaining("maxAttempts");
	}
}
