package dev.baton.quoting;

import dev.baton.platform.Rule;

/**
 * The quoting rules, by stable identifier.
 */
public enum QuoteRule implements Rule {
	/** A discount above the deal desk threshold needs deal desk's approval. */
	DEAL_DESK_APPROVAL("quote.discount.deal-desk-approval", null),
	/** A discount above the finance threshold needs finance's approval too. */
	FINANCE_APPROVAL("quote.discount.finance-approval", null),
	/** No discount goes beyond the maximum. */
	MAXIMUM_DISCOUNT("quote.discount.maximum", "lines"),
	/** Only a draft changes; only the newest revision goes on. */
	STATE("quote.state", null),
	/** A quote is accepted before it expires. */
	EXPIRED("quote.expired", "expiresOn"),
	/** The one who prepared a quote does not approve its discount. */
	APPROVER("quote.approver", null),
	/** A quote has one subscription line (a tier) and any number of add-on lines, each quantity 1 or more. */
	LINES("quote.lines", "lines");

	private final String id;
	private final String field;

	QuoteRule(String id, String field) {
		this.id = id;
		this.field = field;
	}

	@Override
	public String id() {
		return id;
	}

	@Override
	public String field() {
		return field;
	}
}
