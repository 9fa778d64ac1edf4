package dev.baton.notification;

/**
 * A send that did not go through; permanent when trying again cannot help (the webhook refuses
 * the message, the circle has no webhook any more).
 */
class DeliveryFailure extends Exception {

	private static final int MAX_LENGTH = 500;

	private final boolean permanent;

	private DeliveryFailure(String message, boolean permanent) {
		// an expected outcome, recorded on the delivery: no stack trace needed
		super(message.length() > MAX_LENGTH ? message.substring(0, MAX_LENGTH) : message, null, false, false);
		this.permanent = permanent;
	}

	static DeliveryFailure transientFailure(String message) {
		return new DeliveryFailure(message, false);
	}

	static DeliveryFailure permanentFailure(String message) {
		return new DeliveryFailure(message, true);
	}

	boolean permanent() {
		return permanent;
	}
}
