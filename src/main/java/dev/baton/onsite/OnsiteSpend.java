package dev.baton.onsite;

import java.math.BigDecimal;

/** Approved estimated travel and lodging cost of the on-sites whose first day is in one quarter, in one currency. */
public record OnsiteSpend(String quarter, String currency, BigDecimal amount, long requests) {
}
