package dev.baton;

import java.util.Arrays;
import java.util.List;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * One real SMTP server (GreenMail) for the whole test run, on a free port, that every test context
 * sends its mail to: tests that read mail share the application context instead of each starting
 * one of their own for its mail settings. Other tests' mail arrives here too, so a test reads only
 * the messages addressed to its own recipients or about its own records.
 */
public final class TestMailServer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static final GreenMail MAIL = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	static {
		MAIL.start();
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestPropertyValues.of("spring.mail.host=127.0.0.1", "spring.mail.port=" + MAIL.getSmtp().getPort())
				.applyTo(context);
	}

	/** Every message received so far, from every test. */
	public static MimeMessage[] received() {
		return MAIL.getReceivedMessages();
	}

	/** The messages received so far whose first recipient is {@code address}. */
	public static List<MimeMessage> to(String address) {
		return Arrays.stream(MAIL.getReceivedMessages()).filter(message -> {
			try {
				var recipients = message.getAllRecipients();
				return recipients != null && recipients[0].toString().equals(address);
			}
			catch (MessagingException e) {
				throw new IllegalStateException(e);
			}
		}).toList();
	}
}
