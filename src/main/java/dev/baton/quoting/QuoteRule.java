package dev.baton.quoting;

import dev.baton.platform.Rule;

/**
 * The quoting rules, by stable identifier.
 */
public enum QuoteRule implements Rule {
	/** A discount above the deal desk threshold needs deal desk's approval. */
	@Rule.Id("quote.discount.deal-desk-approval")
	DEAL_DESK_APPROVAL,
	/** A discount above the finance threshold needs finance's approval too. */
	@Rule.Id("quote.discount.finance-approval")
	FINANCE_APPROVAL,
	/** No discount goes beyond the maximum. */
	@Rule.Id(value = "quote.discount.maximum", field = "lines")
	MAXIMUM_DISCOUNT,
	/** Only a draft changes; only the newest revision goes on. */
	@Rule.Id("quote.state")
	STATE,
	/** A quote is accepted before it expires. */
	@Rule.Id(value = "quote.expired", field = "expiresOn")
	EXPIRED,
	/** The one who prepared a quote does not approve its discount. */
	@Rule.Id("quote.approver")
	APPROVER,
	/** A quote has one subscription line (a tier) and any number of add-on lines, each quantity 1 or more. */
	@Rule.Id(value = "quote.lines", field = "lines")
	LINES;
}
