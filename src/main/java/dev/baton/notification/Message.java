package dev.baton.notification;

import java.util.Objects;

/**
 * What one person or channel is told: a short title, a plain-text body, and the link to the request.
 */
record Message(String title, String body, String link) {

	Message {
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(body, "body");
	}
}
