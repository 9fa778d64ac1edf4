package dev.baton.usage;

import dev.baton.platform.Rule;

/**
 * The rules meters, sources and usage events keep, by stable identifier.
 */
public enum UsageRule implements Rule {
	/** A meter's code is lower case letters, digits and dashes, 2 to 60, starting with a letter. */
	@Rule.Id(value = "usage.meter-code", field = "code")
	METER_CODE,
	/** A meter reads events of one type, 1 to 200 characters. */
	@Rule.Id(value = "usage.meter-event-type", field = "eventType")
	METER_EVENT_TYPE,
	/** SUM, MAX, LATEST and UNIQUE_COUNT read a value property (a JSON pointer); COUNT reads none. */
	@Rule.Id(value = "usage.meter-value", field = "valueProperty")
	METER_VALUE,
	/** At most 10 dimensions, each a lower case name with a JSON pointer into the data. */
	@Rule.Id(value = "usage.meter-dimensions", field = "dimensions")
	METER_DIMENSIONS,
	/** A meter names its name and unit. */
	@Rule.Id(value = "usage.meter-name", field = "name")
	METER_NAME,
	/** A source is a CloudEvents source (a URI reference), 1 to 200 characters, no spaces. */
	@Rule.Id(value = "usage.source", field = "source")
	SOURCE,
	/** An event is a CloudEvent 1.0: specversion 1.0, an id and a type of 1 to 200 characters. */
	@Rule.Id(value = "usage.event-envelope")
	EVENT_ENVELOPE,
	/** An event's source is the source its token was issued for. */
	@Rule.Id(value = "usage.event-source")
	EVENT_SOURCE,
	/** An event names the subject (the customer) its usage belongs to. */
	@Rule.Id(value = "usage.event-subject")
	EVENT_SUBJECT,
	/** An event's time is a RFC 3339 instant, not in the future and not older than the accepted age. */
	@Rule.Id(value = "usage.event-time")
	EVENT_TIME,
	/** An event's data is JSON, and carries a number of at least 0 where a meter reads one. */
	@Rule.Id(value = "usage.event-data")
	EVENT_DATA,
	/** A subject may use a meter's units while its allowance and packs last; at 0 left it is blocked until a pack is bought or the period turns. */
	@Rule.Id(value = "usage.entitlement-exhausted")
	ENTITLEMENT_EXHAUSTED,
	/** A subject may use a meter only when its subscription has a metered price for it. */
	@Rule.Id(value = "usage.entitlement-not-in-plan")
	ENTITLEMENT_NOT_IN_PLAN;
}
