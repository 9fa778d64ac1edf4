package dev.baton.notification;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.baton.organisation.CallContext;
import dev.baton.organisation.CallContexts;
import dev.baton.organisation.Person;
import dev.baton.platform.Page;
import dev.baton.platform.Words;

/**
 * The inbox in the web UI: the signed-in person's notifications, newest first, each opened (and
 * so marked read) or marked read on its own, or all at once; the bell in the navigation counts
 * the unread ones ({@link InboxBell}). The same inbox as {@code /api/v1/me/notifications}.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class InboxPages {

	static final int PAGE_SIZE = 25;

	private final Inbox inbox;
	private final CallContexts callers;
	private final Words words;
	private final String baseUrl;

	InboxPages(Inbox inbox, CallContexts callers, Words words, NotificationProperties properties) {
		this.inbox = inbox;
		this.callers = callers;
		this.words = words;
		this.baseUrl = properties.baseUrl();
	}

	/** One notification as the page shows it. */
	record Entry(UUID id, String title, String body, String href, String when, boolean unread) {
	}

	@GetMapping("/inbox")
	String inbox(Authentication authentication, @RequestParam(defaultValue = "false") boolean unread,
			@RequestParam(defaultValue = "0") int page, Model model) {
		var zone = callers.currentIfAny().flatMap(CallContext::personIfAny).map(Person::timeZone).orElse(ZoneOffset.UTC);
		var found = inbox.list(authentication.getName(), unread,
				new Page.Request(Math.max(0, Math.min(page, 10_000)), PAGE_SIZE));
		model.addAttribute("entries", found.items().stream().map(n -> entry(n, zone)).toList());
		model.addAttribute("unreadOnly", unread);
		model.addAttribute("page", found.page());
		model.addAttribute("total", found.totalItems());
		model.addAttribute("hasNext", (long) (found.page() + 1) * PAGE_SIZE < found.totalItems());
		return "inbox/inbox";
	}

	/** The bell alone, which the navigation refreshes every minute. */
	@GetMapping("/inbox/bell")
	String bell() {
		return "fragments/layout :: bell";
	}

	/** Opens a notification: marks it read and goes where it points. */
	@PostMapping("/inbox/{id}/open")
	String open(Authentication authentication, @PathVariable NotificationId id) {
		inbox.markRead(authentication.getName(), id);
		var link = inbox.find(authentication.getName(), id).map(n -> href(n, baseUrl)).orElse("/inbox");
		return "redirect:" + link;
	}

	@PostMapping("/inbox/{id}/read")
	String read(Authentication authentication, @PathVariable NotificationId id, @RequestParam(defaultValue = "false") boolean unread,
			RedirectAttributes redirect) {
		inbox.markRead(authentication.getName(), id);
		redirect.addFlashAttribute("flash", words.get("inbox.marked-one"));
		return unread ? "redirect:/inbox?unread=true" : "redirect:/inbox";
	}

	@PostMapping("/inbox/read-all")
	String readAll(Authentication authentication, RedirectAttributes redirect) {
		var marked = inbox.markAllRead(authentication.getName());
		redirect.addFlashAttribute("flash", words.get("inbox.marked-all", marked));
		return "redirect:/inbox";
	}

	private Entry entry(Notification notification, ZoneId zone) {
		return new Entry(notification.id(), notification.title(), notification.body(), href(notification, baseUrl),
				words.dayTime(notification.createdAt(), zone), notification.readAt() == null);
	}

	/**
	 * Where a notification points, on this server: its request's page, else its link as a path
	 * (links are stored absolute, under {@code baseUrl}, for e-mail and chat). Anything that would
	 * leave this server is the inbox instead: another host, and paths a browser reads as one
	 * (two leading slashes, or a backslash, which browsers take for a slash).
	 */
	static String href(Notification notification, String baseUrl) {
		if (notification.requestId() != null) {
			return "/requests/" + notification.requestId();
		}
		var link = notification.link() == null ? "" : notification.link().strip();
		if (!baseUrl.isEmpty() && link.startsWith(baseUrl)) {
			link = link.substring(baseUrl.length());
		}
		var onThisServer = link.startsWith("/") && !link.startsWith("//") && link.indexOf('\\') < 0
				&& link.chars().noneMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c));
		return onThisServer ? link : "/inbox";
	}
}
