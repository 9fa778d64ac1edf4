package dev.baton.platform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount in a currency, always held at the currency's minor unit with one rounding policy
 * (half-even), so the same money is always the same value.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

	public static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;

	public Money {
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(currency, "currency");
		amount = amount.setScale(Math.max(currency.getDefaultFractionDigits(), 0), ROUNDING);
	}

	public static Money of(String amount, String currency) {
		return new Money(new BigDecimal(amount), Currency.getInstance(currency));
	}

	public static Money of(BigDecimal amount, String currency) {
		return new Money(amount, Currency.getInstance(currency));
	}

	/** The sum of two amounts in the same currency. */
	public Money plus(Money other) {
		return new Money(amount.add(sameCurrency(other).amount), currency);
	}

	/** This amount less another in the same currency. */
	public Money minus(Money other) {
		return new Money(amount.subtract(sameCurrency(other).amount), currency);
	}

	private Money sameCurrency(Money other) {
		if (!currency.equals(other.currency)) {
			throw new IllegalArgumentException("Cannot add " + other.currency + " to " + currency);
		}
		return other;
	}

	public boolean isGreaterThan(Money other) {
		return compareTo(other) > 0;
	}

	@Override
	public int compareTo(Money other) {
		if (!currency.equals(other.currency)) {
			throw new IllegalArgumentException("Cannot compare " + currency + " with " + other.currency);
		}
		return amount.compareTo(other.amount);
	}

	/** For people: {@code USD 85,000.00}. */
	public String formatted() {
		var format = java.text.NumberFormat.getNumberInstance(java.util.Locale.US);
		format.setMinimumFractionDigits(amount.scale());
		format.setMaximumFractionDigits(amount.scale());
		return currency.getCurrencyCode() + " " + format.format(amount);
	}

	@Override
	public String toString() {
		return currency.getCurrencyCode() + " " + amount.toPlainString();
	}
}
