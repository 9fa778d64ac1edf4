package dev.baton.catalog;

/**
 * Where the customer runs what they buy.
 */
public enum Deployment {
	SAAS, SELF_MANAGED, DEDICATED
}
