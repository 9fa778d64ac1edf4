package dev.baton.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An account's credit: the balance per currency and the ledger it is the sum of (overpayments and
 * credit notes add; credit applied to invoices and refunds take away).
 */
public record AccountCredit(UUID accountId, List<Balance> balances, List<Entry> entries) {

	public AccountCredit {
		balances = List.copyOf(balances);
		entries = List.copyOf(entries);
	}

	/** The balance in one currency. */
	public record Balance(String currency, BigDecimal amount) {
	}

	/** One movement of credit, with where it came from. */
	public record Entry(UUID id, String currency, BigDecimal amount, String kind, UUID paymentId, UUID creditNoteId,
			Instant createdAt, String createdBy) {
	}

	public BigDecimal balance(String currency) {
		return balances.stream().filter(b -> b.currency().equals(currency)).map(Balance::amount).findFirst()
				.orElse(BigDecimal.ZERO.setScale(2));
	}
}
