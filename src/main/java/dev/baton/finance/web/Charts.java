package dev.baton.finance.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Bar charts drawn on the server as SVG geometry for the finance page: groups of bars (one per
 * series) per category, negative values below a zero line, and optionally a line over the groups
 * (the deferred revenue balance). The page shows the same numbers in a table beside each chart.
 */
final class Charts {

	static final int WIDTH = 720;
	static final int HEIGHT = 260;
	static final int LEFT = 72;
	static final int RIGHT = 16;
	static final int TOP = 16;
	static final int BOTTOM = 44;
	private static final List<String> COLOURS = List.of("#1565c0", "#2e7d32", "#c62828", "#6a1b9a", "#ef6c00", "#00838f");

	private Charts() {
	}

	/** Values of one series, one per category. */
	record Series(String name, List<BigDecimal> values) {
	}

	record Bar(int x, int y, int width, int height, String colour, String title) {
	}

	record Label(String text, int x, int y) {
	}

	record Legend(String name, String colour) {
	}

	/** What the template draws. */
	record Chart(String title, String description, int width, int height, int left, int right, int zero, List<Bar> bars,
			List<Label> xLabels, List<Label> yTicks, String line, String lineColour, List<Legend> legend) {

		boolean empty() {
			return bars.isEmpty() && line == null;
		}
	}

	/**
	 * Grouped bars per category; {@code line}, when given, is drawn over the groups as a polyline
	 * (a balance beside the flows that move it).
	 */
	static Chart bars(String title, String description, List<String> categories, List<Series> series, Series line) {
		var all = new ArrayList<BigDecimal>();
		series.forEach(s -> all.addAll(s.values()));
		if (line != null) {
			all.addAll(line.values());
		}
		var max = all.stream().reduce(BigDecimal.ZERO, BigDecimal::max);
		var min = all.stream().reduce(BigDecimal.ZERO, BigDecimal::min);
		if (max.compareTo(min) == 0) {
			max = BigDecimal.ONE;
		}
		var plotWidth = WIDTH - LEFT - RIGHT;
		var plotHeight = HEIGHT - TOP - BOTTOM;
		var span = max.subtract(min);
		var zero = y(BigDecimal.ZERO, min, span, plotHeight);
		var bars = new ArrayList<Bar>();
		var xLabels = new ArrayList<Label>();
		var slot = categories.isEmpty() ? plotWidth : plotWidth / categories.size();
		var barWidth = Math.max(2, (slot - 8) / Math.max(1, series.size()));
		var legend = new ArrayList<Legend>();
		for (int s = 0; s < series.size(); s++) {
			legend.add(new Legend(series.get(s).name(), COLOURS.get(s % COLOURS.size())));
		}
		var points = new StringBuilder();
		for (int c = 0; c < categories.size(); c++) {
			var left = LEFT + c * slot + 4;
			for (int s = 0; s < series.size(); s++) {
				var value = series.get(s).values().get(c);
				var top = y(value, min, span, plotHeight);
				bars.add(new Bar(left + s * barWidth, Math.min(top, zero), barWidth - 1, Math.max(1, Math.abs(zero - top)),
						COLOURS.get(s % COLOURS.size()), categories.get(c) + ", " + series.get(s).name() + ": "
								+ format(value)));
			}
			xLabels.add(new Label(categories.get(c), LEFT + c * slot + slot / 2, HEIGHT - BOTTOM + 16));
			if (line != null) {
				points.append(c == 0 ? "" : " ").append(LEFT + c * slot + slot / 2).append(',')
						.append(y(line.values().get(c), min, span, plotHeight));
			}
		}
		var ticks = new ArrayList<Label>();
		for (int i = 0; i <= 4; i++) {
			var value = min.add(span.multiply(BigDecimal.valueOf(i)).divide(BigDecimal.valueOf(4), 2, RoundingMode.HALF_EVEN));
			ticks.add(new Label(format(value), LEFT - 6, y(value, min, span, plotHeight)));
		}
		if (line != null) {
			legend.add(new Legend(line.name(), COLOURS.get(series.size() % COLOURS.size())));
		}
		return new Chart(title, description, WIDTH, HEIGHT, LEFT, RIGHT, zero, bars, xLabels, ticks,
				line == null ? null : points.toString(), COLOURS.get(series.size() % COLOURS.size()), legend);
	}

	private static int y(BigDecimal value, BigDecimal min, BigDecimal span, int plotHeight) {
		var share = value.subtract(min).divide(span, 6, RoundingMode.HALF_EVEN);
		return TOP + plotHeight - share.multiply(BigDecimal.valueOf(plotHeight)).setScale(0, RoundingMode.HALF_EVEN)
				.intValue();
	}

	static String format(BigDecimal value) {
		var format = NumberFormat.getNumberInstance(Locale.US);
		format.setMinimumFractionDigits(0);
		format.setMaximumFractionDigits(2);
		return format.format(value);
	}
}
