package dev.baton.licensing.verifier;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * The text envelope of a signed document (a license file, a seat report): BEGIN and END markers,
 * the id of the key that signed it, and the base64 of the payload followed by its 64-byte Ed25519
 * signature, in lines of 64 characters. Reading is strict: only the exact form {@link #write}
 * makes is accepted, so any changed byte is either a different payload, a different signature or
 * a refusal.
 */
public final class SignedDocument {

	/** An Ed25519 signature is always 64 bytes. */
	public static final int SIGNATURE_LENGTH = 64;
	private static final int LINE = 64;
	private static final int MAX_LENGTH = 64 * 1024;

	private final String kind;
	private final String keyId;
	private final byte[] payload;
	private final byte[] signature;

	private SignedDocument(String kind, String keyId, byte[] payload, byte[] signature) {
		this.kind = kind;
		this.keyId = keyId;
		this.payload = payload;
		this.signature = signature;
	}

	/**
	 * A document of {@code kind} ({@code LICENSE}, {@code SEAT REPORT}).
	 *
	 * @throws IllegalArgumentException if the key id is not one line of visible characters or the
	 *         signature is not 64 bytes
	 */
	public static SignedDocument of(String kind, String keyId, byte[] payload, byte[] signature) {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(payload, "payload");
		if (keyId == null || !keyId.matches("[A-Za-z0-9._:-]{1,100}")) {
			throw new IllegalArgumentException("key id must be 1 to 100 letters, digits or . _ : - but was " + keyId);
		}
		if (signature == null || signature.length != SIGNATURE_LENGTH) {
			throw new IllegalArgumentException("an Ed25519 signature has 64 bytes");
		}
		return new SignedDocument(kind, keyId, payload.clone(), signature.clone());
	}

	/** The document as text, ending with a line feed. */
	public String write() {
		var blob = ByteBuffer.allocate(payload.length + signature.length).put(payload).put(signature).array();
		var base64 = Base64.getEncoder().encodeToString(blob);
		var text = new StringBuilder(begin(kind)).append('\n').append("Key-Id: ").append(keyId).append('\n');
		for (int i = 0; i < base64.length(); i += LINE) {
			text.append(base64, i, Math.min(base64.length(), i + LINE)).append('\n');
		}
		return text.append(end(kind)).append('\n').toString();
	}

	/**
	 * Reads a document of {@code kind}.
	 *
	 * @throws MalformedDocumentException naming what is wrong, when the text is not exactly in the
	 *         form {@link #write} makes
	 */
	public static SignedDocument read(String kind, String text) throws MalformedDocumentException {
		if (text == null || text.isEmpty()) {
			throw new MalformedDocumentException("the " + kind.toLowerCase() + " is empty");
		}
		if (text.length() > MAX_LENGTH) {
			throw new MalformedDocumentException("the " + kind.toLowerCase() + " is longer than " + MAX_LENGTH + " characters");
		}
		if (!text.startsWith(begin(kind) + "\n")) {
			throw new MalformedDocumentException("it does not start with the line " + begin(kind));
		}
		if (!text.endsWith("\n" + end(kind) + "\n")) {
			throw new MalformedDocumentException("it does not end with the line " + end(kind)
					+ " (and a line feed); keep the file exactly as it was issued");
		}
		var lines = text.substring(0, text.length() - 1).split("\n", -1);
		if (lines.length < 4 || !lines[1].startsWith("Key-Id: ")) {
			throw new MalformedDocumentException("the second line names the signing key (Key-Id: ...)");
		}
		var keyId = lines[1].substring("Key-Id: ".length());
		var base64 = new StringBuilder();
		for (int i = 2; i < lines.length - 1; i++) {
			base64.append(lines[i]);
		}
		byte[] blob;
		try {
			blob = Base64.getDecoder().decode(base64.toString());
		}
		catch (IllegalArgumentException notBase64) {
			throw new MalformedDocumentException("the body is not base64: " + notBase64.getMessage());
		}
		if (blob.length <= SIGNATURE_LENGTH) {
			throw new MalformedDocumentException("the body is too short to hold a payload and a signature");
		}
		SignedDocument document;
		try {
			document = of(kind, keyId, Arrays.copyOfRange(blob, 0, blob.length - SIGNATURE_LENGTH),
					Arrays.copyOfRange(blob, blob.length - SIGNATURE_LENGTH, blob.length));
		}
		catch (IllegalArgumentException badKeyId) {
			throw new MalformedDocumentException(badKeyId.getMessage());
		}
		// anything but the one canonical form (line breaks, padding bits, spaces) is refused
		if (!document.write().equals(text)) {
			throw new MalformedDocumentException("it is not in the form it was issued in (line breaks, spacing or "
					+ "base64 changed); keep the file exactly as it was issued");
		}
		return document;
	}

	public String kind() {
		return kind;
	}

	public String keyId() {
		return keyId;
	}

	public byte[] payload() {
		return payload.clone();
	}

	public String payloadText() {
		return new String(payload, StandardCharsets.UTF_8);
	}

	public byte[] signature() {
		return signature.clone();
	}

	private static String begin(String kind) {
		return "-----BEGIN BATON " + kind + "-----";
	}

	private static String end(String kind) {
		return "-----END BATON " + kind + "-----";
	}

	/** The text is not a signed document in the expected form; the message says why. */
	public static final class MalformedDocumentException extends Exception {

		private static final long serialVersionUID = 1L;

		public MalformedDocumentException(String message) {
			super(message);
		}
	}
}
