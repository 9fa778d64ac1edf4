package dev.baton.notification;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.baton.identity.UserDirectory;
import dev.baton.identity.UserId;
import dev.baton.organisation.Organisation;
import dev.baton.platform.BatonException;
import dev.baton.platform.Page;

/**
 * The signed-in user's own inbox. A login without a person in the organisation (a partner, a
 * customer) has an empty one.
 */
@Service
class Inbox {

	private final InboxRepository repository;
	private final UserDirectory users;
	private final Organisation organisation;
	private final Clock clock;

	Inbox(InboxRepository repository, UserDirectory users, Organisation organisation, Clock clock) {
		this.repository = repository;
		this.users = users;
		this.organisation = organisation;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Page<Notification> list(String username, boolean unreadOnly, Page.Request request) {
		return personOf(username)
				.map(person -> new Page<>(repository.page(person, unreadOnly, request.offset(), request.size()),
						request.page(), request.size(), repository.count(person, unreadOnly)))
				.orElseGet(() -> new Page<>(List.of(), request.page(), request.size(), 0));
	}

	/**
	 * Marks one entry read. Someone else's entry is reported as not existing, so ids reveal nothing.
	 * Read marks are the reader's own bookkeeping, not business data, so they are not audited.
	 */
	@Transactional
	public void markRead(String username, NotificationId notificationId) {
		var id = notificationId.value();
		var person = personOf(username);
		if (person.isEmpty() || !repository.markRead(person.get(), id, clock.instant())) {
			throw BatonException.notFound("Notification", id);
		}
	}

	/** One of the user's own entries; empty for someone else's. */
	@Transactional(readOnly = true)
	public Optional<Notification> find(String username, NotificationId notificationId) {
		var id = notificationId.value();
		return personOf(username).flatMap(person -> repository.find(person, id));
	}

	@Transactional
	public int markAllRead(String username) {
		return personOf(username).map(person -> repository.markAllRead(person, clock.instant())).orElse(0);
	}

	private Optional<UUID> personOf(String username) {
		return users.findByUsername(username).flatMap(account -> organisation.personForUser(UserId.of(account.id())))
				.map(person -> person.id());
	}
}
