package dev.baton.engagement;

/**
 * Where the customer means to run the product.
 */
public enum Hosting {
	SELF_MANAGED, CLOUD, SAAS
}
