package dev.baton.licensing.verifier;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Ed25519 with the JDK's own provider (Java 15 and newer): signing, verifying, and public keys as
 * the base64 of their X.509 encoding, which is how the vendor publishes them.
 */
public final class Ed25519 {

	public static final String ALGORITHM = "Ed25519";

	private Ed25519() {
	}

	/**
	 * A public key from the base64 of its X.509 encoding.
	 *
	 * @throws IllegalArgumentException if it is not base64 of an Ed25519 public key
	 */
	public static PublicKey publicKey(String base64X509) {
		try {
			return KeyFactory.getInstance(ALGORITHM)
					.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64X509.strip())));
		}
		catch (GeneralSecurityException | IllegalArgumentException e) {
			throw new IllegalArgumentException("not the base64 of an Ed25519 public key (X.509): " + e.getMessage());
		}
	}

	/** The base64 of a public key's X.509 encoding. */
	public static String encode(PublicKey key) {
		return Base64.getEncoder().encodeToString(key.getEncoded());
	}

	public static byte[] sign(PrivateKey key, byte[] data) {
		try {
			var signature = Signature.getInstance(ALGORITHM);
			signature.initSign(key);
			signature.update(data);
			return signature.sign();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Ed25519 signing failed: " + e.getMessage(), e);
		}
	}

	/** Whether {@code signature} is {@code key}'s signature of {@code data}; false for any failure. */
	public static boolean verify(PublicKey key, byte[] data, byte[] signature) {
		try {
			var verifier = Signature.getInstance(ALGORITHM);
			verifier.initVerify(key);
			verifier.update(data);
			return verifier.verify(signature);
		}
		catch (GeneralSecurityException | RuntimeException e) {
			return false;
		}
	}
}
