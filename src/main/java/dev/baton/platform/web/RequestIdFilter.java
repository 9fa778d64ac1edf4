package dev.baton.platform.web;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.baton.platform.RequestIds;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Gives every request an id (the caller's {@code X-Request-Id} when it is sane), puts it in the
 * logging context and echoes it in the response.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter extends OncePerRequestFilter {

	private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var id = idOf(request);
		MDC.put(RequestIds.MDC_KEY, id);
		response.setHeader(RequestIds.HEADER, id);
		try {
			chain.doFilter(request, response);
		} finally {
			MDC.remove(RequestIds.MDC_KEY);
		}
	}

	/**
	 * The id the request got on its first dispatch; error and async dispatches of the same request
	 * run this filter again and must not make a new one, or the log and the answer would disagree.
	 */
	private static String idOf(HttpServletRequest request) {
		if (request.getAttribute(RequestIds.ATTRIBUTE) instanceof String known) {
			return known;
		}
		var incoming = request.getHeader(RequestIds.HEADER);
		var id = incoming != null && SANE.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
		request.setAttribute(RequestIds.ATTRIBUTE, id);
		return id;
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}
}
