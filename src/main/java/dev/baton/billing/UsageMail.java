package dev.baton.billing;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.baton.billing.jdbc.PaymentRepository;
import dev.baton.catalog.Rating;
import dev.baton.platform.Words;
import dev.baton.usage.UsageThresholdReached;

/**
 * Mails the customer's billing contact when its account nears the end of what it may use of a meter
 * this period (30%, 5% and 0% left), as billing mails its invoices: claimed by its key before it is
 * sent, so a redelivered event mails nobody twice. Without a mail server or a billing contact
 * nothing is sent; the customer sees the notices in the portal either way.
 */
@Component
class UsageMail {

	private static final Logger log = LoggerFactory.getLogger(UsageMail.class);

	private final PaymentRepository payments;
	private final JavaMailSender sender;
	private final BillingProperties properties;
	private final Clock clock;
	private final Words words;

	UsageMail(PaymentRepository payments, ObjectProvider<JavaMailSender> senders, BillingProperties properties,
			Clock clock, Words words) {
		this.words = words;
		this.payments = payments;
		this.sender = senders.getIfAvailable();
		this.properties = properties;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(UsageThresholdReached reached) {
		if (sender == null || reached.accountId() == null) {
			return;
		}
		var contact = payments.contact(reached.accountId());
		var key = "usage:" + reached.subject() + ":" + reached.meterCode() + ":" + reached.period() + ":"
				+ reached.thresholdPercent();
		if (contact.isEmpty() || !payments.claimMail(key, contact.get().email(), clock.instant())) {
			return;
		}
		var subject = reached.thresholdPercent() == 0
				? words.get("mail.usage.none-left.subject", reached.meterName(), reached.period())
				: words.get("mail.usage.left.subject", reached.meterName(), reached.thresholdPercent(), reached.period());
		var text = reached.thresholdPercent() == 0
				? words.get("mail.usage.none-left.text", Rating.number(reached.available()), reached.unit(), reached.period())
				: words.get("mail.usage.left.text", Rating.number(reached.remaining()), Rating.number(reached.available()),
						reached.unit(), reached.period());
		var mail = new SimpleMailMessage();
		mail.setFrom(properties.mailFrom());
		mail.setTo(contact.get().email());
		mail.setSubject(subject);
		mail.setText(BillingMail.letter(words, contact.get().name(), text));
		sender.send(mail);
		log.debug("Mailed '{}' to the billing contact of account {}", subject, reached.accountId());
	}
}
