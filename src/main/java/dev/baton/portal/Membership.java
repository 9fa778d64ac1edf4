package dev.baton.portal;

import java.util.UUID;

/**
 * The account a portal login acts for, as its customer or as a partner (a reseller).
 */
public record Membership(UUID userId, UUID accountId, Kind kind) {

	public enum Kind {
		CUSTOMER, PARTNER
	}
}
