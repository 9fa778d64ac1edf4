package dev.baton.notification;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.thymeleaf.context.LazyContextVariable;

import dev.baton.organisation.CallContext;
import dev.baton.organisation.CallContexts;

/**
 * Puts the bell's unread count in every page's model, counted only when a page's navigation
 * shows it (a lazy variable: an htmx fragment or an API answer reads nothing), in one statement
 * on the person's unread index.
 */
@ControllerAdvice
class InboxBell {

	private final InboxRepository repository;
	private final CallContexts callers;

	InboxBell(InboxRepository repository, CallContexts callers) {
		this.repository = repository;
		this.callers = callers;
	}

	@ModelAttribute("inboxUnread")
	LazyContextVariable<Long> unread() {
		return new LazyContextVariable<>() {
			@Override
			protected Long loadValue() {
				return callers.currentIfAny().flatMap(CallContext::personIfAny)
						.map(person -> repository.count(person.id(), true)).orElse(0L);
			}
		};
	}
}
