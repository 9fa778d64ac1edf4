package dev.baton.platform;

import org.slf4j.MDC;

/**
 * The id of the request being served, as put in every log line and the {@code X-Request-Id}
 * response header.
 */
public final class RequestIds {

	public static final String HEADER = "X-Request-Id";
	public static final String MDC_KEY = "requestId";

	/**
	 * The request attribute holding the id, so that the error and async dispatches of one request
	 * keep the id its first dispatch logged and answered with.
	 */
	public static final String ATTRIBUTE = RequestIds.class.getName() + ".id";

	private RequestIds() {
	}

	/** The current request's id, or {@code null} outside a request. */
	public static String current() {
		return MDC.get(MDC_KEY);
	}
}
