package dev.baton.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A web session ends after its idle timeout even while a page polls: the polls the pages send
 * in the background do not count as the person doing something; anything else does.
 */
class IdleSessionFilterTests {

	private static final Instant SIGNED_IN = Instant.parse("2026-11-23T09:00:00Z");
	private static final Duration TIMEOUT = Duration.ofHours(8);

	private final MockHttpSession session = new MockHttpSession();

	@BeforeEach
	void signedIn() {
		session.setMaxInactiveInterval((int) TIMEOUT.toSeconds());
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("sa", null,
				List.of(new SimpleGrantedAuthority("ROLE_SA"))));
		assertThat(send(SIGNED_IN, false, false).getStatus()).isEqualTo(200);
	}

	@AfterEach
	void signedOut() {
		SecurityContextHolder.clearContext();
	}

	private MockHttpServletResponse send(Instant at, boolean poll, boolean htmx) {
		var request = new MockHttpServletRequest("GET", poll ? "/inbox/bell" : "/board");
		request.setSession(session);
		if (poll) {
			request.addHeader(IdleSessionFilter.POLL_HEADER, "true");
		}
		if (htmx) {
			request.addHeader("HX-Request", "true");
		}
		var response = new MockHttpServletResponse();
		try {
			new IdleSessionFilter(Clock.fixed(at, ZoneOffset.UTC)).doFilter(request, response, new MockFilterChain());
		}
		catch (Exception e) {
			throw new AssertionError(e);
		}
		return response;
	}

	@Test
	void pollsAloneDoNotKeepASessionAlivePastItsIdleTimeout() {
		for (var hour = 1; hour < 8; hour++) {
			assertThat(send(SIGNED_IN.plus(Duration.ofHours(hour)), true, true).getStatus()).as("poll after %d h", hour)
					.isEqualTo(200);
		}

		var ended = send(SIGNED_IN.plus(TIMEOUT), true, true);

		assertThat(ended.getStatus()).isEqualTo(401);
		assertThat(ended.getHeader("HX-Redirect")).isEqualTo("/login?expired");
		assertThat(session.isInvalid()).isTrue();
		assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
	}

	@Test
	void whatThePersonDoesKeepsTheSessionAlive() {
		assertThat(send(SIGNED_IN.plus(Duration.ofHours(6)), false, false).getStatus()).isEqualTo(200);

		assertThat(send(SIGNED_IN.plus(Duration.ofHours(13)), true, true).getStatus()).as("7 hours after the last click")
				.isEqualTo(200);
		assertThat(session.isInvalid()).isFalse();
		var ended = send(SIGNED_IN.plus(Duration.ofHours(14)), false, false);
		assertThat(ended.getStatus()).as("a page load of an ended session is redirected").isEqualTo(302);
		assertThat(ended.getRedirectedUrl()).isEqualTo("/login?expired");
	}
}
