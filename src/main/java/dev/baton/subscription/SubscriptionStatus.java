package dev.baton.subscription;

/**
 * Where a subscription stands.
 */
public enum SubscriptionStatus {
	/** In use; may be set to cancel at term end. */
	ACTIVE,
	/** Paused (for example by dunning): nothing can be changed but resuming or cancelling. */
	SUSPENDED,
	/** Ended: by a cancellation, or at the end of a term that was not renewed. Nothing changes any more. */
	CANCELLED
}
