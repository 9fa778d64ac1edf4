package dev.baton.identity;

import java.net.URI;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.baton.platform.BatonException;
import dev.baton.platform.Page;
import dev.baton.platform.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * User accounts: administrators manage them, everyone sees and secures their own.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Users")
class UsersController {

	private final UserDirectory users;

	UsersController(UserDirectory users) {
		this.users = users;
	}

	record UserView(UUID id, String username, String displayName, String email, Set<Role> roles, boolean enabled,
			Instant lockedUntil, int version, Instant createdAt, Instant updatedAt) {

		static UserView of(UserAccount account) {
			return new UserView(account.id(), account.username(), account.displayName(), account.email(),
					account.roles(), account.enabled(), account.lockedUntil(), account.version(), account.createdAt(),
					account.updatedAt());
		}
	}

	record CreateUser(String username, String displayName, String email, Set<Role> roles, String password) {
	}

	record UpdateUser(String displayName, String email, Set<Role> roles, Boolean enabled) {
	}

	record ChangePassword(String currentPassword, String newPassword) {
	}

	@GetMapping("/users")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "List user accounts, a page at a time")
	Page<UserView> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return users.list(new Page.Request(page, size)).map(UserView::of);
	}

	@PostMapping("/users")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Open an account; honours Idempotency-Key")
	ResponseEntity<UserView> create(@RequestBody CreateUser request) {
		var account = users.create(new UserDirectory.NewUser(request.username(), request.displayName(), request.email(),
				request.roles(), request.password()));
		return ResponseEntity.created(URI.create("/api/v1/users/" + account.id()))
				.eTag(Versions.etag(account.version())).body(UserView.of(account));
	}

	@GetMapping("/users/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Read an account; the ETag is its version")
	ResponseEntity<UserView> get(@PathVariable UserId id) {
		var account = users.find(id);
		return ResponseEntity.ok().eTag(Versions.etag(account.version())).body(UserView.of(account));
	}

	@PutMapping("/users/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Change name, e-mail, roles or enabled; needs If-Match")
	ResponseEntity<UserView> update(@PathVariable UserId id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestBody UpdateUser request) {
		var expected = Versions.expectedVersion(ifMatch);
		if (request.enabled() == null) {
			throw BatonException.invalid("enabled", "is required");
		}
		var account = users.update(id, new UserDirectory.UserChange(request.displayName(), request.email(),
				request.roles(), request.enabled()), expected);
		return ResponseEntity.ok().eTag(Versions.etag(account.version())).body(UserView.of(account));
	}

	@GetMapping("/me")
	@Operation(summary = "The calling user's account")
	UserView me(Authentication authentication) {
		return users.findByUsername(authentication.getName()).map(UserView::of)
				.orElseThrow(() -> BatonException.notFound("User", authentication.getName()));
	}

	@PutMapping("/me/password")
	@Operation(summary = "Change your own password")
	ResponseEntity<Void> changePassword(Authentication authentication, @RequestBody ChangePassword request) {
		users.changePassword(authentication.getName(), request.currentPassword(), request.newPassword());
		return ResponseEntity.noContent().build();
	}
}
