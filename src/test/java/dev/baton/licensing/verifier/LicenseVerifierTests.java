package dev.baton.licensing.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;

/**
 * The offline verifier, without Spring: a valid license verifies, any changed byte fails, the
 * dates and the seats are reported as such, and it needs nothing but the JDK.
 */
class LicenseVerifierTests {

	private static final LocalDate START = LocalDate.of(2026, 12, 2);
	private static final KeyPair KEY = generate();
	private static final KeyPair OLD_KEY = generate();

	private static KeyPair generate() {
		try {
			return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new AssertionError(e);
		}
	}

	static License license(String keyId, int seats) {
		return new License(License.FORMAT, "0190f3c2-0000-7000-8000-000000000001", keyId, Instant.parse("2026-12-02T10:00:00Z"),
				"0190f3c2-0000-7000-8000-000000000002", "S-000042", 1, "Dana Fox", "Acme Logistics",
				"dana@acme.example", "ultimate-self-managed-annual", seats, Map.of("ai-assistant-annual", 5), START,
				START.plusYears(1), START.plusYears(1).minusDays(30), START.plusYears(1).plusDays(14),
				License.Mode.OFFLINE, null, true, false);
	}

	static String sign(License license, KeyPair key) {
		var payload = license.fields().bytes();
		return SignedDocument.of(License.KIND, license.keyId(), payload, Ed25519.sign(key.getPrivate(), payload)).write();
	}

	private final LicenseVerifier verifier = LicenseVerifier.of(Map.of("k2", KEY.getPublic(), "k1", OLD_KEY.getPublic()));

	@Test
	void verifiesAValidLicenseAndReadsWhatItGrants() {
		var file = sign(license("k2", 20), KEY);

		var result = verifier.verify(file, START.plusDays(10), 18);

		assertThat(result.status()).as(result.explanation()).isEqualTo(Verification.Status.VALID);
		assertThat(result.valid()).isTrue();
		assertThat(result.license().seats()).isEqualTo(20);
		assertThat(result.license().licenseeCompany()).isEqualTo("Acme Logistics");
		assertThat(result.license().addOns()).containsEntry("ai-assistant-annual", 5);
		assertThat(file).startsWith("-----BEGIN BATON LICENSE-----\nKey-Id: k2\n").endsWith("-----END BATON LICENSE-----\n");
	}

	@Test
	void failsWhenAnyByteIsChanged() {
		var file = sign(license("k2", 20), KEY);
		var bytes = file.getBytes(StandardCharsets.US_ASCII);
		for (int i = 0; i < bytes.length; i++) {
			for (byte flip : new byte[] { 1, 2, 32 }) {
				var changed = bytes.clone();
				changed[i] = (byte) (changed[i] ^ flip);
				var result = verifier.verify(new String(changed, StandardCharsets.ISO_8859_1), START.plusDays(10));
				assertThat(result.valid()).as("byte %d changed by %d: %s", i, flip, result.explanation()).isFalse();
				assertThat(result.license()).isNull();
			}
		}
	}

	@Test
	void failsWhenTheContentIsSignedAgainWithoutTheVendorsKey() {
		var forged = sign(license("k2", 2000), generate());

		var result = verifier.verify(forged, START.plusDays(10));

		assertThat(result.status()).isEqualTo(Verification.Status.BAD_SIGNATURE);
		assertThat(result.explanation()).contains("was changed or was not issued by the vendor");
	}

