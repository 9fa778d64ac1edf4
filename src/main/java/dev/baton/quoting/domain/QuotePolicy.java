package dev.baton.quoting.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import dev.baton.platform.Decision;
import dev.baton.quoting.Quote;
import dev.baton.quoting.QuoteRule;
import dev.baton.quoting.QuoteStatus;

/**
 * The quoting rules: which approvals a discount needs, who may give them, and when a quote may
 * be accepted. Thresholds are settings ({@code baton.quoting.*}).
 */
public final class QuotePolicy {

	public static final String DEAL_DESK = "DEAL_DESK";
	public static final String FINANCE = "FINANCE";

	private final BigDecimal dealDeskAbove;
	private final BigDecimal financeAbove;
	private final BigDecimal maximum;

	public QuotePolicy(BigDecimal dealDeskAbove, BigDecimal financeAbove, BigDecimal maximum) {
		if (financeAbove.compareTo(dealDeskAbove) < 0 || maximum.compareTo(financeAbove) < 0) {
			throw new IllegalArgumentException("thresholds must rise: deal desk " + dealDeskAbove + " <= finance "
					+ financeAbove + " <= maximum " + maximum);
		}
		this.dealDeskAbove = dealDeskAbove;
		this.financeAbove = financeAbove;
		this.maximum = maximum;
	}

	/** The roles whose approval a discount needs: deal desk above its threshold, finance above its own as well. */
	public List<String> approvalsNeeded(BigDecimal largestDiscount) {
		var needed = new ArrayList<String>();
		if (largestDiscount.compareTo(dealDeskAbove) > 0) {
			needed.add(DEAL_DESK);
		}
		if (largestDiscount.compareTo(financeAbove) > 0) {
			needed.add(FINANCE);
		}
		return needed;
	}

	/** Discounts from 0 up to the maximum. */
	public Decision discounts(List<BigDecimal> discounts) {
		return Decision.check().refuseIf(discounts.stream().anyMatch(d -> d.signum() < 0 || d.compareTo(maximum) > 0),
				QuoteRule.MAXIMUM_DISCOUNT, () -> "A discount is from 0% to " + maximum.toPlainString() + "%").decide();
	}

	/** Whether the quote has every approval its discounts need, each missing one named. */
	public Decision approved(Quote quote) {
		var largest = quote.largestDiscount().toPlainString();
		return Decision.check()
				.refuseIf(quote.approvalsNeeded().contains(DEAL_DESK) && !quote.approvals().contains(DEAL_DESK),
						QuoteRule.DEAL_DESK_APPROVAL, () -> "A discount of " + largest + "% is above "
								+ dealDeskAbove.toPlainString() + "%: deal desk approves it")
				.refuseIf(quote.approvalsNeeded().contains(FINANCE) && !quote.approvals().contains(FINANCE),
						QuoteRule.FINANCE_APPROVAL, () -> "A discount of " + largest + "% is above "
								+ financeAbove.toPlainString() + "%: finance approves it")
				.decide();
	}

	/** Whether someone of {@code role} may approve the quote now. */
	public Decision mayApprove(Quote quote, String role, String username) {
		return Decision.check()
				.refuseIf(quote.status() != QuoteStatus.PENDING_APPROVAL, QuoteRule.STATE,
						() -> "Quote " + quote.number() + " revision " + quote.revision() + " is " + quote.status()
								+ ", not waiting for approval")
				.refuseIf(!quote.approvalsNeeded().contains(role), QuoteRule.STATE,
						() -> "Quote " + quote.number() + " needs no approval by " + role)
				.refuseIf(username.equals(quote.preparedBy()), QuoteRule.APPROVER,
						() -> "The one who prepared quote " + quote.number() + " does not approve its discount")
				.decide();
	}

	/** Whether the customer may accept the quote on {@code today}. */
	public static Decision mayAccept(Quote quote, LocalDate today) {
		return Decision.check()
				.refuseIf(quote.status() != QuoteStatus.APPROVED, QuoteRule.STATE,
						() -> "Quote " + quote.number() + " revision " + quote.revision() + " is " + quote.status()
								+ "; only an approved quote is accepted")
				.refuseIf(today.isAfter(quote.expiresOn()), QuoteRule.EXPIRED,
						() -> "Quote " + quote.number() + " expired on " + quote.expiresOn())
				.decide();
	}

	/** Only a draft is submitted. */
	public static Decision maySubmit(Quote quote) {
		return Decision.check().refuseIf(quote.status() != QuoteStatus.DRAFT, QuoteRule.STATE,
				() -> "Quote " + quote.number() + " revision " + quote.revision() + " is " + quote.status()
						+ "; only a draft is submitted").decide();
	}
}
