package dev.baton.identity;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;

/**
 * Two ways in: the API (tokens or HTTP Basic, stateless, Problem Details on refusal) and the web
 * UI (form login or OIDC, session, CSRF). What each role may do is declared on the endpoints.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
			+ "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/** Username and password, for the login form and HTTP Basic, throttled. */
	@Bean
	AuthenticationProvider passwordLogin(LoginThrottle throttle, PasswordEncoder passwords) {
		return new PasswordLogin(throttle, passwords);
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, ApiTokenService tokens, java.util.List<ServiceTokens> serviceTokens)
			throws Exception {
		var problems = new ProblemSecurityHandlers();
		http.securityMatcher("/api/**", "/actuator/**")
				.authorizeHttpRequests(requests -> requests
						.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
						// calendar apps cannot log in: the feed address carries a secret (governance checks it)
						.requestMatchers("/api/v1/calendar-feeds/*").permitAll()
						// self-managed instances have no login: the activation code and their signature stand for one
						.requestMatchers(org.springframework.http.HttpMethod.GET, "/api/v1/licensing/keys").permitAll()
						.requestMatchers(org.springframework.http.HttpMethod.POST, "/api/v1/licensing/activations",
								"/api/v1/licensing/seat-reports").permitAll()
						.requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
						.anyRequest().authenticated())
				.csrf(csrf -> csrf.disable())
				.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.requestCache(cache -> cache.disable())
				.httpBasic(basic -> basic.authenticationEntryPoint(problems))
				.addFilterBefore(new ApiTokenAuthenticationFilter(tokens, serviceTokens), BasicAuthenticationFilter.class)
				.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems)
						.accessDeniedHandler(problems))
				.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain webSecurity(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> registrations,
			UserAccounts accounts, Clock clock) throws Exception {
		// one failure page for every refused login, so that it does not tell which usernames exist
		var failure = new SimpleUrlAuthenticationFailureHandler("/login?error");
		var contexts = new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(),
				new HttpSessionSecurityContextRepository());
		http.authorizeHttpRequests(requests -> requests
						.requestMatchers("/login", "/error", "/problems", "/problems/**", "/webjars/**", "/css/**",
								"/js/**", "/favicon.ico", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
								"/swagger-ui/**")
						.permitAll()
						.anyRequest().authenticated())
				.securityContext(context -> context.securityContextRepository(contexts))
				// a session idle for its timeout ends even while a page polls; then its account is read again
				.addFilterBefore(new IdleSessionFilter(Clock.systemUTC()), AuthorizationFilter.class)
				.addFilterBefore(new SessionAccountFilter(accounts, clock, contexts), AuthorizationFilter.class)
				// htmx would follow a redirect to the login page and swap it into the page
				.exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(new SessionEnd(),
						new RequestHeaderRequestMatcher("HX-Request", "true")))
				.formLogin(form -> form.loginPage("/login").failureHandler(failure).permitAll())
				.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
				.headers(headers -> headers
						.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
						.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
						.permissionsPolicyHeader(permissions -> permissions.policy("camera=(), microphone=(), geolocation=()")));
		if (registrations.getIfAvailable() != null) {
			http.oauth2Login(oauth -> oauth.loginPage("/login").failureHandler(failure)
					.userInfoEndpoint(userInfo -> userInfo.oidcUserService(new OidcAccountMapping(accounts, clock))));
		}
		return http.build();
	}
}
