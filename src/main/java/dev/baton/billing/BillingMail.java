package dev.baton.billing;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.baton.billing.jdbc.InvoiceRepository;
import dev.baton.billing.jdbc.PaymentRepository;
import dev.baton.platform.Money;
import dev.baton.platform.Words;

/**
 * Mails the invoice owner's billing contact: each invoice as it is finalized, a receipt for each
 * payment, a declined card, and the dunning reminders, suspension and cancellation notices. The
 * billing contact is a customer's accounts-payable address, not one of the organisation's people,
 * so billing sends through the SMTP settings ({@code spring.mail.*}) itself, as licensing does.
 * Each mail is claimed by its key in the listener's transaction before it is sent: a redelivered
 * event mails nobody twice, and a failed send rolls the claim back so the outbox delivers the event
 * again. Without a mail server or a billing contact nothing is sent. The words come from the
 * message bundle, in English while billing contacts have no language of their own.
 */
@Component
class BillingMail {

	private static final Logger log = LoggerFactory.getLogger(BillingMail.class);

	private final PaymentRepository payments;
	private final InvoiceRepository invoices;
	private final JavaMailSender sender;
	private final BillingProperties properties;
	private final Clock clock;
	private final InvoiceDocuments documents;
	private final Words words;

	BillingMail(PaymentRepository payments, InvoiceRepository invoices, ObjectProvider<JavaMailSender> senders,
			BillingProperties properties, Clock clock, InvoiceDocuments documents, Words words) {
		this.documents = documents;
		this.words = words;
		this.payments = payments;
		this.invoices = invoices;
		this.sender = senders.getIfAvailable();
		this.properties = properties;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(InvoiceFinalized finalized) {
		var invoice = invoices.find(finalized.invoiceId()).orElseThrow();
		if (invoice.total().signum() <= 0) {
			return;
		}
		var text = new StringBuilder(words.get("mail.invoice.intro", finalized.number(), finalized.issuedOn(),
				finalized.total().formatted(), finalized.dueOn())).append("\n\n");
		for (var line : invoice.lines()) {
			text.append("  ").append(line.subscriptionNumber()).append("  ").append(line.explanation()).append("  ")
					.append(Money.of(line.amount(), invoice.currency()).formatted()).append('\n');
		}
		if (invoice.tax().signum() != 0 || !invoice.taxByRate().isEmpty()) {
			text.append("\n  ").append(words.get("mail.invoice.subtotal")).append("  ").append(Money.of(invoice.subtotal(), invoice.currency()).formatted()).append('\n');
			invoice.taxByRate().forEach((rate, amount) -> text.append("  ").append(rate).append("  ")
					.append(Money.of(amount, invoice.currency()).formatted()).append('\n'));
		}
		text.append('\n').append(words.get("mail.invoice.pay", finalized.number()));
		text.append('\n').append(words.get("mail.invoice.attached"));
		mail("invoice:" + finalized.invoiceId(), finalized.invoiceOwnerAccountId(),
				words.get("mail.invoice.subject", finalized.number(), finalized.total().formatted(), finalized.dueOn()),
				text.toString(), () -> new Attachment(InvoiceDocuments.filename(invoice), documents.pdf(invoice.id())));
	}

	/** A file mailed with the text. */
	private record Attachment(String filename, byte[] content) {
	}

	@ApplicationModuleListener
	void on(PaymentRecorded recorded) {
		var invoice = invoices.find(recorded.invoiceId()).orElseThrow();
		var left = Money.of(invoice.due(), invoice.currency()).formatted();
		if (recorded.status() == PaymentStatus.SUCCEEDED) {
			mail("receipt:" + recorded.paymentId(), recorded.accountId(),
					words.get("mail.receipt.subject", recorded.amount().formatted(), recorded.invoiceNumber()),
					words.get("mail.receipt.text", recorded.amount().formatted(), words.of(recorded.method()),
							recorded.invoiceNumber()) + " " + (invoice.due().signum() > 0 ? words.get("mail.receipt.owed", left)
									: words.get("mail.receipt.paid")));
		}
		else if (recorded.status() == PaymentStatus.FAILED) {
			mail("declined:" + recorded.paymentId(), recorded.accountId(),
					words.get("mail.declined.subject", recorded.invoiceNumber()),
					words.get("mail.declined.text", recorded.amount().formatted(), recorded.invoiceNumber(),
							recorded.failure(), left));
		}
	}

	@ApplicationModuleListener
	void on(DunningStepTaken step) {
		var letter = dunning(words, step);
		if (letter != null) {
			mail("dunning:" + step.invoiceId() + ":" + step.action() + ":" + step.position(), step.invoiceOwnerAccountId(),
					letter.subject(), letter.text());
		}
	}

	/** A mail's subject and text, before the greeting and the signature. */
	record Letter(String subject, String text) {
	}

	/** What a dunning step tells the billing contact; nothing for a retry that charged a card. */
	static Letter dunning(Words words, DunningStepTaken step) {
		var due = step.due().formatted();
		return switch (step.action()) {
			// a retry that charged a card is answered by the receipt or the decline
			case RETRY, NOTICE -> step.action() == DunningStepTaken.Action.RETRY && !step.outcome().startsWith("No card on file")
					? null
					: new Letter(words.get("mail.dunning.reminder.subject", step.invoiceNumber(), step.dueOn()),
							words.get("mail.dunning.reminder.text", step.invoiceNumber(), step.dueOn(), due));
			case SUSPEND -> new Letter(words.get("mail.dunning.suspended.subject", step.invoiceNumber()),
					words.get("mail.dunning.suspended.text", step.invoiceNumber(), step.dueOn(), due));
			case CANCEL -> new Letter(words.get("mail.dunning.cancelled.subject", step.invoiceNumber()),
					words.get("mail.dunning.cancelled.text", step.invoiceNumber(), step.dueOn(), due));
			case RESUME -> new Letter(words.get("mail.dunning.resumed.subject", step.invoiceNumber()), step.outcome() + ".");
		};
	}

	/** The mail's text between the greeting of the billing contact and Baton's signature. */
	static String letter(Words words, String name, String text) {
		return words.get("mail.dear", name) + "\n\n" + text + "\n\n-- \n" + words.get("mail.signature");
	}

	private void mail(String key, java.util.UUID account, String subject, String text) {
		mail(key, account, subject, text, null);
	}

	private void mail(String key, java.util.UUID account, String subject, String text,
			java.util.function.Supplier<Attachment> attachment) {
		if (sender == null) {
			return;
		}
		var contact = payments.contact(account);
		if (contact.isEmpty() || !payments.claimMail(key, contact.get().email(), clock.instant())) {
			return;
		}
		var body = letter(words, contact.get().name(), text);
		if (attachment == null) {
			var mail = new SimpleMailMessage();
			mail.setFrom(properties.mailFrom());
			mail.setTo(contact.get().email());
			mail.setSubject(subject);
			mail.setText(body);
			sender.send(mail);
		}
		else {
			var file = attachment.get();
			sender.send(message -> {
				var helper = new MimeMessageHelper(message, true, "UTF-8");
				helper.setFrom(properties.mailFrom());
				helper.setTo(contact.get().email());
				helper.setSubject(subject);
				helper.setText(body);
				helper.addAttachment(file.filename(), new ByteArrayResource(file.content()), "application/pdf");
			});
		}
		log.debug("Mailed '{}' to the billing contact of account {}", subject, account);
	}
}
