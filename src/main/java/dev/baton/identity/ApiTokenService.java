package dev.baton.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.baton.audit.AuditLog;
import dev.baton.platform.BatonException;
import dev.baton.platform.ProblemType;

/**
 * Issues, lists, revokes and checks personal API tokens. The secret is shown once, at issue;
 * Baton keeps only its SHA-256, which is enough for a 256-bit random secret.
 */
@Service
class ApiTokenService {

	static final String PREFIX = "bat_";

	private final ApiTokens tokens;
	private final UserAccounts accounts;
	private final AuditLog audit;
	private final Clock clock;
	private final IdentityProperties properties;
	private final SecureRandom random = new SecureRandom();

	ApiTokenService(ApiTokens tokens, UserAccounts accounts, AuditLog audit, Clock clock, IdentityProperties properties) {
		this.tokens = tokens;
		this.accounts = accounts;
		this.audit = audit;
		this.clock = clock;
		this.properties = properties;
	}

	/** A freshly issued token with its secret, which is never shown again. */
	record IssuedToken(ApiToken token, String secret) {
	}

	/**
	 * Issues a token to the caller. A caller signed in with a token is refused: a leaked
	 * short-lived token must not be able to mint a long-lived one.
	 */
	@Transactional
	IssuedToken issue(Authentication caller, String name, Instant expiresAt) {
		if (caller instanceof ApiTokenAuthentication) {
			throw new BatonException(ProblemType.FORBIDDEN, "An API token cannot issue API tokens; "
					+ "sign in with your password (HTTP Basic) or in the web UI to issue one");
		}
		var username = caller.getName();
		var account = accounts.findByUsername(username).orElseThrow(() -> BatonException.notFound("User", username));
		if (name == null || name.isBlank() || name.length() > 100) {
			throw BatonException.invalid("name", "must be 1 to 100 characters");
		}
		if (UserDirectory.hasControlCharacters(name)) {
			throw BatonException.invalid("name", UserDirectory.NO_CONTROL_CHARACTERS);
		}
		var now = clock.instant();
		if (expiresAt != null && !expiresAt.isAfter(now)) {
			throw BatonException.invalid("expiresAt", "must be in the future");
		}
		var latest = now.plus(properties.tokenMaxLifetime());
		if (expiresAt != null && expiresAt.isAfter(latest)) {
			throw BatonException.invalid("expiresAt", "must be at most " + properties.tokenMaxLifetime().toDays()
					+ " days from now");
		}
		var bytes = new byte[32];
		random.nextBytes(bytes);
		var secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		var token = new ApiToken(UUID.randomUUID(), account.id(), name.strip(), secret.substring(0, 12), now,
				expiresAt == null ? latest : expiresAt, null, null);
		tokens.insert(token, hash(secret));
		audit.record("api-token.issued", "api-token", token.id(), null,
				Map.of("name", token.name(), "owner", account.username(), "expiresAt", token.expiresAt().toString()));
		return new IssuedToken(token, secret);
	}

	@Transactional(readOnly = true)
	List<ApiToken> list(String username) {
		var account = accounts.findByUsername(username).orElseThrow(() -> BatonException.notFound("User", username));
		return tokens.findByUser(account.id());
	}

	/** Revokes one of the user's own tokens; revoking twice is harmless. */
	@Transactional
	void revoke(String username, UUID tokenId) {
		var account = accounts.findByUsername(username).orElseThrow(() -> BatonException.notFound("User", username));
		var token = tokens.findById(tokenId).filter(t -> t.userId().equals(account.id()))
				.orElseThrow(() -> BatonException.notFound("API token", tokenId));
		if (tokens.revoke(token.id(), clock.instant())) {
			audit.record("api-token.revoked", "api-token", token.id(), null, Map.of("name", token.name()));
		}
	}

	/** The account an active token belongs to, if the secret is one. */
	@Transactional
	Optional<UserAccount> authenticate(String secret) {
		if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
			return Optional.empty();
		}
		var now = clock.instant();
		return tokens.findByHash(hash(secret)).filter(t -> t.isActiveAt(now)).flatMap(token -> {
			tokens.touch(token.id(), now);
			return accounts.findById(token.userId());
		}).filter(account -> account.enabled() && !account.isLockedAt(now));
	}

	static String hash(String secret) {
		try {
			return HexFormat.of().formatHex(
					MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every JDK", e);
		}
	}
}
