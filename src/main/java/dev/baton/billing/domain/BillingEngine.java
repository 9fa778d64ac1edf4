package dev.baton.billing.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.baton.catalog.ChargeModel;
import dev.baton.platform.Money;

/**
 * The billing engine: a pure function from a contract timeline, a billing period and the lines
 * already invoiced for it to the lines still to invoice. No clock, no database: the same inputs
 * always give the same lines.
 * <p>
 * It works by days. For every day of the period it finds the version that holds and the charges
 * in force (each with its rate: plan, quantity, price book version, discount); it then compares,
 * rate by rate and day by day, what should be charged with what the lines already invoiced cover
 * (a charge +1, a credit -1), and turns each run of days that differ into one line: a charge for
 * days not yet paid for, a credit for days paid for that are no longer in force. Recurring charges
 * are billed in advance: a period is charged whole on what the contract says when it is computed,
 * and a change later in the period (more seats, an upgrade, a cancellation now) yields a credit of
 * the unused days of the old rate and a charge of the new one for the rest. Running it again on
 * the same inputs yields nothing, and because it diffs days, not amounts, rounding never leaves a
 * cent to bill.
 * <p>
 * Each line's amount is the charge's price for the period (the list price for its quantity under
 * the charge model, times period months / price months, less the discount) times days / days in
 * the period, rounded half-even to the cent once.
 */
public final class BillingEngine {

	private BillingEngine() {
	}

	/** Every line the period would carry if nothing had been invoiced yet: a preview, an explanation. */
	public static List<Line> expected(Contract contract, Period period) {
		return diff(contract, period, List.of());
	}

	/** What to invoice for a period: what the contract says minus what was invoiced already. */
	public static List<Line> diff(Contract contract, Period period, List<Line.Invoiced> invoiced) {
		var days = (int) period.days();
		var first = period.start().toEpochDay();
		// rate key -> per day: +1 when the rate is in force that day
		var due = new LinkedHashMap<String, int[]>();
		var charges = new LinkedHashMap<String, Charge>();
		// by epoch day, not LocalDate: a year of days for each of many contracts is the run's hot loop
		var versions = contract.versions();
		var billedFrom = new long[versions.size()];
		var until = new long[versions.size()];
		// each version's rows of the due table, resolved once: the days then only index arrays
		var rows = new int[versions.size()][][];
		for (int v = 0; v < versions.size(); v++) {
			var version = versions.get(v);
			billedFrom[v] = contract.billedFrom(version).toEpochDay();
			until[v] = version.endsOn() == null ? Long.MAX_VALUE : version.endsOn().toEpochDay();
		}
		for (int d = 0; d < days; d++) {
			var day = first + d;
			// the version that holds: the latest made that is billed from this day or before
			int holding = -1;
			for (int v = 0; v < billedFrom.length; v++) {
				if (billedFrom[v] <= day) {
					holding = v;
				}
			}
			if (holding < 0 || day >= until[holding]) {
				continue;
			}
			if (rows[holding] == null) {
				var version = versions.get(holding);
				rows[holding] = new int[version.charges().size()][];
				for (int c = 0; c < rows[holding].length; c++) {
					var charge = version.charges().get(c);
					var key = charge.rateKey();
					charges.putIfAbsent(key, charge);
					rows[holding][c] = due.computeIfAbsent(key, k -> new int[days]);
				}
			}
			for (var row : rows[holding]) {
				row[d] = 1;
			}
		}
		for (var line : invoiced) {
			var start = (int) (Math.max(line.from().toEpochDay(), first) - first);
			var end = (int) (Math.min(line.to().toEpochDay(), first + days) - first);
			if (start < end) {
				var row = due.computeIfAbsent(line.rateKey(), k -> new int[days]);
				for (int d = start; d < end; d++) {
					row[d] -= line.kind().sign();
				}
			}
		}
		var lines = new ArrayList<Line>();
		for (Map.Entry<String, int[]> rate : due.entrySet()) {
			var delta = rate.getValue();
			int d = 0;
			while (d < days) {
				if (delta[d] == 0) {
					d++;
					continue;
				}
				if (Math.abs(delta[d]) > 1) {
					throw new IllegalStateException("Rate " + rate.getKey() + " is invoiced " + (1 - delta[d])
							+ " times on " + period.start().plusDays(d) + "; the invoiced lines overlap");
				}
				int from = d;
				while (d < days && delta[d] == delta[from]) {
					d++;
				}
				var charge = charges.containsKey(rate.getKey()) ? charges.get(rate.getKey())
						: chargeOf(contract, rate.getKey());
				lines.add(line(contract, period, charge, delta[from] > 0 ? Line.Kind.CHARGE : Line.Kind.CREDIT,
						period.start().plusDays(from), period.start().plusDays(d)));
			}
		}
		return lines;
	}

