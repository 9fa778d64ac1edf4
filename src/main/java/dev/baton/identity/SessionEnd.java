package dev.baton.identity;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Sends a browser whose session ended (or never began) to the login page. A page load is
 * redirected; an htmx request (a poll of the bell, say) would follow that redirect itself and swap
 * the login page into the page, so it gets 401 with {@code HX-Redirect}, which htmx follows with
 * the whole window.
 */
final class SessionEnd implements AuthenticationEntryPoint {

	static final String LOGIN_PAGE = "/login";

	/** Whether htmx sent the request. */
	static boolean fromHtmx(HttpServletRequest request) {
		return "true".equals(request.getHeader("HX-Request"));
	}

	/** Sends the browser to {@code page}, the whole window even from htmx. */
	static void answer(HttpServletRequest request, HttpServletResponse response, String page) throws IOException {
		var location = request.getContextPath() + page;
		if (fromHtmx(request)) {
			response.setStatus(HttpStatus.UNAUTHORIZED.value());
			response.setHeader("HX-Redirect", location);
			return;
		}
		response.sendRedirect(location);
	}

	/** An htmx request without a signed-in session: to the login page, saying the session ended when it had one. */
	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refused)
			throws IOException {
		var ended = request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
		answer(request, response, ended ? SessionAccountFilter.EXPIRED_PAGE : LOGIN_PAGE);
	}
}
