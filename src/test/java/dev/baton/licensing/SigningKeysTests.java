package dev.baton.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.baton.licensing.jdbc.LicensingRepository;
import dev.baton.licensing.verifier.Ed25519;

/**
 * The signing keys from a key directory: generated there once when there is none (the private
 * half readable by its owner only), reused after a restart, and rotated by adding a newer pair
 * while the old public key stays published.
 */
class SigningKeysTests {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);

	@TempDir
	Path directory;

	private final LicensingRepository repository = mock(LicensingRepository.class);
	private final TransactionTemplate transactions = new TransactionTemplate(mock(PlatformTransactionManager.class));

	private SigningKeys keys() {
		return new SigningKeys(new LicensingProperties(directory.toString(), null, 14, 30, java.time.Duration.ofDays(7), 90,
				10, true, Map.of(), "licensing@baton.example", java.time.Duration.ofHours(1), 1000,
				new LicensingProperties.FeatureDemand(10, java.time.Duration.ofDays(90))), repository,
				transactions, CLOCK);
	}

	@Test
	void generatesAKeyIntoAnEmptyDirectoryOnceAndReusesIt() throws Exception {
		var first = keys().active().keyId();

		assertThat(first).startsWith("20261202-");
		var secret = directory.resolve(first + ".private");
		assertThat(secret).exists();
		assertThat(Files.getPosixFilePermissions(secret)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
				PosixFilePermission.OWNER_WRITE);
		assertThat(keys().active().keyId()).as("after a restart").isEqualTo(first);
		assertThat(keys().active().toString()).doesNotContain(Files.readString(secret));
	}

	@Test
	void rotatesToANewerKeyAndKeepsPublishingTheOldOne() throws Exception {
		var old = keys().active().keyId();
		var pair = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		var newer = SigningKeys.keyId(pair.getPublic(), LocalDate.of(2027, 6, 1));
		Files.writeString(directory.resolve(newer + ".public"), Ed25519.encode(pair.getPublic()));
		Files.writeString(directory.resolve(newer + ".private"), Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));

		var rotated = keys();

		assertThat(rotated.active().keyId()).isEqualTo(newer);
		verify(repository, org.mockito.Mockito.atLeastOnce()).publishKey(eq(old), anyString(), any(Instant.class));
		verify(repository).publishKey(eq(newer), eq(Ed25519.encode(pair.getPublic())), any(Instant.class));
		assertThat(Set.of(directory.toFile().list())).hasSize(4);
	}
}
