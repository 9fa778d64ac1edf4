package dev.baton.identity;

import java.io.IOException;

import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import dev.baton.platform.ProblemResponses;
import dev.baton.platform.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * 401 and 403 for API clients as Problem Details, never a login page or a browser popup.
 */
class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

	static final String REFUSED_CREDENTIALS = "The credentials are not valid, or the account is locked or disabled";

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
			throws IOException {
		if (exception instanceof InternalAuthenticationServiceException
				&& exception.getCause() instanceof org.springframework.dao.DataAccessException) {
			// the account store is unreachable: that is our outage, not the caller's bad credentials
			response.setHeader(HttpHeaders.RETRY_AFTER, "5");
			ProblemResponses.write(request, response, ProblemType.SERVICE_UNAVAILABLE, null);
			return;
		}
		// one answer for every refused login: telling "locked" or "disabled" apart from a wrong
		// password would tell a stranger which usernames exist
		var detail = request.getHeader(HttpHeaders.AUTHORIZATION) != null ? REFUSED_CREDENTIALS : null;
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer, Basic realm=\"Baton\"");
		ProblemResponses.write(request, response, ProblemType.UNAUTHENTICATED, detail);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
			throws IOException {
		ProblemResponses.write(request, response, ProblemType.FORBIDDEN, null);
	}
}
