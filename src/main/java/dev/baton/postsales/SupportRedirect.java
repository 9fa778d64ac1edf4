package dev.baton.postsales;

import java.util.UUID;

/** The filled-in after-close reply that redirects a customer to support, and who it copies. */
public record SupportRedirect(UUID accountId, String accountName, boolean csmAligned, String csmName,
		String csmEmail, String aeName, String aeEmail, String subject, String text) {
}
