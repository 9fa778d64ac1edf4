package dev.baton.pipeline;

/**
 * How the customer runs the product.
 */
public enum SubscriptionType {
	SAAS, SELF_MANAGED, DEDICATED
}
