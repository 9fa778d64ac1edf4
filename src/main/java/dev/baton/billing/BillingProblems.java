package dev.baton.billing;

import org.springframework.http.HttpStatus;

import dev.baton.platform.ProblemType;

/**
 * The billing module's problem types.
 */
public final class BillingProblems {

	public static final ProblemType RULE = ProblemType.of("billing-rule", HttpStatus.UNPROCESSABLE_CONTENT, "Billing rule",
			"The request breaks a billing rule; violations[] names each and why.");
	public static final ProblemType FINALIZED = ProblemType.of("invoice-finalized", HttpStatus.CONFLICT, "Invoice finalized",
			"The invoice is finalized and never changes; a correction is a credit note.");

	public static final ProblemType DECLINED = ProblemType.of("payment-declined", HttpStatus.PAYMENT_REQUIRED, "Payment declined",
			"The gateway declined the card; the failed payment is recorded (paymentId) and the invoice is still owed.");
	public static final ProblemType CARD_REFUSED = ProblemType.of("card-refused", HttpStatus.UNPROCESSABLE_CONTENT, "Card refused",
			"The payment gateway could not take the card; detail says why.");

	public static final ProblemType SETTLED = ProblemType.of("invoice-settled", HttpStatus.CONFLICT, "Invoice settled",
			"The invoice is paid or void: nothing more is owed on it (another payment may just have settled it).");
	public static final ProblemType GATEWAY = ProblemType.of("payment-gateway", HttpStatus.BAD_GATEWAY, "Payment gateway",
			"The payment gateway refused or failed the operation; nothing was recorded, and it is safe to retry.");

	private BillingProblems() {
	}
}
