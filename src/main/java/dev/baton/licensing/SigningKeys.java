package dev.baton.licensing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.baton.licensing.jdbc.LicensingRepository;
import dev.baton.licensing.verifier.Ed25519;

/**
 * The vendor's license signing keys. The newest key signs; every key ever used stays published
 * (its public half is kept in the database), so licenses signed before a rotation still verify.
 * Keys come from configuration or a key directory outside the repository; with neither, one is
 * generated (into the directory, or in memory). Private keys are never logged, stored in the
 * database or answered by the API.
 */
@Component
class SigningKeys {

	private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

	/** The key that signs, by id. */
	record Active(String keyId, PrivateKey privateKey) {

		@Override
		public String toString() {
			return "Active[keyId=" + keyId + "]"; // never the private key
		}
	}

	private final Active active;
	private final Map<String, PublicKey> known;

	SigningKeys(LicensingProperties properties, LicensingRepository repository, TransactionTemplate transactions,
			Clock clock) {
		var privates = new TreeMap<String, PrivateKey>();
		var publics = new LinkedHashMap<String, PublicKey>();
		var configured = properties.signingKey();
		var directory = properties.keyDirectory() == null || properties.keyDirectory().isBlank() ? null
				: Path.of(properties.keyDirectory());
		if (directory != null) {
			read(directory, privates, publics);
		}
		Active signer;
		if (configured != null && configured.id() != null && !configured.id().isBlank()) {
			var publicKey = Ed25519.publicKey(configured.publicKey());
			publics.put(configured.id(), publicKey);
			signer = new Active(configured.id(), privateKey(configured.privateKey()));
			log.info("License signing key {} from configuration", configured.id());
		}
		else if (!privates.isEmpty()) {
			var newest = privates.lastEntry();
			signer = new Active(newest.getKey(), newest.getValue());
			log.info("License signing key {} from {}", newest.getKey(), directory);
		}
		else {
			var pair = generate();
			var keyId = keyId(pair.getPublic(), LocalDate.now(clock));
			publics.put(keyId, pair.getPublic());
			signer = new Active(keyId, pair.getPrivate());
			if (directory != null) {
				write(directory, keyId, pair);
				log.info("Generated license signing key {} into {}", keyId, directory);
			}
			else {
				log.warn("Generated license signing key {} in memory (baton.licensing.key-directory is not set): "
						+ "it signs until this instance stops; set a key directory or key for production", keyId);
			}
		}
		this.active = signer;
		this.known = Map.copyOf(publics);
		transactions.executeWithoutResult(status -> known.forEach(
				(id, key) -> repository.publishKey(id, Ed25519.encode(key), clock.instant())));
	}

	Active active() {
		return active;
	}

	private static void read(Path directory, Map<String, PrivateKey> privates, Map<String, PublicKey> publics) {
		if (!Files.isDirectory(directory)) {
			return;
		}
		try (var files = Files.list(directory)) {
			for (var file : (Iterable<Path>) files.sorted()::iterator) {
				var name = file.getFileName().toString();
				if (name.endsWith(".public")) {
					publics.put(name.substring(0, name.length() - ".public".length()),
							Ed25519.publicKey(Files.readString(file, StandardCharsets.US_ASCII)));
				}
				else if (name.endsWith(".private")) {
					privates.put(name.substring(0, name.length() - ".private".length()),
							privateKey(Files.readString(file, StandardCharsets.US_ASCII)));
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read the license keys in " + directory, e);
		}
		privates.keySet().forEach(id -> {
			if (!publics.containsKey(id)) {
				throw new IllegalStateException("License key " + id + " in " + directory + " has no " + id + ".public");
			}
		});
	}

	private static void write(Path directory, String keyId, KeyPair pair) {
		try {
			Files.createDirectories(directory);
			Files.writeString(directory.resolve(keyId + ".public"), Ed25519.encode(pair.getPublic()), StandardCharsets.US_ASCII);
			var secret = directory.resolve(keyId + ".private");
			Files.writeString(secret, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()),
					StandardCharsets.US_ASCII);
			try {
				Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException notPosix) {
				// Windows: the directory's own permissions protect it
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot write the license key into " + directory, e);
		}
	}

	private static PrivateKey privateKey(String base64) {
		try {
			return KeyFactory.getInstance(Ed25519.ALGORITHM)
					.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64.strip())));
		}
		catch (GeneralSecurityException | IllegalArgumentException e) {
			// the message never includes the key
			throw new IllegalStateException("A license signing key is not the base64 of an Ed25519 private key (PKCS#8)");
		}
	}

	private static KeyPair generate() {
		try {
			return KeyPairGenerator.getInstance(Ed25519.ALGORITHM).generateKeyPair();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("This JVM has no Ed25519", e);
		}
	}

	/** {@code 20261202-1a2b3c4d}: the day it was made and a fingerprint of the public key. */
	static String keyId(PublicKey key, LocalDate day) {
		try {
			var digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
			return day.format(DateTimeFormatter.BASIC_ISO_DATE) + "-" + HexFormat.of().formatHex(digest, 0, 4);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}
}
