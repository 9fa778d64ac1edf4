package dev.baton.identity;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Ends a web session that was idle for its timeout even while a page polls. Every request,
 * polls included, keeps Spring Session's own clock going; so the session also remembers when
 * its person last did something, and a poll ({@value #POLL_HEADER}, which the pages' polls send)
 * does not count as that.
 */
final class IdleSessionFilter extends OncePerRequestFilter {

	/** The header the pages' background polls send (the bell, the board, the request clock). */
	static final String POLL_HEADER = "X-Baton-Poll";
	/** When the session's person last did something, in epoch milliseconds. */
	static final String LAST_ACTIVITY = "baton.last-activity";
	/**
	 * How stale the remembered activity may get before it is written again: writing it on every
	 * request would cost a statement per page; so a session ends up to this much before its timeout.
	 */
	static final Duration GRANULARITY = Duration.ofMinutes(10);

	private static final Logger log = LoggerFactory.getLogger(IdleSessionFilter.class);

	private final Clock clock;
	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	/**
	 * @param clock the wall clock, as Spring Session's own: the application's clock, which tests
	 *        move by days, is business time, not how long someone has been away
	 */
	IdleSessionFilter(Clock clock) {
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var session = request.getSession(false);
		var authentication = holder.getContext().getAuthentication();
		if (session == null || session.getMaxInactiveInterval() <= 0 || authentication == null
				|| !authentication.isAuthenticated() || authentication instanceof AnonymousAuthenticationToken) {
			chain.doFilter(request, response);
			return;
		}
		var now = clock.millis();
		var last = session.getAttribute(LAST_ACTIVITY) instanceof Long millis ? millis : null;
		if (last != null && now - last >= session.getMaxInactiveInterval() * 1000L) {
			log.info("Ended the session of {}: idle since {}", authentication.getName(), java.time.Instant.ofEpochMilli(last));
			session.invalidate();
			holder.clearContext();
			SessionEnd.answer(request, response, SessionAccountFilter.EXPIRED_PAGE);
			return;
		}
		var poll = "true".equals(request.getHeader(POLL_HEADER));
		if (last == null || !poll && now - last >= GRANULARITY.toMillis()) {
			session.setAttribute(LAST_ACTIVITY, now);
		}
		chain.doFilter(request, response);
	}
}
