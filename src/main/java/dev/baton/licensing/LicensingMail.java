package dev.baton.licensing;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.baton.licensing.jdbc.LicensingRepository;
import dev.baton.platform.Words;

/**
 * Mails the licensee: each license file as it is issued, an overage notice, and at once when the
 * seats in use go beyond the plan's tolerance. The notification module's mail path addresses the
 * organisation's people only, and a licensee is a customer's admin, so licensing sends through the
 * same SMTP settings ({@code spring.mail.*}) itself. Each mail is claimed in the listener's
 * transaction before it is sent, so a redelivered event mails nobody twice; a failed send rolls the
 * claim back and the outbox delivers the event again.
 */
@Component
class LicensingMail {

	private static final Logger log = LoggerFactory.getLogger(LicensingMail.class);

	private final LicensingRepository repository;
	private final JavaMailSender sender;
	private final LicensingProperties properties;
	private final Clock clock;
	private final Words words;

	LicensingMail(LicensingRepository repository, ObjectProvider<JavaMailSender> senders, LicensingProperties properties,
			Clock clock, Words words) {
		this.words = words;
		this.repository = repository;
		this.sender = senders.getIfAvailable();
		this.properties = properties;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(LicenseIssued event) {
		if (event.licenseeEmail() == null || !"OFFLINE".equals(event.mode()) || sender == null) {
			return;
		}
		if (!repository.claimMailing(event.licenseId(), event.licenseeEmail(), clock.instant())) {
			return;
		}
		var file = repository.file(event.licenseId()).orElseThrow();
		send(event.licenseeEmail(), words.get("mail.license.subject", event.subscriptionVersion()),
				words.get("mail.license.text", String.valueOf(event.subscriptionId()), event.subscriptionVersion()) + "\n\n"
						+ file);
	}

	@ApplicationModuleListener
	void on(SeatOverageNoticed event) {
		var licensee = licenseeEmail(event.subscriptionId());
		if (licensee == null || sender == null || !repository.claimNoticeMailing(event.reconciliationId(), clock.instant())) {
			return;
		}
		var text = event.amount().amount().signum() == 0
				// the last quarter of a term: nothing of the term is left to charge
				? words.get("mail.overage.renewal", event.maxBillableUsers(), event.seatsPaid(), event.overage(),
						event.chargeAfter())
				: words.get("mail.overage.charge", event.maxBillableUsers(), event.seatsPaid(), event.overage(),
						event.amount().formatted(), event.chargeAfter());
		send(licensee, words.get("mail.overage.subject", event.overage()), text);
	}

	@ApplicationModuleListener
	void on(UpsellSignalRaised event) {
		if (event.cause() != UpsellSignal.Cause.OVER_TOLERANCE) {
			return;
		}
		var licensee = licenseeEmail(event.subscriptionId());
		if (licensee == null || sender == null || !repository.claimCustomerTold(event.signalId(), clock.instant())) {
			return;
		}
		send(licensee, words.get("mail.tolerance.subject"),
				words.get("mail.tolerance.text", event.subscriptionNumber(), event.evidence()));
	}

	private String licenseeEmail(dev.baton.subscription.SubscriptionId subscription) {
		return repository.latestOffline(subscription).flatMap(l -> repository.licensedOwner(subscription))
				.flatMap(repository::licensee).map(LicensingRepository.LicenseeRow::email).orElse(null);
	}

	private void send(String to, String subject, String text) {
		var mail = new SimpleMailMessage();
		mail.setFrom(properties.mailFrom());
		mail.setTo(to);
		mail.setSubject(subject);
		mail.setText(text + "\n\n-- \n" + words.get("mail.signature"));
		sender.send(mail);
		log.debug("Mailed '{}' to the licensee", subject);
	}
}
