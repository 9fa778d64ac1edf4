package dev.baton.finance.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import dev.baton.platform.Money;

/**
 * Annual recurring revenue from a subscription's timeline: which version holds on which days with
 * which annual charges (for ARR on a day), and what each order action added or took away (for
 * bookings). Pure: the caller reads the timeline and the prices.
 * <p>
 * A version holds from the day it took effect until a later version takes effect, and never past
 * the day it stops being in force (its term's end, or the day it is cancelled), the same rule the
 * billing engine follows. A charge's annual amount is its list amount for the quantity, less the
 * agreed discount, times the periods in a year, rounded once to the cent.
 */
public final class ArrTimeline {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
	private static final BigDecimal TWELVE = BigDecimal.valueOf(12);

	private ArrTimeline() {
	}

	/** One recurring charge of a version with its annual amount. */
	public record Charge(String code, String productCode, BigDecimal annual) {

		public Charge {
			Objects.requireNonNull(code, "code");
			Objects.requireNonNull(productCode, "productCode");
			Objects.requireNonNull(annual, "annual");
		}
	}

	/**
	 * One version of a subscription as ARR sees it.
	 *
	 * @param channel the channel of the order that made this version
	 * @param bookedOn the day that order was placed
	 * @param cancelsOn the day the subscription ends because it was cancelled (now or at term end), or null
	 */
	public record Version(int version, LocalDate effectiveOn, UUID orderId, String orderNumber, String channel,
			LocalDate bookedOn, String action, String status, LocalDate termEnd, LocalDate cancelsOn, boolean autoRenew,
			List<Charge> charges) {

		public Version {
			Objects.requireNonNull(effectiveOn, "effectiveOn");
			Objects.requireNonNull(termEnd, "termEnd");
			charges = List.copyOf(charges);
		}

		/** The day it stops being in force: the term's end, or the day of a cancellation before it. */
		public LocalDate endsOn() {
			if (cancelsOn != null && ("CANCELLED".equals(status) || cancelsOn.isBefore(termEnd))) {
				return cancelsOn;
			}
			return termEnd;
		}

		/** Whether the contract goes on past this version: neither cancelled nor cancelling at term end. */
		public boolean continues() {
			return !"CANCELLED".equals(status) && cancelsOn == null;
		}

		/** Whether the term renews when it ends. */
		public boolean renews() {
			return continues() && autoRenew;
		}

		BigDecimal arr() {
			return continues() ? charges.stream().map(Charge::annual).reduce(BigDecimal.ZERO, BigDecimal::add)
					: BigDecimal.ZERO;
		}

		BigDecimal arr(String code) {
			return continues() ? charges.stream().filter(c -> c.code().equals(code)).map(Charge::annual)
					.reduce(BigDecimal.ZERO, BigDecimal::add) : BigDecimal.ZERO;
		}
	}

	/** A charge of a version and the days it counts in ARR, {@code from} up to, not including, {@code to}. */
	public record Held(Version version, Charge charge, LocalDate from, LocalDate to) {
	}

	/** What an order action did to ARR. */
	public enum Kind {
		/** A new subscription. */
		NEW,
		/** More ARR: seats, an upgrade, an add-on. */
		EXPANSION,
		/** Less ARR without ending: fewer seats, a downgrade. */
		CONTRACTION,
		/** Cancelled, now or at term end. */
		CHURN,
		/** Renewed for another term; the change is the renewal's price change. */
		RENEWAL
	}

	/**
	 * What one order action booked on one charge: the charge's ARR before and after it, the change,
	 * and for a renewal the ARR renewed.
	 */
	public record Booking(Version version, String chargeCode, String productCode, Kind kind, BigDecimal before,
			BigDecimal after, BigDecimal delta, BigDecimal renewed) {
	}

	/**
	 * The annual amount of a charge: {@code periodAmount} is the list amount of its quantity for the
	 * months its price is for ({@code priceMonths}, 1 or 12), less {@code discountPercent}.
	 */
	public static BigDecimal annual(BigDecimal periodAmount, BigDecimal discountPercent, int priceMonths,
			Currency currency) {
		if (priceMonths < 1) {
			throw new IllegalArgumentException("A recurring price is for one month or more, not " + priceMonths);
		}
		var discount = discountPercent == null ? BigDecimal.ZERO : discountPercent;
		var exact = periodAmount.multiply(HUNDRED.subtract(discount)).multiply(TWELVE)
				.divide(HUNDRED.multiply(BigDecimal.valueOf(priceMonths)), MathContext.DECIMAL128);
		return new Money(exact, currency).amount();
	}

	/** Every charge of every version with the days it holds, oldest version first; versions that never hold have none. */
	public static List<Held> held(List<Version> timeline) {
		var versions = sorted(timeline);
		var held = new ArrayList<Held>();
		for (int i = 0; i < versions.size(); i++) {
			var version = versions.get(i);
			var to = version.endsOn();
			for (int j = i + 1; j < versions.size(); j++) {
				if (versions.get(j).effectiveOn().isBefore(to)) {
					to = versions.get(j).effectiveOn();
				}
			}
			if (!to.isAfter(version.effectiveOn())) {
				continue;
			}
			for (var charge : version.charges()) {
				held.add(new Held(version, charge, version.effectiveOn(), to));
			}
		}
		return held;
	}

	/**
	 * What each version's order booked, charge by charge: the first version's charges are new, a
	 * cancellation takes the ARR away (churn), a renewal renews it (its change is the price change),
	 * any other action expands or contracts by the difference. Charges that did not change in an
	 * action other than a renewal book nothing.
	 */
	public static List<Booking> bookings(List<Version> timeline) {
		var versions = sorted(timeline);
		var bookings = new ArrayList<Booking>();
		Version previous = null;
		for (var version : versions) {
			var codes = new LinkedHashSet<String>();
			Map<String, String> products = new LinkedHashMap<>();
			for (var source : previous == null ? List.of(version) : List.of(previous, version)) {
				for (var charge : source.charges()) {
					codes.add(charge.code());
					products.put(charge.code(), charge.productCode());
				}
			}
			for (var code : codes) {
				var before = previous == null ? BigDecimal.ZERO : previous.arr(code);
				var after = version.arr(code);
				var delta = after.subtract(before);
				var renewal = "RENEW".equals(version.action());
				var kind = previous == null ? Kind.NEW
						: renewal ? Kind.RENEWAL
								: !version.continues() && previous.continues() ? Kind.CHURN
										: delta.signum() >= 0 ? Kind.EXPANSION : Kind.CONTRACTION;
				var renewed = renewal ? after : BigDecimal.ZERO;
				if (delta.signum() != 0 || renewed.signum() != 0) {
					bookings.add(new Booking(version, code, products.get(code), kind, before, after, delta, renewed));
				}
			}
			previous = version;
		}
		return bookings;
	}

	private static List<Version> sorted(List<Version> timeline) {
		return timeline.stream().sorted(java.util.Comparator.comparingInt(Version::version)).toList();
	}
}
