package dev.baton.identity;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.baton.platform.Idempotency;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The calling user's personal API tokens.
 */
@RestController
@RequestMapping("/api/v1/me/tokens")
@Tag(name = "API tokens")
class ApiTokensController {

	private final ApiTokenService tokens;

	ApiTokensController(ApiTokenService tokens) {
		this.tokens = tokens;
	}

	record TokenView(UUID id, String name, String prefix, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
			Instant revokedAt) {

		static TokenView of(ApiToken token) {
			return new TokenView(token.id(), token.name(), token.prefix(), token.createdAt(), token.expiresAt(),
					token.lastUsedAt(), token.revokedAt());
		}
	}

	record IssueToken(String name, Instant expiresAt) {
	}

	/** The issued token; {@code secret} is shown this once only. */
	record IssuedTokenView(UUID id, String name, String prefix, Instant createdAt, Instant expiresAt, String secret) {
	}

	@GetMapping
	@Operation(summary = "List your API tokens (never their secrets)")
	List<TokenView> list(Authentication authentication) {
		return tokens.list(authentication.getName()).stream().map(TokenView::of).toList();
	}

	@PostMapping
	@Operation(summary = "Issue an API token; the secret is in this answer only",
			description = "Needs a password login, not a token. Not replayable: the answer holds the secret, "
					+ "which Baton does not keep, so a retry with the same Idempotency-Key issues another token.")
	ResponseEntity<IssuedTokenView> issue(Authentication authentication, @RequestBody IssueToken request,
			HttpServletRequest servletRequest) {
		// the answer holds the secret, which Baton must not keep, not even for an idempotent replay
		Idempotency.doNotKeepAnswer(servletRequest);
		var issued = tokens.issue(authentication, request.name(), request.expiresAt());
		var token = issued.token();
		return ResponseEntity.created(URI.create("/api/v1/me/tokens/" + token.id())).body(new IssuedTokenView(
				token.id(), token.name(), token.prefix(), token.createdAt(), token.expiresAt(), issued.secret()));
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Revoke one of your API tokens")
	ResponseEntity<Void> revoke(Authentication authentication, @PathVariable UUID id) {
		tokens.revoke(authentication.getName(), id);
		return ResponseEntity.noContent().build();
	}
}
