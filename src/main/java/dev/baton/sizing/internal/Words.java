package dev.baton.sizing.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

import dev.baton.sizing.Recommendation.Reason;

/**
 * Turns figures and cited statements into the plain words that reasons are made of.
 */
final class Words {

	private Words() {
	}

	static String number(BigDecimal value) {
		BigDecimal stripped = value.stripTrailingZeros();
		return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
	}

	static String users(int users) {
		return String.format(Locale.ENGLISH, "%,d", users);
	}

	static String percent(BigDecimal percent) {
		return number(percent.setScale(1, RoundingMode.HALF_UP)) + "%";
	}

	static String factors(List<BigDecimal> range) {
		return number(range.get(0)) + "-" + number(range.get(range.size() - 1)) + "x";
	}

	static String duration(Duration duration) {
		long seconds = duration.getSeconds();
		if (seconds == 0) {
			return "zero";
		}
		var parts = new ArrayList<String>();
		long days = seconds / 86_400;
		long hours = seconds % 86_400 / 3_600;
		long minutes = seconds % 3_600 / 60;
		long rest = seconds % 60;
		if (days > 0) {
			parts.add(days + " d");
		}
		if (hours > 0) {
			parts.add(hours + " h");
		}
		if (minutes > 0) {
			parts.add(minutes + " min");
		}
		if (rest > 0) {
			parts.add(rest + " s");
		}
		return String.join(" ", parts);
	}

	static Reason cited(ReferenceData.Cited statement) {
		return new Reason(statement.text(), statement.sources());
	}

	/** A reason of our own words, resting on the sources of the statements given. */
	static Reason because(String text, ReferenceData.Cited... basis) {
		var sources = new LinkedHashSet<String>();
		for (ReferenceData.Cited statement : basis) {
			sources.addAll(statement.sources());
		}
		return new Reason(text, List.copyOf(sources));
	}

	static Reason because(String text, List<String> sources) {
		return new Reason(text, List.copyOf(new LinkedHashSet<>(sources)));
	}
}
