/**
 * Licensing for self-managed subscriptions: a signed license file (Ed25519) for every version of a
 * self-managed subscription, kept per subscription and downloadable by the customer and its
 * partner; activation of instances, which then sign their seat reports; quarterly seat
 * reconciliation and the annual true-up, each an order on the subscription; and up-sell signals to
 * the account team. Self-managed instances embed {@code dev.baton.licensing.verifier}, which
 * needs the JDK only. See docs/licensing.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Licensing",
		allowedDependencies = { "subscription", "ordering", "billing", "catalog", "portal", "pipeline", "organisation", "identity",
				"audit", "platform" })
package dev.baton.licensing;
