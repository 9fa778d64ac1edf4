package dev.baton.quoting.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.baton.quoting.QuoteRule;

class QuotePolicyTests {

	private final QuotePolicy policy = new QuotePolicy(new BigDecimal("10"), new BigDecimal("25"), new BigDecimal("60"));

	@Test
	void aDiscountNeedsDealDeskAboveTenPercentAndFinanceTooAboveTwentyFive() {
		assertThat(policy.approvalsNeeded(new BigDecimal("10"))).isEmpty();
		assertThat(policy.approvalsNeeded(new BigDecimal("10.01"))).containsExactly(QuotePolicy.DEAL_DESK);
		assertThat(policy.approvalsNeeded(new BigDecimal("25"))).containsExactly(QuotePolicy.DEAL_DESK);
		assertThat(policy.approvalsNeeded(new BigDecimal("25.5"))).containsExactly(QuotePolicy.DEAL_DESK, QuotePolicy.FINANCE);
	}

	@Test
	void refusesDiscountsBelowZeroOrAboveTheMaximum() {
		assertThat(policy.discounts(List.of(new BigDecimal("60"))).isAllowed()).isTrue();
		assertThat(policy.discounts(List.of(BigDecimal.ZERO, new BigDecimal("60.5"))).refuses(QuoteRule.MAXIMUM_DISCOUNT))
				.isTrue();
		assertThat(policy.discounts(List.of(new BigDecimal("-1"))).refuses(QuoteRule.MAXIMUM_DISCOUNT)).isTrue();
	}

	@Test
	void thresholdsMustRise() {
		assertThatThrownBy(() -> new QuotePolicy(new BigDecimal("30"), new BigDecimal("25"), new BigDecimal("60")))
				.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must rise");
	}
}
