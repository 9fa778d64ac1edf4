package dev.baton.webhooks.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Standard Webhooks signature: HMAC-SHA256, keyed with the endpoint's secret, of
 * {@code webhook-id.webhook-timestamp.body}, sent as {@code v1,<base64>}. Secrets are
 * {@code whsec_} and the base64 of 32 random bytes. During a secret rotation both the new and the
 * previous secret sign, space-separated, so the receiver may switch at its own pace.
 */
public final class Signature {

	private static final String PREFIX = "whsec_";
	private static final SecureRandom RANDOM = new SecureRandom();

	private Signature() {
	}

	public static String newSecret() {
		var key = new byte[32];
		RANDOM.nextBytes(key);
		return PREFIX + Base64.getEncoder().encodeToString(key);
	}

	/** The {@code webhook-signature} header: one {@code v1,} signature per secret given. */
	public static String header(String messageId, long timestamp, String body, String... secrets) {
		var signatures = new ArrayList<String>();
		for (var secret : secrets) {
			if (secret != null) {
				signatures.add("v1," + sign(secret, messageId, timestamp, body));
			}
		}
		return String.join(" ", signatures);
	}

	static String sign(String secret, String messageId, long timestamp, String body) {
		try {
			var mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
			var signed = messageId + "." + timestamp + "." + body;
			return Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
		}
	}

	private static byte[] key(String secret) {
		return Base64.getDecoder().decode(secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret);
	}

	/** The signatures of a header, without their version prefix (for receivers and tests). */
	public static List<String> signatures(String header) {
		var values = new ArrayList<String>();
		for (var part : header.split(" ")) {
			if (part.startsWith("v1,")) {
				values.add(part.substring(3));
			}
		}
		return values;
	}
}
