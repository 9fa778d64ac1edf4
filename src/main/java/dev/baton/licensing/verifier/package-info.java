/**
 * The offline license verifier a self-managed instance embeds: it needs the JDK only (Java 17 or
 * newer; no Spring, no database, no Baton type), so this package can be copied as it is, or used as
 * the {@code baton-*-license-verifier.jar} the build makes.
 * <p>
 * {@link dev.baton.licensing.verifier.LicenseVerifier} checks a license file's Ed25519 signature
 * against the vendor's published public keys, its dates and its seat count, and explains a
 * failure; {@link dev.baton.licensing.verifier.SeatReports} writes and signs the instance's seat
 * reports. The file format is in docs/licensing.md. Deliberately without a Spring Modulith
 * annotation here, so that nothing but the JDK is imported.
 */
package dev.baton.licensing.verifier;
