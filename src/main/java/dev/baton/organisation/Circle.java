package dev.baton.organisation;

import java.util.List;
import java.util.UUID;

/**
 * A small group of SAs who triage the requests of the AEs they serve, on one board. No member is
 * in charge; the manager is the regional SA manager they report to. The chat webhook is the
 * incoming-webhook URL of the circle's channel, where new requests are announced.
 */
public record Circle(UUID id, String name, String boardKey, UUID managerId, String chatChannel,
		String chatWebhookUrl, List<UUID> memberIds, List<UUID> servedAeIds, int version) {

	public Circle {
		memberIds = List.copyOf(memberIds);
		servedAeIds = List.copyOf(servedAeIds);
	}
}
