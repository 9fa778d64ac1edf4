package dev.baton.licensing;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import dev.baton.platform.Identifier;

/**
 * The id of a license.
 */
public record LicenseId(@JsonValue UUID value) implements Identifier {

	public LicenseId {
		Objects.requireNonNull(value, "value");
	}

	@JsonCreator
	public static LicenseId of(UUID value) {
		return new LicenseId(value);
	}

	public static LicenseId of(String value) {
		return new LicenseId(Identifier.parse("licenseId", value));
	}

	public static LicenseId random() {
		return new LicenseId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
