package dev.baton.billing.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

import dev.baton.platform.Money;

/**
 * An invoice line the engine computed: a charge or a credit for a charge's days within one billing
 * period, naming where it comes from (the subscription version and its order, the price book
 * version, the quantity) and its arithmetic in words.
 *
 * @param from the first day charged or credited
 * @param to the day after the last (exclusive)
 * @param sourceVersion the subscription version that holds on {@code from}: the one that made this line due
 */
public record Line(Kind kind, Charge charge, Period period, LocalDate from, LocalDate to, int sourceVersion,
		String orderNumber, Money amount, String explanation) {

	/** A line adds to what is owed, or takes away. */
	public enum Kind {
		CHARGE, CREDIT;

		int sign() {
			return this == CHARGE ? 1 : -1;
		}
	}

	public Line {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(charge, "charge");
		Objects.requireNonNull(period, "period");
		if (!to.isAfter(from) || from.isBefore(period.start()) || to.isAfter(period.end())) {
			throw new IllegalArgumentException("A line's days " + from + " to " + to + " lie within " + period);
		}
	}

	public long days() {
		return ChronoUnit.DAYS.between(from, to);
	}

	/**
	 * The line's identity for the database's unique key on (subscription, charge, days): the kind,
	 * the rate and the version that made it. The same computation twice yields the same key, so
	 * it cannot be written twice.
	 */
	public String chargeKey() {
		return kind + "|" + charge.rateKey() + "|v" + sourceVersion;
	}

	/** What the engine needs of a line already invoiced. */
	public Invoiced invoiced() {
		return new Invoiced(kind, charge.rateKey(), from, to);
	}

	/** A line already invoiced, as the diff sees it: which rate it charged or credited, for which days. */
	public record Invoiced(Kind kind, String rateKey, LocalDate from, LocalDate to) {
	}
}
