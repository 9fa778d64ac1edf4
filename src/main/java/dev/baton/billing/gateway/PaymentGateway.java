package dev.baton.billing.gateway;

import dev.baton.platform.Money;

/**
 * A payment gateway: stores a card as a token and charges, confirms and refunds it. Every charge
 * and refund carries an idempotency key, so a retry after a crash or a timeout is answered with the
 * first outcome instead of charging twice. Baton never holds card numbers: a card is tokenized by
 * the gateway and only its token and label are kept.
 */
public interface PaymentGateway {

	/** The gateway's name as stored with each payment. */
	String name();

	/** Tokenizes a card the payer entered (for the sandbox a test card number, for a real gateway its payment method id). */
	Card store(String card);

	/** Charges a stored card; a decline is an outcome, not an exception. */
	Outcome charge(String token, Money amount, String idempotencyKey, String description);

	/** Completes a charge that required the card holder's confirmation. */
	Outcome confirm(String reference);

	/** Refunds part or all of a charge. */
	Outcome refund(String reference, Money amount, String idempotencyKey);

	/** A stored card: the gateway's token and what people see of it. */
	record Card(String token, String label) {
	}

	/** What the gateway answered: the charge's id and its state, with the reason of a decline. */
	record Outcome(State state, String reference, String failure) {

		public static Outcome succeeded(String reference) {
			return new Outcome(State.SUCCEEDED, reference, null);
		}

		public static Outcome declined(String reference, String failure) {
			return new Outcome(State.DECLINED, reference, failure);
		}
	}

	/** The state of a charge. */
	enum State {
		SUCCEEDED, DECLINED, REQUIRES_CONFIRMATION
	}

	/** The card cannot be stored (not a card, or refused by the gateway); the message says why. */
	final class CardRefused extends RuntimeException {

		public CardRefused(String message) {
			super(message);
		}
	}

	/** The gateway could not be reached or did not answer; nothing is known to have happened, and a retry is safe. */
	final class Unavailable extends RuntimeException {

		public Unavailable(String message, Throwable cause) {
			super(message, cause);
		}
	}
}
