package dev.baton.billing.gateway;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import dev.baton.platform.Money;

/**
 * The built-in sandbox gateway: behaves deterministically by test card number, as the test cards
 * of card gateways do, so demos and tests can pay, be declined and be asked to confirm without a
 * network. The same idempotency key always gives the same charge id, so a retried charge is
 * recognised as the same charge.
 * <ul>
 * <li>4242 4242 4242 4242: every charge succeeds.</li>
 * <li>4000 0000 0000 0002: every charge is declined (card declined).</li>
 * <li>4000 0000 0000 9995: every charge is declined (insufficient funds).</li>
 * <li>4000 0025 0000 3155: every charge requires the holder's confirmation, which then succeeds.</li>
 * </ul>
 */
public class SandboxGateway implements PaymentGateway {

	public static final String NAME = "sandbox";

	private enum Behaviour {
		SUCCEEDS, DECLINED, INSUFFICIENT_FUNDS, REQUIRES_CONFIRMATION
	}

	private static final Map<String, Behaviour> CARDS = Map.of(
			"4242424242424242", Behaviour.SUCCEEDS,
			"4000000000000002", Behaviour.DECLINED,
			"4000000000009995", Behaviour.INSUFFICIENT_FUNDS,
			"4000002500003155", Behaviour.REQUIRES_CONFIRMATION);

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Card store(String card) {
		var digits = card == null ? "" : card.replaceAll("[\\s-]", "");
		if (!CARDS.containsKey(digits)) {
			throw new CardRefused("The sandbox takes its test cards only: 4242 4242 4242 4242 (succeeds), "
					+ "4000 0000 0000 0002 (declined), 4000 0000 0000 9995 (insufficient funds) or "
					+ "4000 0025 0000 3155 (asks for confirmation)");
		}
		return new Card("sbx_card_" + digits, "Test card ending " + digits.substring(digits.length() - 4));
	}

	@Override
	public Outcome charge(String token, Money amount, String idempotencyKey, String description) {
		var reference = "sbx_ch_" + digest(idempotencyKey);
		switch (behaviour(token)) {
			case SUCCEEDS:
				return Outcome.succeeded(reference);
			case DECLINED:
				return Outcome.declined(reference, "The card was declined");
			case INSUFFICIENT_FUNDS:
				return Outcome.declined(reference, "The card has insufficient funds");
			default:
				return new Outcome(State.REQUIRES_CONFIRMATION, reference, null);
		}
	}

	@Override
	public Outcome confirm(String reference) {
		return Outcome.succeeded(reference);
	}

	@Override
	public Outcome refund(String reference, Money amount, String idempotencyKey) {
		return Outcome.succeeded("sbx_re_" + digest(idempotencyKey));
	}

	private static Behaviour behaviour(String token) {
		var digits = token == null || !token.startsWith("sbx_card_") ? "" : token.substring("sbx_card_".length());
		var behaviour = CARDS.get(digits);
		if (behaviour == null) {
			throw new IllegalArgumentException("Not a sandbox card token: " + token);
		}
		return behaviour;
	}

	private static String digest(String key) {
		try {
			var hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash, 0, 12);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
