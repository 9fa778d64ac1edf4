package dev.baton.notification;

import java.util.Optional;
import java.util.UUID;

import dev.baton.organisation.Organisation;
import dev.baton.organisation.Person;
import dev.baton.organisation.PersonId;

/**
 * What the listeners that tell named people about another module's events share: who a person is,
 * the notifier that carries out a plan, and where the links in a message point.
 */
abstract class PersonListeners {

	protected final Organisation organisation;
	protected final Notifier notifier;
	protected final String baseUrl;

	PersonListeners(Organisation organisation, Notifier notifier, NotificationProperties properties) {
		this.organisation = organisation;
		this.notifier = notifier;
		this.baseUrl = properties.baseUrl();
	}

	/** The person, when the event names one that still exists. */
	protected Optional<Person> person(UUID id) {
		return id == null ? Optional.empty() : organisation.findPerson(PersonId.of(id));
	}
}
