package dev.baton.quoting;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import dev.baton.platform.Money;
import dev.baton.subscription.Parties;

/**
 * One revision of a quote. A quote is known by its number; each revision has its own id, and only
 * the newest can be approved, accepted and ordered.
 *
 * @param approvals the roles that approved this revision's discounts ({@code DEAL_DESK}, {@code FINANCE})
 * @param approvalsNeeded the roles its discounts need
 */
public record Quote(QuoteId id, String number, int revision, UUID opportunityId, Parties parties, String currency,
		int termMonths, List<QuoteLine> lines, QuoteStatus status, LocalDate expiresOn, List<String> approvalsNeeded,
		List<String> approvals, String preparedBy, String acceptedBy, Instant acceptedAt, UUID orderId, int version) {

	public Quote {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(status, "status");
		lines = List.copyOf(lines);
		approvalsNeeded = List.copyOf(approvalsNeeded);
		approvals = List.copyOf(approvals);
	}

	/** The largest discount on any line, which decides the approvals needed. */
	public BigDecimal largestDiscount() {
		return lines.stream().map(QuoteLine::discountPercent).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
	}

	/** The net total per billing period. */
	public Money total() {
		var total = BigDecimal.ZERO;
		for (var line : lines) {
			total = total.add(line.netAmount().amount());
		}
		return Money.of(total, currency);
	}
}
