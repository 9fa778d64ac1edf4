package dev.baton.platform;

import java.net.URI;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;

/**
 * A kind of problem an API client can meet, with a stable identifier that becomes the RFC 9457
 * {@code type} ({@code /problems/{slug}}).
 * <p>
 * Every module declares its own types as constants; a slug may be declared once only, so two
 * modules can never hand out the same identifier for different problems.
 */
public final class ProblemType {

	private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
	private static final Map<String, ProblemType> REGISTRY = new TreeMap<>();

	public static final ProblemType BAD_REQUEST = of("bad-request", HttpStatus.BAD_REQUEST,
			"Bad request", "The request could not be understood.");
	public static final ProblemType VALIDATION_FAILED = of("validation-failed", HttpStatus.BAD_REQUEST,
			"Validation failed", "One or more fields are missing or invalid; see errors[] for each field.");
	public static final ProblemType MALFORMED_BODY = of("malformed-body", HttpStatus.BAD_REQUEST,
			"Malformed request body", "The body is not valid JSON, or a value has the wrong type.");
	public static final ProblemType UNAUTHENTICATED = of("unauthenticated", HttpStatus.UNAUTHORIZED,
			"Authentication required", "Send an API token (Authorization: Bearer ...) or HTTP Basic credentials.");
	public static final ProblemType FORBIDDEN = of("forbidden", HttpStatus.FORBIDDEN,
			"Forbidden", "Your roles do not allow this operation.");
	public static final ProblemType NOT_FOUND = of("not-found", HttpStatus.NOT_FOUND,
			"Not found", "The resource does not exist or is not visible to you.");
	public static final ProblemType METHOD_NOT_ALLOWED = of("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED,
			"Method not allowed", "The resource does not support this HTTP method.");
	public static final ProblemType NOT_ACCEPTABLE = of("not-acceptable", HttpStatus.NOT_ACCEPTABLE,
			"Not acceptable", "The resource cannot be represented in the requested media type.");
	public static final ProblemType UNSUPPORTED_MEDIA_TYPE = of("unsupported-media-type",
			HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", "Send application/json.");
	public static final ProblemType CONFLICT = of("conflict", HttpStatus.CONFLICT,
			"Conflict", "The request conflicts with the current state of the resource.");
	public static final ProblemType STALE_VERSION = of("stale-version", HttpStatus.CONFLICT,
			"Stale version", "Someone else changed the resource since you read it; read it again and retry.");
	public static final ProblemType PRECONDITION_REQUIRED = of("precondition-required",
			HttpStatus.PRECONDITION_REQUIRED, "Precondition required",
			"Updates need an If-Match header with the ETag you read.");
	public static final ProblemType IDEMPOTENCY_KEY_REUSED = of("idempotency-key-reused",
			HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency key reused",
			"The Idempotency-Key was already used for a different request.");
	public static final ProblemType IDEMPOTENCY_KEY_IN_USE = of("idempotency-key-in-use", HttpStatus.CONFLICT,
			"Idempotency key in use", "A request with this Idempotency-Key is still being processed.");
	public static final ProblemType PAYLOAD_TOO_LARGE = of("payload-too-large", HttpStatus.CONTENT_TOO_LARGE,
			"Payload too large", "The request body is larger than the server accepts.");
	public static final ProblemType SERVICE_UNAVAILABLE = of("service-unavailable", HttpStatus.SERVICE_UNAVAILABLE,
			"Service unavailable", "The database cannot be reached right now; retry shortly.");
	/**
	 * A permission policy refused the caller (roles allowed the call, a rule about who may did
	 * not); {@code violations[]} names the rule. The slug is the one the governance module gave it
	 * before it was split into on-site, judgment, post-sales and rituals, which share it.
	 */
	public static final ProblemType NOT_PERMITTED = of("governance-not-permitted", HttpStatus.FORBIDDEN,
			"Not your part to play", "Only certain people may take this step; violations[] names the rule.");
	public static final ProblemType INTERNAL_ERROR = of("internal-error", HttpStatus.INTERNAL_SERVER_ERROR,
			"Internal error", "Something went wrong on our side; quote the request id when reporting it.");

	private final String slug;
	private final HttpStatus status;
	private final String title;
	private final String description;

	private ProblemType(String slug, HttpStatus status, String title, String description) {
		this.slug = slug;
		this.status = status;
		this.title = title;
		this.description = description;
	}

	/**
	 * Declares a problem type. Call it once per slug, from a constant.
	 *
	 * @throws IllegalArgumentException if the slug is not kebab-case
	 * @throws IllegalStateException if the slug is declared already
	 */
	public static ProblemType of(String slug, HttpStatus status, String title, String description) {
		Objects.requireNonNull(slug, "slug");
		Objects.requireNonNull(status, "status");
		if (!SLUG.matcher(slug).matches()) {
			throw new IllegalArgumentException("Problem type slug must be kebab-case but was '" + slug + "'");
		}
		if (!status.isError()) {
			throw new IllegalArgumentException("Problem type " + slug + " needs an error status but was " + status);
		}
		synchronized (REGISTRY) {
			if (REGISTRY.containsKey(slug)) {
				throw new IllegalStateException("Problem type '" + slug + "' is declared twice");
			}
			var type = new ProblemType(slug, status, title, description);
			REGISTRY.put(slug, type);
			return type;
		}
	}

	/** All declared problem types, by slug. */
	public static Collection<ProblemType> all() {
		synchronized (REGISTRY) {
			return Collections.unmodifiableCollection(new java.util.ArrayList<>(REGISTRY.values()));
		}
	}

	public String slug() {
		return slug;
	}

	public HttpStatus status() {
		return status;
	}

	public String title() {
		return title;
	}

	public String description() {
		return description;
	}

	public URI uri() {
		return URI.create("/problems/" + slug);
	}

	@Override
	public String toString() {
		return slug + " (" + status.value() + ")";
	}

	/**
	 * The platform's type for an error status the web server answered itself (no handler spoke:
	 * an unknown path, a refused method, a body too large): one table for both error paths.
	 */
	public static ProblemType forStatus(int status) {
		var resolved = HttpStatus.resolve(status);
		if (resolved == null) {
			return status >= 500 ? INTERNAL_ERROR : BAD_REQUEST;
		}
		return switch (resolved) {
			case NOT_FOUND -> NOT_FOUND;
			case UNAUTHORIZED -> UNAUTHENTICATED;
			case FORBIDDEN -> FORBIDDEN;
			case METHOD_NOT_ALLOWED -> METHOD_NOT_ALLOWED;
			case NOT_ACCEPTABLE -> NOT_ACCEPTABLE;
			case UNSUPPORTED_MEDIA_TYPE -> UNSUPPORTED_MEDIA_TYPE;
			case PRECONDITION_REQUIRED -> PRECONDITION_REQUIRED;
			case CONTENT_TOO_LARGE, PAYLOAD_TOO_LARGE -> PAYLOAD_TOO_LARGE;
			case SERVICE_UNAVAILABLE -> SERVICE_UNAVAILABLE;
			default -> resolved.is4xxClientError() ? BAD_REQUEST : INTERNAL_ERROR;
		};
	}
}
