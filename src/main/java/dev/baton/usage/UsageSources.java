package dev.baton.usage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.baton.audit.AuditLog;
import dev.baton.identity.ServiceTokens;
import dev.baton.platform.BatonException;
import dev.baton.platform.Decision;
import dev.baton.platform.ProblemType;
import dev.baton.usage.jdbc.UsageRepository;

/**
 * The systems that send usage, each with its own token: the token may only post events, and only
 * events of its own source. Baton keeps the SHA-256 of the token (a 256-bit random secret), shows
 * the token once, and lets an administrator revoke or rotate it.
 */
@Service
public class UsageSources implements ServiceTokens {

	public static final String PREFIX = "bus_";
	public static final String AUTHORITY = "USAGE_SOURCE";

	private static final Pattern SOURCE = Pattern.compile("[^\\s]{1,200}");

	private final UsageRepository repository;
	private final AuditLog audit;
	private final Clock clock;
	private final SecureRandom random = new SecureRandom();

	UsageSources(UsageRepository repository, AuditLog audit, Clock clock) {
		this.repository = repository;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public UsageSource.Registered register(String source, String description, String by) {
		Decision.check()
				.refuseIf(source == null || !SOURCE.matcher(source.strip()).matches(), UsageRule.SOURCE,
						() -> "A source is the CloudEvents source its events carry (such as //ci.acme.example/runners),"
								+ " 1 to 200 characters without spaces")
				.decide().orThrow(UsageProblems.SOURCE);
		var name = source.strip();
		if (repository.sourceTaken(name)) {
			throw new BatonException(ProblemType.CONFLICT, "Source '" + name + "' has a token already; rotate it instead");
		}
		var token = newToken();
		var registered = new UsageSource(UUID.randomUUID(), name,
				description == null || description.isBlank() ? null : description.strip(), token.substring(0, 12), by,
				clock.instant(), null, null);
		repository.insertSource(registered, hash(token));
		audit.record("usage.source-registered", "usage_source", registered.id(), null, Map.of("source", name));
		return new UsageSource.Registered(registered, token);
	}

	@Transactional(readOnly = true)
	public List<UsageSource> sources() {
		return repository.sources();
	}

	@Transactional(readOnly = true)
	public UsageSource source(UsageSourceId sourceId) {
		var id = sourceId.value();
		return repository.source(id).orElseThrow(() -> BatonException.notFound("Usage source", id));
	}

	/** A new token for the source; the previous one stops working at once. */
	@Transactional
	public UsageSource.Registered rotate(UsageSourceId sourceId) {
		var id = sourceId.value();
		var source = source(sourceId);
		var token = newToken();
		if (!repository.rotate(id, hash(token), token.substring(0, 12))) {
			throw new BatonException(ProblemType.CONFLICT, "Source '" + source.source() + "' is revoked; register it anew");
		}
		audit.record("usage.source-rotated", "usage_source", id, null, Map.of("source", source.source()));
		return new UsageSource.Registered(source(sourceId), token);
	}

	/** The token stops working; the events it sent stay counted. */
	@Transactional
	public void revoke(UsageSourceId sourceId) {
		var id = sourceId.value();
		var source = source(sourceId);
		if (repository.revoke(id, clock.instant())) {
			audit.record("usage.source-revoked", "usage_source", id, null, Map.of("source", source.source()));
		}
	}

	@Override
	public String prefix() {
		return PREFIX;
	}

	@Override
	public String pathPrefix() {
		return "/api/v1/usage/events";
	}

	/** Sources also ask what a subject may still use (the product checks it before a CI job starts). */
	@Override
	public List<String> pathPrefixes() {
		return List.of(pathPrefix(), "/api/v1/entitlements/");
	}

	@Override
	public String authority() {
		return AUTHORITY;
	}

	@Override
	public Optional<String> authenticate(String secret) {
		if (secret == null || secret.length() > 100) {
			return Optional.empty();
		}
		return repository.authenticate(hash(secret), clock.instant());
	}

	private String newToken() {
		var bytes = new byte[32];
		random.nextBytes(bytes);
		return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static String hash(String secret) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every JDK", e);
		}
	}
}
