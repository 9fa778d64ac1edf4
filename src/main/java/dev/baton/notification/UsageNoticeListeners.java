package dev.baton.notification;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

import dev.baton.organisation.Organisation;
import dev.baton.organisation.Person;
import dev.baton.organisation.PersonId;
import dev.baton.platform.BatonException;
import dev.baton.platform.Words;
import dev.baton.usage.UsageThresholdReached;

/**
 * Tells the owner AE when a customer nears the end of what it may use of a meter (30%, 5% and 0%
 * left this period): an up-sell signal, by inbox and e-mail, once per notice.
 */
@Component
class UsageNoticeListeners {

	private final Organisation organisation;
	private final Notifier notifier;
	private final String baseUrl;
	private final Words words;

	UsageNoticeListeners(Organisation organisation, Notifier notifier, NotificationProperties properties, Words words) {
		this.words = words;
		this.organisation = organisation;
		this.notifier = notifier;
		this.baseUrl = properties.baseUrl();
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(UsageThresholdReached event) {
		var owner = person(event.ownerId());
		if (owner.isEmpty()) {
			return;
		}
		var about = UUID.nameUUIDFromBytes((event.subject() + "\n" + event.meterCode()).getBytes(StandardCharsets.UTF_8));
		var plan = new Plan(EventKey.of("usage-threshold", about, event.period(), event.thresholdPercent()), null);
		var title = event.thresholdPercent() == 0
				? words.get("notice.usage.title.none-left", event.accountName(), event.meterName())
				: words.get("notice.usage.title.left", event.accountName(), event.thresholdPercent(), event.meterName());
		var body = event.subscriptionNumber() == null
				? words.get("notice.usage.body", event.accountName(), event.subject(), event.period(),
						number(event.remaining()), number(event.available()), event.unit())
				: words.get("notice.usage.body-subscription", event.accountName(), event.subject(),
						event.subscriptionNumber(), event.period(), number(event.remaining()), number(event.available()),
						event.unit());
		var message = new Message(title, body,
				baseUrl + "/usage/accounts/" + java.net.URLEncoder.encode(event.subject(), StandardCharsets.UTF_8));
		plan.inbox(owner.get().id(), message).email(owner.get().id(), message);
		notifier.carryOut(plan);
	}

	private static String number(java.math.BigDecimal value) {
		var format = java.text.NumberFormat.getNumberInstance(java.util.Locale.US);
		format.setMaximumFractionDigits(6);
		return format.format(value);
	}

	private Optional<Person> person(UUID id) {
		if (id == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(organisation.person(PersonId.of(id)));
		}
		catch (BatonException e) {
			return Optional.empty();
		}
	}
}
