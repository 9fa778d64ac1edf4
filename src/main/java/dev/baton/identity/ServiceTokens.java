package dev.baton.identity;

import java.util.Optional;

/**
 * A kind of API token that stands for a system rather than a person (such as a usage source), told
 * apart by the prefix of its secret. Another module declares one as a bean; the API's token filter
 * hands it every bearer secret with its prefix, and lets the token call only the paths it names.
 */
public interface ServiceTokens {

	/** The prefix every secret of this kind starts with, such as {@code bus_}; never {@code bat_}. */
	String prefix();

	/** The path prefix the tokens may call (such as {@code /api/v1/usage/events}); anything else answers 403. */
	String pathPrefix();

	/** Every path prefix the tokens may call; by default the one {@link #pathPrefix()} names. */
	default java.util.List<String> pathPrefixes() {
		return java.util.List.of(pathPrefix());
	}

	/** The authority an authenticated token holds, such as {@code USAGE_SOURCE}. */
	String authority();

	/** The principal's name for an active secret of this kind, empty when it is unknown or revoked. */
	Optional<String> authenticate(String secret);
}