	/** The charges of a contract in a period, with their days: the total a period would carry. */
	public static Money total(String currency, List<Line> lines) {
		var total = BigDecimal.ZERO;
		for (var line : lines) {
			total = total.add(line.amount().amount());
		}
		return Money.of(total, currency);
	}

	/**
	 * The tax on a line at a rate: the line's amount times the rate, rounded half-even to the cent
	 * once (a credit's tax is negative); zero without a rate.
	 */
	public static Money tax(Line line, TaxRate rate) {
		return tax(line.amount(), rate);
	}

	/** The tax on an amount at a rate, as for a line: usage and pack lines are taxed the same way. */
	public static Money tax(Money amount, TaxRate rate) {
		if (rate == null || rate.percent().signum() == 0) {
			return new Money(BigDecimal.ZERO, amount.currency());
		}
		var scale = Math.max(amount.currency().getDefaultFractionDigits(), 0);
		return new Money(amount.amount().multiply(rate.percent()).divide(BigDecimal.valueOf(100), scale, Money.ROUNDING),
				amount.currency());
	}

	/** The tax in words: VAT 19% (DE) on EUR 1,740.00 = EUR 330.60. */
	public static String taxWords(Line line, TaxRate rate) {
		if (rate == null) {
			return null;
		}
		return taxWords(line.amount(), rate);
	}

	/** The tax on an amount in words. */
	public static String taxWords(Money amount, TaxRate rate) {
		if (rate == null) {
			return null;
		}
		return rate.label() + " on " + amount.formatted() + " = " + tax(amount, rate).formatted();
	}

	private static Charge chargeOf(Contract contract, String rateKey) {
		for (var version : contract.versions()) {
			for (var charge : version.charges()) {
				if (charge.rateKey().equals(rateKey)) {
					return charge;
				}
			}
		}
		throw new IllegalStateException("An invoiced line's rate " + rateKey + " is in no version of subscription "
				+ contract.subscriptionNumber());
	}

	private static Line line(Contract contract, Period period, Charge charge, Line.Kind kind, LocalDate from,
			LocalDate to) {
		var source = contract.versionOn(from).orElseThrow();
		var days = java.time.temporal.ChronoUnit.DAYS.between(from, to);
		var periodDays = period.days();
		var listAmount = charge.price().exactAmountFor(charge.quantity());
		var net = listAmount.multiply(BigDecimal.valueOf(100).subtract(charge.discountPercent()));
		// one division, so one rounding: list x (100 - discount) x period months x days
		// over 100 x price months x days in the period
		var numerator = net.multiply(BigDecimal.valueOf(contract.periodMonths())).multiply(BigDecimal.valueOf(days));
		var denominator = BigDecimal.valueOf(100L * charge.priceMonths() * periodDays);
		var scale = Math.max(charge.price().currency().getDefaultFractionDigits(), 0);
		var amount = numerator.divide(denominator, scale, Money.ROUNDING);
		if (kind == Line.Kind.CREDIT) {
			amount = amount.negate();
		}
		return new Line(kind, charge, period, from, to, source.version(), source.orderNumber(),
				new Money(amount, charge.price().currency()),
				words(contract, charge, kind, days, periodDays));
	}

	/** The arithmetic in words that a person can redo, such as 5 seats x USD 1200.00 x 183/365 days. */
	static String words(Contract contract, Charge charge, Line.Kind kind, long days, long periodDays) {
		var text = new StringBuilder();
		if (kind == Line.Kind.CREDIT) {
			text.append("Credit for unused days: ");
		}
		var quantity = charge.quantity().stripTrailingZeros().toPlainString();
		var units = charge.unit() + (charge.quantity().compareTo(BigDecimal.ONE) == 0 ? "" : "s");
		var price = charge.price();
		if (price.chargeModel() == ChargeModel.PER_UNIT && price.includedUnits().signum() == 0) {
			text.append(quantity).append(' ').append(units).append(" x ")
					.append(new Money(price.unitPrice(), price.currency()).formatted());
		}
		else {
			text.append(new Money(price.exactAmountFor(charge.quantity()), price.currency()).formatted())
					.append(" for ").append(quantity).append(' ').append(units).append(" (")
					.append(price.chargeModel().name().toLowerCase().replace('_', ' ')).append(')');
		}
		if (contract.periodMonths() != charge.priceMonths()) {
			text.append(" x ").append(contract.periodMonths()).append('/').append(charge.priceMonths()).append(" months");
		}
		if (charge.discountPercent().signum() != 0) {
			text.append(" less ").append(charge.discountPercent().stripTrailingZeros().toPlainString()).append("% discount");
		}
		if (days != periodDays) {
			text.append(" x ").append(days).append('/').append(periodDays).append(" days");
		}
		text.append(" (").append(charge.code()).append(", price book version ").append(charge.priceBookVersionNumber())
				.append(')');
		return text.toString();
	}
}
