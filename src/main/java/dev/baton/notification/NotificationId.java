package dev.baton.notification;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import dev.baton.platform.Identifier;

/** The id of a notification in a person's inbox, written in JSON as the plain UUID. */
public record NotificationId(@JsonValue UUID value) implements Identifier {

	public NotificationId {
		Objects.requireNonNull(value, "value");
	}

	@JsonCreator
	public static NotificationId of(UUID value) {
		return new NotificationId(value);
	}

	/** Parses a path variable or request parameter; anything but a UUID is a bad {@code id}. */
	public static NotificationId of(String text) {
		return new NotificationId(Identifier.parse("id", text));
	}

	/** A new random id. */
	public static NotificationId random() {
		return new NotificationId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
