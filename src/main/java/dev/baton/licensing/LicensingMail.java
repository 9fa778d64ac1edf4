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

	LicensingMail(LicensingRepository repository, ObjectProvider<JavaMailSender> senders, LicensingProperties properties,
			Clock clock) {
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
		send(event.licenseeEmail(), "Your license file, version " + event.subscriptionVersion(),
				"Your self-managed license for subscription " + event.subscriptionId() + " (version "
						+ event.subscriptionVersion() + ") is below. Save it as baton.license, exactly as it is.\n\n" + file);
	}

	@ApplicationModuleListener
	void on(SeatOverageNoticed event) {
		var licensee = licenseeEmail(event.subscriptionId());
		if (licensee == null || sender == null || !repository.claimNoticeMailing(event.reconciliationId(), clock.instant())) {
			return;
		}
		var then = event.amount().amount().signum() == 0
				// the last quarter of a term: nothing of the term is left to charge
				? " will be added to your renewed subscription, and billed with it, no sooner than "
				: " will be charged (" + event.amount().formatted() + ") and added to your subscription no sooner than ";
		send(licensee, "Seat reconciliation: " + event.overage() + " seats above your subscription",
				"Your instances reported up to " + event.maxBillableUsers() + " billable users against "
						+ event.seatsPaid() + " seats paid. The " + event.overage() + " seats above" + then
						+ event.chargeAfter() + ". Contact your account team before then with any question.");
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
		send(licensee, "Seats in use beyond your subscription's tolerance",
				"Subscription " + event.subscriptionNumber() + ": " + event.evidence() + ". This is beyond the "
						+ "tolerance of your plan: your next license blocks changes until the seats are reconciled.");
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
		mail.setText(text + "\n\n-- \nSent by Baton.");
		sender.send(mail);
		log.debug("Mailed '{}' to the licensee", subject);
	}
}
