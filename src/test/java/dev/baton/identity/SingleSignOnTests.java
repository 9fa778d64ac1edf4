package dev.baton.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
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
		var mapped = new OidcAccountMapping(accounts).map(oidcUser("sam.rivera@baton.example", true));

		assertThat(mapped.getName()).isEqualTo("sa");
		assertThat(mapped.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_SA");
	}

	@Test
	void refusesSomeoneWithoutALocalAccount() {
		var mapping = new OidcAccountMapping(accounts);

		assertThatThrownBy(() -> mapping.map(oidcUser("stranger@elsewhere.example", true)))
				.isInstanceOf(OAuth2AuthenticationException.class).hasMessageContaining("No enabled Baton account");
	}

	@Test
	void refusesAnUnverifiedEmail() {
		var mapping = new OidcAccountMapping(accounts);

		assertThatThrownBy(() -> mapping.map(oidcUser("sam.rivera@baton.example", false)))
				.isInstanceOf(OAuth2AuthenticationException.class).hasMessageContaining("did not vouch");
	}

	private static DefaultOidcUser oidcUser(String email, boolean verified) {
		var now = Instant.now();
		var token = new OidcIdToken("id-token", now, now.plusSeconds(300),
				Map.of("sub", "idp-123", "email", email, "email_verified", verified, "iss", "http://127.0.0.1:9"));
		return new DefaultOidcUser(List.of(), token);
	}
}
