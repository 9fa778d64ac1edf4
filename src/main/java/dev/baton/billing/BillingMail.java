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

/**
 * Mails the invoice owner's billing contact: each invoice as it is finalized, a receipt for each
 * payment, a declined card, and the dunning reminders, suspension and cancellation notices. The
 * billing contact is a customer's accounts-payable address, not one of the organisation's people,
 * so billing sends through the SMTP settings ({@code spring.mail.*}) itself, as licensing does.
 * Each mail is claimed by its key in the listener's transaction before it is sent: a redelivered
 * event mails nobody twice, and a failed send rolls the claim back so the outbox delivers the event
 * again. Without a mail server or a billing contact nothing is sent.
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

	BillingMail(PaymentRepository payments, InvoiceRepository invoices, ObjectProvider<JavaMailSender> senders,
			BillingProperties properties, Clock clock, InvoiceDocuments documents) {
		this.documents = documents;
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
		var text = new StringBuilder("Invoice " + finalized.number() + " of " + finalized.issuedOn() + " is for "
				+ finalized.total().formatted() + ", due on " + finalized.dueOn() + ".\n\n");
		for (var line : invoice.lines()) {
			text.append("  ").append(line.subscriptionNumber()).append("  ").append(line.explanation()).append("  ")
					.append(Money.of(line.amount(), invoice.currency()).formatted()).append('\n');
		}
		if (invoice.tax().signum() != 0 || !invoice.taxByRate().isEmpty()) {
			text.append("\n  Subtotal  ").append(Money.of(invoice.subtotal(), invoice.currency()).formatted()).append('\n');
			invoice.taxByRate().forEach((rate, amount) -> text.append("  ").append(rate).append("  ")
					.append(Money.of(amount, invoice.currency()).formatted()).append('\n'));
		}
		text.append("\nA card on file is charged for it; otherwise pay by bank transfer quoting ")
				.append(finalized.number()).append('.');
		text.append("\nThe invoice is attached as a PDF; it is also in your portal.");
		mail("invoice:" + finalized.invoiceId(), finalized.invoiceOwnerAccountId(),
				"Invoice " + finalized.number() + ": " + finalized.total().formatted() + " due " + finalized.dueOn(),
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
					"Receipt: " + recorded.amount().formatted() + " for invoice " + recorded.invoiceNumber(),
					"We received " + recorded.amount().formatted() + " ("
							+ recorded.method().name().toLowerCase().replace('_', ' ') + ") for invoice "
							+ recorded.invoiceNumber() + ". "
							+ (invoice.due().signum() > 0 ? left + " is still owed." : "The invoice is paid in full. Thank you."));
		}
		else if (recorded.status() == PaymentStatus.FAILED) {
			mail("declined:" + recorded.paymentId(), recorded.accountId(),
					"Payment declined for invoice " + recorded.invoiceNumber(),
					"Your card was declined for " + recorded.amount().formatted() + " on invoice "
							+ recorded.invoiceNumber() + ": " + recorded.failure() + ". " + left
							+ " is still owed. Please update the card on file or pay by bank transfer quoting "
							+ recorded.invoiceNumber() + ".");
		}
	}

	@ApplicationModuleListener
	void on(DunningStepTaken step) {
		String subject;
		String text;
		switch (step.action()) {
			case NOTICE:
			case RETRY:
				if (step.action() == DunningStepTaken.Action.RETRY && !step.outcome().startsWith("No card on file")) {
					return; // a retry that charged a card is answered by the receipt or the decline
				}
				subject = "Reminder: invoice " + step.invoiceNumber() + " was due on " + step.dueOn();
				text = "Invoice " + step.invoiceNumber() + " was due on " + step.dueOn() + " and " + step.due().formatted()
						+ " is still owed. Please pay by bank transfer quoting " + step.invoiceNumber()
						+ ", or keep a card on file. Without payment the subscriptions it bills will be suspended.";
				break;
			case SUSPEND:
				subject = "Subscriptions suspended: invoice " + step.invoiceNumber() + " is unpaid";
				text = "Invoice " + step.invoiceNumber() + " was due on " + step.dueOn() + " and " + step.due().formatted()
						+ " is still owed, so the subscriptions it bills are suspended. They resume as soon as it is paid.";
				break;
			case CANCEL:
				subject = "Subscriptions cancelled: invoice " + step.invoiceNumber() + " was not paid";
				text = "Invoice " + step.invoiceNumber() + " was due on " + step.dueOn() + " and " + step.due().formatted()
						+ " is still owed, so the subscriptions it bills are cancelled. The amount remains owed.";
				break;
			default:
				subject = "Subscriptions resumed: invoice " + step.invoiceNumber() + " is settled";
				text = step.outcome() + ".";
				break;
		}
		mail("dunning:" + step.invoiceId() + ":" + step.action() + ":" + step.position(), step.invoiceOwnerAccountId(),
				subject, text);
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
		var body = "Dear " + contact.get().name() + ",\n\n" + text + "\n\n-- \nSent by Baton.";
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
