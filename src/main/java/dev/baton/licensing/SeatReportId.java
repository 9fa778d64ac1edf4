package dev.baton.licensing;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import dev.baton.platform.Identifier;

/**
 * The id of a seat report.
 */
public record SeatReportId(@JsonValue UUID value) implements Identifier {

	public SeatReportId {
		Objects.requireNonNull(value, "value");
	}

	@JsonCreator
	public static SeatReportId of(UUID value) {
		return new SeatReportId(value);
	}

	public static SeatReportId of(String value) {
		return new SeatReportId(Identifier.parse("seatReportId", value));
	}

	public static SeatReportId random() {
		return new SeatReportId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
