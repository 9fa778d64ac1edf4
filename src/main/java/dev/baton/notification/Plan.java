package dev.baton.notification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.baton.organisation.Circle;

/**
 * Everything one event occurrence tells people: inbox entries, chat messages and e-mails.
 */
final class Plan {

	private static final Logger log = LoggerFactory.getLogger(Plan.class);

	/** One chat message or e-mail to send; {@code loud} asks the whole channel's attention. */
	record Outgoing(Channel channel, UUID recipientId, Message message, boolean loud) {
	}

	private final String eventKey;
	private final UUID requestId;
	private final Map<UUID, Message> inbox = new LinkedHashMap<>();
	private final List<Outgoing> outgoing = new ArrayList<>();

	Plan(String eventKey, UUID requestId) {
		this.eventKey = Objects.requireNonNull(eventKey, "eventKey");
		this.requestId = requestId;
	}

	/** An inbox entry; a person hears about one event occurrence once. */
	Plan inbox(UUID personId, Message message) {
		if (personId != null) {
			inbox.putIfAbsent(personId, message);
		}
		return this;
	}

	Plan email(UUID personId, Message message) {
		if (personId != null && outgoing.stream()
				.noneMatch(o -> o.channel() == Channel.EMAIL && o.recipientId().equals(personId))) {
			outgoing.add(new Outgoing(Channel.EMAIL, personId, message, false));
		}
		return this;
	}

	/** A message in the circle's channel, if the circle has a webhook; otherwise nothing. */
	Plan chat(Circle circle, Message message, boolean loud) {
		if (circle.chatWebhookUrl() == null || circle.chatWebhookUrl().isBlank()) {
			log.debug("{} has no chat webhook URL; not posting {}", circle.name(), eventKey);
			return this;
		}
		outgoing.add(new Outgoing(Channel.CHAT, circle.id(), message, loud));
		return this;
	}

	String eventKey() {
		return eventKey;
	}

	UUID requestId() {
		return requestId;
	}

	Map<UUID, Message> inbox() {
		return Map.copyOf(inbox);
	}

	List<Outgoing> outgoing() {
		return List.copyOf(outgoing);
	}
}
