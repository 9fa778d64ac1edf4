package dev.baton.identity;

import java.io.IOException;
import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Keeps a web session true to its account: the roles captured at login would otherwise last as
 * long as the session. On every request it reads the signed-in account again; a missing,
 * disabled or locked account ends the session, changed roles replace the session's.
 */
final class SessionAccountFilter extends OncePerRequestFilter {

	static final String EXPIRED_PAGE = "/login?expired";

	private static final Logger log = LoggerFactory.getLogger(SessionAccountFilter.class);
	private static final String ROLE_PREFIX = "ROLE_";

	private final UserAccounts accounts;
	private final Clock clock;
	private final SecurityContextRepository contexts;
	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	SessionAccountFilter(UserAccounts accounts, Clock clock, SecurityContextRepository contexts) {
		this.accounts = accounts;
		this.clock = clock;
		this.contexts = contexts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var authentication = holder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			chain.doFilter(request, response);
			return;
		}
		var account = accounts.findByUsername(authentication.getName());
		if (account.isEmpty() || !account.get().enabled() || account.get().isLockedAt(clock.instant())) {
			log.info("Ended the session of {}: the account is {}", authentication.getName(),
					account.isEmpty() ? "gone" : account.get().enabled() ? "locked" : "disabled");
			var session = request.getSession(false);
			if (session != null) {
				session.invalidate();
			}
			holder.clearContext();
			SessionEnd.answer(request, response, EXPIRED_PAGE);
			return;
		}
		SignedInAccount.remember(account.get());
		var roles = account.get().roles().stream().map(Role::authority).collect(Collectors.toSet());
		if (!roles.equals(roleAuthorities(authentication))) {
			log.info("Roles of {} changed to {} during the session", authentication.getName(), roles);
			var refreshed = authentication.toBuilder().authorities(authorities -> {
				// other authorities (FACTOR_PASSWORD, OIDC scopes) say how the user signed in: keep them
				authorities.removeIf(SessionAccountFilter::isRole);
				roles.forEach(role -> authorities.add(new SimpleGrantedAuthority(role)));
			}).build();
			var context = holder.createEmptyContext();
			context.setAuthentication(refreshed);
			holder.setContext(context);
			contexts.saveContext(context, request, response);
		}
		chain.doFilter(request, response);
	}

	private static Set<String> roleAuthorities(Authentication authentication) {
		return authentication.getAuthorities().stream().filter(SessionAccountFilter::isRole)
				.map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
	}

	private static boolean isRole(GrantedAuthority authority) {
		return authority.getAuthority() != null && authority.getAuthority().startsWith(ROLE_PREFIX);
	}
}
