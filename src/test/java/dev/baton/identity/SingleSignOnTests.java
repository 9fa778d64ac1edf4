package dev.baton.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.test.context.ActiveProfiles;

import dev.baton.Http;

/**
 * OIDC single sign-on configured by properties: the login page offers it, the browser is sent to
 * the identity provider, and a returning user is mapped to the local account and its roles.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"spring.security.oauth2.client.registration.company.client-id=baton",
		"spring.security.oauth2.client.registration.company.client-secret=not-a-secret",
		"spring.security.oauth2.client.registration.company.client-name=Company SSO",
		"spring.security.oauth2.client.registration.company.authorization-grant-type=authorization_code",
		"spring.security.oauth2.client.registration.company.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
		"spring.security.oauth2.client.registration.company.scope=openid,email,profile",
		"spring.security.oauth2.client.provider.company.authorization-uri=http://127.0.0.1:9/authorize",
		"spring.security.oauth2.client.provider.company.token-uri=http://127.0.0.1:9/token",
		"spring.security.oauth2.client.provider.company.jwk-set-uri=http://127.0.0.1:9/jwks",
		"spring.security.oauth2.client.provider.company.user-info-uri=http://127.0.0.1:9/userinfo",
		"spring.security.oauth2.client.provider.company.user-name-attribute=sub" })
@ActiveProfiles("test")
class SingleSignOnTests {

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	@Autowired
	UserDirectory users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	private OidcAccountMapping mapping() {
		return new OidcAccountMapping(accounts, clock);
	}

	@Test
	void loginPageOffersTheConfiguredProvider() {
		var page = Http.to(port).get("/login");

		assertThat(page.body()).contains("Sign in with Company SSO").contains("/oauth2/authorization/company");
	}

	@Test
	void sendsTheBrowserToTheIdentityProvider() {
		var response = Http.browser(port).get("/oauth2/authorization/company");

		assertThat(response.status()).isEqualTo(302);
		assertThat(response.header("Location")).startsWith("http://127.0.0.1:9/authorize?")
				.contains("client_id=baton").contains("response_type=code").contains("scope=openid");
	}

	@Test
	void mapsAVerifiedEmailToTheLocalAccountAndItsRoles() {
		var mapped = mapping().map(oidcUser("sam.rivera@baton.example", true));

		assertThat(mapped.getName()).isEqualTo("sa");
		assertThat(mapped.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_SA");
	}

	@Test
	void refusesSomeoneWithoutALocalAccount() {
		var mapping = mapping();

		assertThatThrownBy(() -> mapping.map(oidcUser("stranger@elsewhere.example", true)))
				.isInstanceOf(OAuth2AuthenticationException.class).hasMessageContaining("No enabled and unlocked Baton account");
	}

	@Test
	void refusesAnUnverifiedEmail() {
		var mapping = mapping();

		assertThatThrownBy(() -> mapping.map(oidcUser("sam.rivera@baton.example", false)))
				.isInstanceOf(OAuth2AuthenticationException.class).hasMessageContaining("did not vouch");
	}

	@Test
	void refusesAnEmailWithoutTheVerifiedClaim() {
		var now = Instant.now();
		var token = new OidcIdToken("id-token", now, now.plusSeconds(300),
				Map.of("sub", "idp-123", "email", "sam.rivera@baton.example", "iss", "http://127.0.0.1:9"));

		assertThatThrownBy(() -> mapping().map(new DefaultOidcUser(List.of(), token)))
				.isInstanceOf(OAuth2AuthenticationException.class).hasMessageContaining("did not vouch");
	}

	@Test
	void refusesAnAccountLockedByWrongPasswords() {
		var username = "sso.locked." + UUID.randomUUID().toString().substring(0, 8);
		var account = users.create(new UserDirectory.NewUser(username, "Locked SSO user", username + "@baton.example",
				Set.of(Role.SA), "a long enough password"));
		assertThat(mapping().map(oidcUser(username + "@baton.example", true)).getName()).isEqualTo(username);

		jdbc.sql("UPDATE user_account SET locked_until = :until WHERE id = :id")
				.param("until", Timestamp.from(clock.instant().plus(Duration.ofMinutes(10)))).param("id", account.id())
				.update();

		assertThatThrownBy(() -> mapping().map(oidcUser(username + "@baton.example", true)))
				.isInstanceOf(OAuth2AuthenticationException.class).hasMessageContaining("unlocked");
	}

	private static DefaultOidcUser oidcUser(String email, boolean verified) {
		var now = Instant.now();
		var token = new OidcIdToken("id-token", now, now.plusSeconds(300),
				Map.of("sub", "idp-123", "email", email, "email_verified", verified, "iss", "http://127.0.0.1:9"));
		return new DefaultOidcUser(List.of(), token);
	}
}
