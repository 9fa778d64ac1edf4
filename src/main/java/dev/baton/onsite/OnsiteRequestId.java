package dev.baton.onsite;

import java.util.Objects;
import java.util.UUID;

import dev.baton.platform.Identifier;

/** The id of an on-site request. */
public record OnsiteRequestId(UUID value) implements Identifier {

	public OnsiteRequestId {
		Objects.requireNonNull(value, "value");
	}

	public static OnsiteRequestId of(UUID value) {
		return new OnsiteRequestId(value);
	}

	public static OnsiteRequestId of(String text) {
		return new OnsiteRequestId(Identifier.parse("id", text));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
