package dev.baton.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import dev.baton.platform.Money;

/**
 * A month's usage of one meter rated under a metered price: what was used is drawn first from the
 * month's allowance, then from prepaid packs (up to {@code prepaid}), and what is left is billable
 * and priced by the charge model, rounded once, half-even, to the currency's minor unit. Pure: the
 * same figures always give the same amount and the same words.
 *
 * @param fromAllowance the units the allowance covered
 * @param fromPacks the units drawn from prepaid packs
 * @param billable the units charged: used less the allowance and the packs
 * @param steps how the billable units were priced, one step per tier reached (one for per unit and package)
 * @param words the arithmetic in words, for invoices and pages
 */
public record Rating(BigDecimal used, BigDecimal allowance, BigDecimal fromAllowance, BigDecimal fromPacks,
		BigDecimal billable, List<Step> steps, Money amount, String words) {

	/**
	 * One step of the price: {@code units} at {@code unitPrice}, plus {@code flatFee}; the amount
	 * exact, before the one rounding of the total.
	 */
	public record Step(String tier, BigDecimal units, BigDecimal unitPrice, BigDecimal flatFee, BigDecimal amount) {
	}

	public Rating {
		steps = List.copyOf(steps);
	}

	/**
	 * Rates {@code used} units under {@code price}: the allowance first, then up to {@code prepaid}
	 * units from packs, the rest by the charge model.
	 */
	public static Rating rate(MeteredPrice price, BigDecimal used, BigDecimal allowance, BigDecimal prepaid) {
		Objects.requireNonNull(price, "price");
		requireNotNegative("used", used);
		requireNotNegative("allowance", allowance);
		requireNotNegative("prepaid", prepaid);
		var fromAllowance = used.min(allowance);
		var fromPacks = used.subtract(fromAllowance).min(prepaid);
		var billable = used.subtract(fromAllowance).subtract(fromPacks);
		var steps = steps(price, billable);
		var exact = steps.stream().map(Step::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
		var amount = new Money(exact, price.currency());
		return new Rating(used, allowance, fromAllowance, fromPacks, billable, steps, amount,
				words(price, used, allowance, fromPacks, billable, steps, amount));
	}

	private static List<Step> steps(MeteredPrice price, BigDecimal billable) {
		var steps = new ArrayList<Step>();
		if (billable.signum() == 0) {
			return steps;
		}
		switch (price.chargeModel()) {
			case PER_UNIT -> steps.add(new Step("per unit", billable, price.unitPrice(), BigDecimal.ZERO,
					billable.multiply(price.unitPrice())));
			case PACKAGE -> {
				var size = BigDecimal.valueOf(price.packageSize());
				var packages = billable.divide(size, 0, RoundingMode.CEILING);
				steps.add(new Step(number(packages) + (packages.compareTo(BigDecimal.ONE) == 0 ? " package" : " packages")
						+ " of " + number(size), billable, price.unitPrice(), BigDecimal.ZERO,
						packages.multiply(price.unitPrice())));
			}
			case TIERED -> {
				var floor = BigDecimal.ZERO;
				for (var tier : price.tiers()) {
					if (billable.compareTo(floor) <= 0) {
						break;
					}
					var ceiling = tier.upTo() == null ? billable : tier.upTo().min(billable);
					var units = ceiling.subtract(floor);
					var label = tier.upTo() == null ? "above " + number(floor)
							: floor.signum() == 0 ? "up to " + number(tier.upTo())
									: number(floor) + " to " + number(tier.upTo());
					steps.add(new Step(label, units, tier.unitPrice(), tier.flatFee(),
							units.multiply(tier.unitPrice()).add(tier.flatFee())));
					floor = ceiling;
				}
			}
			case VOLUME -> {
				for (var tier : price.tiers()) {
					if (tier.upTo() == null || billable.compareTo(tier.upTo()) <= 0) {
						steps.add(new Step(tier.upTo() == null ? "the open tier" : "the tier up to " + number(tier.upTo()),
								billable, tier.unitPrice(), tier.flatFee(), billable.multiply(tier.unitPrice()).add(tier.flatFee())));
						break;
					}
				}
			}
			case FLAT -> throw new IllegalArgumentException("A metered price is per unit, tiered, volume or package, not flat");
		}
		return steps;
	}

	private static String words(MeteredPrice price, BigDecimal used, BigDecimal allowance, BigDecimal fromPacks,
			BigDecimal billable, List<Step> steps, Money amount) {
		var unit = price.unit();
		var text = new StringBuilder().append(quantity(used, unit)).append(" used; ").append(number(allowance))
				.append(" included");
		if (fromPacks.signum() > 0) {
			text.append("; ").append(number(fromPacks)).append(" from packs");
		}
		if (billable.signum() == 0) {
			return text.append("; nothing beyond: ").append(amount.formatted()).toString();
		}
		text.append("; ").append(number(billable)).append(" billable: ");
		var parts = new ArrayList<String>();
		for (var step : steps) {
			var part = new StringBuilder();
			if (price.chargeModel() == ChargeModel.PACKAGE) {
				part.append(step.tier()).append(" x ").append(price(step.unitPrice(), price));
			}
			else {
				part.append(number(step.units())).append(" x ").append(price(step.unitPrice(), price));
				if (price.chargeModel() != ChargeModel.PER_UNIT) {
					part.append(" (").append(step.tier()).append(')');
				}
			}
			if (step.flatFee().signum() > 0) {
				part.append(" + ").append(price(step.flatFee(), price)).append(" flat fee");
			}
			parts.add(part.toString());
		}
		return text.append(String.join(" + ", parts)).append(" = ").append(amount.formatted()).toString();
	}

	/** A unit price at its own precision (USD 0.008), which money's cents would hide. */
	private static String price(BigDecimal value, MeteredPrice price) {
		var format = NumberFormat.getNumberInstance(Locale.US);
		format.setMinimumFractionDigits(Math.max(price.currency().getDefaultFractionDigits(), 0));
		format.setMaximumFractionDigits(6);
		return price.currency().getCurrencyCode() + " " + format.format(value);
	}

	/** A quantity with its unit, plural when it is not one (12,500 minutes; 1 GB-month). */
	public static String quantity(BigDecimal value, String unit) {
		return number(value) + " " + plural(unit, value);
	}

	static String plural(String unit, BigDecimal value) {
		if (value.compareTo(BigDecimal.ONE) == 0 || unit.endsWith("s") || unit.equals(unit.toUpperCase(Locale.ROOT))) {
			return unit;
		}
		return unit + "s";
	}

	/** A number for people: grouped, without trailing zeros (12,500; 0.25). */
	public static String number(BigDecimal value) {
		var format = NumberFormat.getNumberInstance(Locale.US);
		format.setMaximumFractionDigits(6);
		return format.format(value);
	}

	private static void requireNotNegative(String name, BigDecimal value) {
		Objects.requireNonNull(value, name);
		if (value.signum() < 0) {
			throw new IllegalArgumentException(name + " must not be negative: " + value);
		}
	}
}
