package dev.baton.identity;

import java.io.IOException;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.baton.platform.ProblemResponses;
import dev.baton.platform.ProblemType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Authenticates API calls that carry {@code Authorization: Bearer <token>}. A bad token is
 * refused at once with 401; it never falls through to another way of logging in.
 */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

	private static final String BEARER = "Bearer ";
	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ApiTokenAuthenticationFilter.class);

	private final ApiTokenService tokens;
	private final java.util.List<ServiceTokens> serviceTokens;

	ApiTokenAuthenticationFilter(ApiTokenService tokens, java.util.List<ServiceTokens> serviceTokens) {
		this.tokens = tokens;
		this.serviceTokens = java.util.List.copyOf(serviceTokens);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			chain.doFilter(request, response);
			return;
		}
		var secret = header.substring(BEARER.length()).strip();
		for (var kind : serviceTokens) {
			if (secret.startsWith(kind.prefix())) {
				serviceToken(kind, secret, request, response, chain);
				return;
			}
		}
		java.util.Optional<UserAccount> account;
		try {
			account = tokens.authenticate(secret);
		} catch (org.springframework.dao.DataAccessException | org.springframework.transaction.TransactionException e) {
			response.setHeader(HttpHeaders.RETRY_AFTER, "5");
			ProblemResponses.write(request, response, ProblemType.SERVICE_UNAVAILABLE, null);
			return;
		}
		if (account.isEmpty()) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
			ProblemResponses.write(request, response, ProblemType.UNAUTHENTICATED,
					"The API token is unknown, expired or revoked, or its account is disabled");
			return;
		}
		var user = account.get();
		SignedInAccount.remember(user);
		var authorities = user.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
		proceedAs(new ApiTokenAuthentication(user.username(), authorities), request, response, chain);
	}

	/** Goes on with the request signed in as the token's holder, for this request only. */
	private static void proceedAs(ApiTokenAuthentication authentication, HttpServletRequest request,
			HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		} finally {
			SecurityContextHolder.clearContext();
		}
	}

	/** A system's token: authenticated by its own kind, and only for the paths that kind names. */
	private static void serviceToken(ServiceTokens kind, String secret, HttpServletRequest request,
			HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
		java.util.Optional<String> principal;
		try {
			principal = kind.authenticate(secret);
		} catch (org.springframework.dao.DataAccessException | org.springframework.transaction.TransactionException e) {
			log.warn("Could not check a {} token: {}", kind.authority(), e.getMostSpecificCause().getMessage());
			response.setHeader(HttpHeaders.RETRY_AFTER, "5");
			ProblemResponses.write(request, response, ProblemType.SERVICE_UNAVAILABLE, null);
			return;
		}
		if (principal.isEmpty()) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
			ProblemResponses.write(request, response, ProblemType.UNAUTHENTICATED, "The token is unknown or revoked");
			return;
		}
		var path = request.getRequestURI().substring(request.getContextPath().length());
		if (kind.pathPrefixes().stream().noneMatch(path::startsWith)) {
			ProblemResponses.write(request, response, ProblemType.FORBIDDEN,
					"This token may call only " + String.join(" and ", kind.pathPrefixes()));
			return;
		}
		proceedAs(new ApiTokenAuthentication(principal.get(),
				java.util.List.of(new SimpleGrantedAuthority(kind.authority()))), request, response, chain);
	}
}
