package dev.baton.usage.domain;

import java.util.Map;
import java.util.regex.Pattern;

import dev.baton.platform.Decision;
import dev.baton.usage.Aggregation;
import dev.baton.usage.UsageRule;

/**
 * What a meter must be: a code of lower case letters, digits and dashes; a name, an event type and
 * a unit; a value property (a JSON pointer into the event's data) for every aggregation but COUNT;
 * at most 10 dimensions, each a lower case name with a JSON pointer.
 */
public final class MeterPolicy {

	public static final int MAX_DIMENSIONS = 10;

	private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{1,59}");
	private static final Pattern DIMENSION = Pattern.compile("[a-z][a-z0-9_]{0,39}");

	private MeterPolicy() {
	}

	public static Decision meter(String code, String name, String eventType, Aggregation aggregation,
			String valueProperty, Map<String, String> dimensions, String unit) {
		var dims = dimensions == null ? Map.<String, String>of() : dimensions;
		return Decision.check()
				.refuseIf(code == null || !CODE.matcher(code).matches(), UsageRule.METER_CODE,
						() -> "A meter's code is 2 to 60 lower case letters, digits and dashes, starting with a letter, not "
								+ quoted(code))
				.refuseIf(blankOrLonger(name, 100), UsageRule.METER_NAME, () -> "A meter has a name of 1 to 100 characters")
				.refuseIf(blankOrLonger(unit, 30), UsageRule.METER_NAME,
						() -> "A meter has a unit of 1 to 30 characters (minutes, GB, calls)")
				.refuseIf(blankOrLonger(eventType, 200), UsageRule.METER_EVENT_TYPE,
						() -> "A meter reads events of one type, 1 to 200 characters")
				.refuseIf(aggregation == Aggregation.COUNT && valueProperty != null && !valueProperty.isBlank(),
						UsageRule.METER_VALUE, () -> "A COUNT meter counts events and reads no value property")
				.refuseIf(aggregation != null && aggregation != Aggregation.COUNT && !JsonPointers.valid(valueProperty),
						UsageRule.METER_VALUE, () -> "A " + aggregation + " meter reads a value property, a JSON pointer"
								+ " into the event's data such as /minutes, not " + quoted(valueProperty))
				.refuseIf(dims.size() > MAX_DIMENSIONS, UsageRule.METER_DIMENSIONS,
						() -> "A meter has at most " + MAX_DIMENSIONS + " dimensions, not " + dims.size())
				.refuseIf(dims.keySet().stream().anyMatch(d -> !DIMENSION.matcher(d).matches()), UsageRule.METER_DIMENSIONS,
						() -> "A dimension's name is lower case letters, digits and underscores, up to 40, starting with a"
								+ " letter, not " + dims.keySet().stream().filter(d -> !DIMENSION.matcher(d).matches()).toList())
				.refuseIf(dims.values().stream().anyMatch(p -> !JsonPointers.valid(p)), UsageRule.METER_DIMENSIONS,
						() -> "A dimension reads a JSON pointer into the event's data such as /project")
				.decide();
	}

	private static boolean blankOrLonger(String value, int max) {
		return value == null || value.isBlank() || value.strip().length() > max;
	}

	private static String quoted(String value) {
		return value == null || value.isBlank() ? "nothing" : "'" + value + "'";
	}
}
