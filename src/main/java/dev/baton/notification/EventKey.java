package dev.baton.notification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Names one occurrence of an engagement event, the same on every redelivery: the kind, the
 * request, and a short hash of what tells two genuine occurrences apart (a second round of
 * questions, a new assignee, another due time). Inbox entries and deliveries are unique per key
 * and recipient, so a redelivered event adds nothing.
 */
final class EventKey {

	private EventKey() {
	}

	static String of(String kind, UUID requestId, Object... distinguishing) {
		var key = kind + ":" + requestId;
		if (distinguishing.length == 0) {
			return key;
		}
		var parts = new StringBuilder();
		for (var part : distinguishing) {
			parts.append(part).append('\u001f');
		}
		try {
			var digest = MessageDigest.getInstance("SHA-256").digest(parts.toString().getBytes(StandardCharsets.UTF_8));
			return key + ":" + HexFormat.of().formatHex(digest, 0, 8);
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("Every JVM has SHA-256", e);
		}
	}
}
