package dev.baton.notification;

import java.util.LinkedHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

import dev.baton.platform.Words;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends plain-text notification e-mail through the configured SMTP server ({@code spring.mail.*}).
 * Without one ({@code spring.mail.host} unset) Baton sends no e-mail and says so once.
 */
@Component
class Mailer {

	private static final Logger log = LoggerFactory.getLogger(Mailer.class);

	private final JavaMailSender sender;
	private final String from;
	private final AtomicBoolean toldOff = new AtomicBoolean();
	private final JsonMapper json = JsonMapper.builder().build();
	private final Words words;

	Mailer(ObjectProvider<JavaMailSender> senders, NotificationProperties properties, Words words) {
		this.words = words;
		this.sender = senders.getIfAvailable();
		this.from = properties.mailFrom();
		if (sender instanceof JavaMailSenderImpl smtp) {
			// JavaMail waits forever by default; a hung mail server must not hold a sending thread
			var prefix = "mail." + (smtp.getProtocol() == null ? "smtp" : smtp.getProtocol()) + ".";
			var settings = smtp.getJavaMailProperties();
			settings.putIfAbsent(prefix + "connectiontimeout", String.valueOf(properties.connectTimeout().toMillis()));
			settings.putIfAbsent(prefix + "timeout", String.valueOf(properties.readTimeout().toMillis()));
			settings.putIfAbsent(prefix + "writetimeout", String.valueOf(properties.readTimeout().toMillis()));
		}
	}

	/** Whether e-mail can be sent; logs once, at info, when it cannot. */
	boolean available() {
		if (sender != null) {
			return true;
		}
		if (toldOff.compareAndSet(false, true)) {
			log.info("E-mail notifications are off: no mail server is configured (set spring.mail.host to send them)");
		}
		return false;
	}

	String payload(Message message) {
		var text = new StringBuilder(message.body());
		if (message.link() != null) {
			text.append("\n\n").append(words.get(message.link().contains("/requests/") ? "mail.open-request" : "mail.open",
					message.link()));
		}
		text.append("\n\n-- \n").append(words.get("mail.signature"));
		var body = new LinkedHashMap<String, String>();
		body.put("subject", message.title());
		body.put("text", text.toString());
		return json.writeValueAsString(body);
	}

	void send(String to, String payload) throws DeliveryFailure {
		if (sender == null) {
			throw DeliveryFailure.transientFailure("No mail server is configured (spring.mail.host)");
		}
		var content = json.readTree(payload);
		var mail = new SimpleMailMessage();
		mail.setFrom(from);
		mail.setTo(to);
		mail.setSubject(content.path("subject").asString());
		mail.setText(content.path("text").asString());
		try {
			sender.send(mail);
		} catch (MailParseException | MailPreparationException e) {
			throw DeliveryFailure.permanentFailure("E-mail could not be prepared: " + e.getMessage());
		} catch (MailException e) {
			throw DeliveryFailure.transientFailure("E-mail not accepted: " + e.getClass().getSimpleName() + " ("
					+ e.getMessage() + ")");
		}
	}
}
