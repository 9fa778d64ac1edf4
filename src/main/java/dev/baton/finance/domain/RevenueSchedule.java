package dev.baton.finance.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

import dev.baton.platform.Money;

/**
 * When revenue is recognized: each invoice line, and each credit note's or void's share of a line,
 * spread over months. Pure, and exact to the cent: the revenue recognized up to a day is the
 * amount times the share of the line's days that passed, rounded once (half-even), and a month gets
 * the difference between its end and its start, so the months always add up to the amount.
 * <ul>
 * <li>{@link Recognition#RATABLE} (subscriptions, billed in advance, and one-time charges for days of
 * service, such as a seat reconciliation's): ratably per day over the
 * line's service days; the days before the document's date (an invoice finalized late, a credit
 * note on days already served) are recognized on that date, so a closed month never changes.</li>
 * <li>{@link Recognition#CONSUMED} (usage, billed in arrears): on the days it was consumed, its
 * service days, whenever it is invoiced; until then it is unbilled revenue.</li>
 * <li>{@link Recognition#POINT_IN_TIME} (packs): at once, on the later of the document's
 * date and the first service day.</li>
 * </ul>
 */
public final class RevenueSchedule {

	private RevenueSchedule() {
	}

	/** How a line's revenue is recognized. */
	public enum Recognition {
		RATABLE, CONSUMED, POINT_IN_TIME;

		/** The recognition of an invoice line by its charge type: plans and add-ons ratably, usage when consumed. */
		public static Recognition of(String chargeType) {
			return switch (chargeType) {
				case "PLAN", "ADD_ON", "ONE_TIME" -> RATABLE;
				case "USAGE" -> CONSUMED;
				default -> POINT_IN_TIME;
			};
		}
	}

	/**
	 * The revenue of {@code amount} for the service days {@code from} up to, not including,
	 * {@code to}, on a document dated {@code documentDate}, per month; months with nothing are left out.
	 */
	public static SortedMap<YearMonth, BigDecimal> monthly(BigDecimal amount, Currency currency, LocalDate from,
			LocalDate to, LocalDate documentDate, Recognition recognition) {
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(documentDate, "documentDate");
		if (!to.isAfter(from)) {
			throw new IllegalArgumentException("A line's days end after they start, not " + from + ".." + to);
		}
		var months = new TreeMap<YearMonth, BigDecimal>();
		if (recognition == Recognition.POINT_IN_TIME) {
			var day = documentDate.isAfter(from) ? documentDate : from;
			months.put(YearMonth.from(day), new Money(amount, currency).amount());
			return months;
		}
		var first = YearMonth.from(from.isBefore(documentDate) ? from : documentDate);
		var lastDay = to.minusDays(1);
		var last = YearMonth.from(lastDay.isAfter(documentDate) ? lastDay : documentDate);
		var days = ChronoUnit.DAYS.between(from, to);
		for (var month = first; !month.isAfter(last); month = month.plusMonths(1)) {
			var share = recognized(amount, currency, from, days, documentDate, recognition, month.plusMonths(1).atDay(1))
					.subtract(recognized(amount, currency, from, days, documentDate, recognition, month.atDay(1)));
			if (share.signum() != 0) {
				months.put(month, share);
			}
		}
		return months;
	}

	/** What is recognized before the day {@code boundary}. */
	private static BigDecimal recognized(BigDecimal amount, Currency currency, LocalDate from, long days,
			LocalDate documentDate, Recognition recognition, LocalDate boundary) {
		if (recognition == Recognition.RATABLE && !boundary.isAfter(documentDate)) {
			return BigDecimal.ZERO;
		}
		var passed = Math.max(0, Math.min(days, ChronoUnit.DAYS.between(from, boundary)));
		return new Money(amount.multiply(BigDecimal.valueOf(passed)).divide(BigDecimal.valueOf(days),
				MathContext.DECIMAL128), currency).amount();
	}

	/**
	 * Splits {@code amount} over parts in proportion to {@code weights} (a credit note over the lines
	 * it credits), exact to the cent: each part is the rounded running share less the one before, so
	 * the parts add up to the amount.
	 */
	public static List<BigDecimal> allocate(BigDecimal amount, Currency currency, List<BigDecimal> weights) {
		var total = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		var parts = new ArrayList<BigDecimal>();
		if (total.signum() == 0) {
			weights.forEach(w -> parts.add(BigDecimal.ZERO));
			if (!parts.isEmpty()) {
				parts.set(parts.size() - 1, new Money(amount, currency).amount());
			}
			return parts;
		}
		var running = BigDecimal.ZERO;
		var previous = BigDecimal.ZERO.setScale(currency.getDefaultFractionDigits());
		for (var weight : weights) {
			running = running.add(weight);
			var upTo = new Money(amount.multiply(running).divide(total, MathContext.DECIMAL128), currency).amount();
			parts.add(upTo.subtract(previous));
			previous = upTo;
		}
		return parts;
	}
}
