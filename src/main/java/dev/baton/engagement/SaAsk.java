package dev.baton.engagement;

/**
 * What an AE asks the SA for.
 */
public enum SaAsk {
	DEMO, TECHNICAL_QA, DEEP_DIVE, DISCOVERY, WHITEBOARDING, RFI_RFP, SECURITY_AUDIT, SOW_SCOPING, POV, REVERSE_AMA,
	WORKSHOP
}
