package dev.baton.notification;


import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.baton.platform.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The calling user's in-app notifications; everyone signed in, for their own only.
 */
@RestController
@RequestMapping("/api/v1/me/notifications")
@Tag(name = "Notifications")
@PreAuthorize("isAuthenticated()")
class InboxController {

	private final Inbox inbox;

	InboxController(Inbox inbox) {
		this.inbox = inbox;
	}

	@GetMapping
	@Operation(summary = "List your notifications, newest first; unreadOnly=true for the unread ones")
	Page<Notification> list(Authentication authentication, @RequestParam(defaultValue = "false") boolean unreadOnly,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return inbox.list(authentication.getName(), unreadOnly, new Page.Request(page, size));
	}

	@PostMapping("/{id}/read")
	@Operation(summary = "Mark one of your notifications read")
	ResponseEntity<Void> read(Authentication authentication, @PathVariable NotificationId id) {
		inbox.markRead(authentication.getName(), id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/read-all")
	@Operation(summary = "Mark all your notifications read")
	ResponseEntity<Void> readAll(Authentication authentication) {
		inbox.markAllRead(authentication.getName());
		return ResponseEntity.noContent().build();
	}
}
