package dev.baton.platform;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What a handler can tell the {@code Idempotency-Key} support about its answer.
 * <p>
 * Successful answers to creating POSTs are kept for replay. An answer that carries a secret (an
 * API token, say) must not be: the handler calls {@link #doNotKeepAnswer}, the change still
 * commits, and the key is released instead, so a retry with the same key runs anew.
 */
public final class Idempotency {

	/** The request attribute that marks an answer as not to be kept; any non-null value does. */
	public static final String DO_NOT_KEEP_ANSWER = Idempotency.class.getName() + ".doNotKeepAnswer";

	private Idempotency() {
	}

	/** Marks the current request's answer as not to be stored for replay. */
	public static void doNotKeepAnswer(HttpServletRequest request) {
		request.setAttribute(DO_NOT_KEEP_ANSWER, Boolean.TRUE);
	}
}
