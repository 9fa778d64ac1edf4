package dev.baton.subscription;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Who a subscription is for and who pays: the owner (the end customer and licensee), the invoice
 * owner (the same account for direct sales, the reseller for channel sales) and, for marketplace
 * sales, the distributor that bills the reseller. All are pipeline accounts.
 */
// "channel" is written from isChannel() and read back when the event outbox republishes an event after a
// crash: it must not fail the start (it did, found by BillingCrashTests)
@JsonIgnoreProperties(value = "channel", allowGetters = true)
public record Parties(UUID ownerAccountId, UUID invoiceOwnerAccountId, UUID distributorAccountId) {

	public Parties {
		Objects.requireNonNull(ownerAccountId, "ownerAccountId");
		invoiceOwnerAccountId = invoiceOwnerAccountId == null ? ownerAccountId : invoiceOwnerAccountId;
	}

	/** A direct sale: the customer owns and pays. */
	public static Parties direct(UUID accountId) {
		return new Parties(accountId, accountId, null);
	}

	public boolean isChannel() {
		return !invoiceOwnerAccountId.equals(ownerAccountId);
	}

	/** The same parties with another owner; the invoice owner follows the owner in a direct sale. */
	public Parties withOwner(UUID newOwner) {
		return new Parties(newOwner, isChannel() ? invoiceOwnerAccountId : newOwner, distributorAccountId);
	}
}