	@Test
	void reportsExpiredNotYetValidAndGrace() {
		var file = sign(license("k2", 20), KEY);

		var early = verifier.verify(file, START.minusDays(1));
		assertThat(early.status()).isEqualTo(Verification.Status.NOT_YET_VALID);
		assertThat(early.explanation()).contains("starts on 2026-12-02");

		var grace = verifier.verify(file, START.plusYears(1).plusDays(3));
		assertThat(grace.status()).isEqualTo(Verification.Status.IN_GRACE);
		assertThat(grace.valid()).isTrue();
		assertThat(grace.explanation()).contains("in grace until 2027-12-16");

		var expired = verifier.verify(file, START.plusYears(1).plusDays(14));
		assertThat(expired.status()).isEqualTo(Verification.Status.EXPIRED);
		assertThat(expired.valid()).isFalse();

		var renewSoon = verifier.verify(file, START.plusYears(1).minusDays(1));
		assertThat(renewSoon.status()).isEqualTo(Verification.Status.VALID);
		assertThat(renewSoon.explanation()).contains("renew it");
	}

	@Test
	void reportsMoreActiveUsersThanSeats() {
		var result = verifier.verify(sign(license("k2", 20), KEY), START.plusDays(1), 21);

		assertThat(result.status()).isEqualTo(Verification.Status.SEATS_EXCEEDED);
		assertThat(result.explanation()).contains("21 active users exceed the 20 seats");
	}

	@Test
	void verifiesLicensesSignedWithAnEarlierKeyAfterRotation() {
		var old = sign(license("k1", 20), OLD_KEY);

		assertThat(verifier.verify(old, START.plusDays(1)).status()).isEqualTo(Verification.Status.VALID);
		assertThat(LicenseVerifier.of(Map.of("k2", KEY.getPublic())).verify(old, START.plusDays(1)).status())
				.isEqualTo(Verification.Status.UNKNOWN_KEY);
	}

	@Test
	void explainsWhatIsNotALicenseFile() {
		assertThat(verifier.verify("", START).status()).isEqualTo(Verification.Status.MALFORMED);
		assertThat(verifier.verify("hello", START).explanation()).contains("does not start with");
		var crlf = sign(license("k2", 20), KEY).replace("\n", "\r\n");
		assertThat(verifier.verify(crlf, START.plusDays(1)).status()).isEqualTo(Verification.Status.MALFORMED);
	}

	@Test
	void readsThePublishedKeyEncoding() {
		var published = LicenseVerifier.ofEncoded(Map.of("k2", Ed25519.encode(KEY.getPublic())));

		assertThat(published.verify(sign(license("k2", 20), KEY), START.plusDays(1)).valid()).isTrue();
	}

	@Test
	void aSeatReportCarriesTheFeaturesItsUsersWereDeniedAndReadsBackTheSame() throws Exception {
		var report = new SeatReports.Report("license", "instance", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 31), 8, 9,
				Instant.parse("2027-02-01T06:00:00Z"), Map.of("geo", 3, "epics", 12));
		var payload = new String(report.fields().bytes(), StandardCharsets.UTF_8);
		assertThat(payload).endsWith("features-denied: epics=12,geo=3\n");
		assertThat(SeatReports.Report.of(Fields.parse(report.fields().bytes()))).isEqualTo(report);

		var without = new SeatReports.Report("license", "instance", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 31), 8,
				9, Instant.parse("2027-02-01T06:00:00Z"));
		assertThat(new String(without.fields().bytes(), StandardCharsets.UTF_8)).doesNotContain("features-denied");
		assertThat(SeatReports.Report.of(Fields.parse(without.fields().bytes())).featuresDenied()).isEmpty();

		for (var bad : new String[] { "epics=many", "epics", "epics=1,epics=2", "Epics=1" }) {
			var text = payload.replace("features-denied: epics=12,geo=3", "features-denied: " + bad);
			org.assertj.core.api.Assertions.assertThatThrownBy(
					() -> SeatReports.Report.of(Fields.parse(text.getBytes(StandardCharsets.UTF_8))))
					.as(bad).isInstanceOf(SignedDocument.MalformedDocumentException.class);
		}
	}

	@Test
	void needsNothingButTheJdk() {
		var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
				.importPackages("dev.baton.licensing.verifier");
		ArchRuleDefinition.classes().that().resideInAPackage("dev.baton.licensing.verifier").should()
				.onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.baton.licensing.verifier..")
				.check(classes);
	}
}
