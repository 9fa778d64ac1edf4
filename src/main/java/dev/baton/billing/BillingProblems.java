package dev.baton.billing;

import org.springframework.http.HttpStatus;

import dev.baton.platform.ProblemType;

/**
 * The billing module's problem types.
 */
final class BillingProblems {

	static final ProblemType RULE = ProblemType.of("billing-rule", HttpStatus.UNPROCESSABLE_CONTENT, "Billing rule",
			"The request breaks a billing rule; violations[] names each and why.");
	static final ProblemType FINALIZED = ProblemType.of("invoice-finalized", HttpStatus.CONFLICT, "Invoice finalized",
			"The invoice is finalized and never changes; a correction is a credit note.");

	private BillingProblems() {
	}
}
