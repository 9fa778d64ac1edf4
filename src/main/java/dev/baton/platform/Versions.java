package dev.baton.platform;

import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;

/**
 * Optimistic concurrency at the API edge: an aggregate's version is its ETag, and an update must
 * say which version it read with {@code If-Match}.
 */
public final class Versions {

	private static final Pattern ETAG = Pattern.compile("^(?:W/)?\"(\\d{1,9})\"$");

	private Versions() {
	}

	/** The ETag for a version: {@code "7"}. */
	public static String etag(int version) {
		return "\"" + version + "\"";
	}

	/** Headers carrying the ETag of a version. */
	public static HttpHeaders etagHeaders(int version) {
		var headers = new HttpHeaders();
		headers.setETag(etag(version));
		return headers;
	}

	/**
	 * The version an {@code If-Match} header names.
	 *
	 * @throws BatonException 428 when the header is missing, 400 when it is not an ETag Baton issued
	 */
	public static int expectedVersion(String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank()) {
			throw new BatonException(ProblemType.PRECONDITION_REQUIRED,
					"Send If-Match with the ETag from your last read of this resource");
		}
		var matcher = ETAG.matcher(ifMatch.trim());
		if (!matcher.matches()) {
			throw new BatonException(ProblemType.BAD_REQUEST,
					"If-Match must be an ETag such as \"3\" but was " + ifMatch);
		}
		return Integer.parseInt(matcher.group(1));
	}

	/** The refusal for an update whose expected version is no longer current. */
	public static BatonException stale(String what, Object id, int expected) {
		return new BatonException(ProblemType.STALE_VERSION,
				what + " " + id + " was changed by someone else since version " + expected
						+ "; read it again and retry",
				java.util.List.of(), java.util.Map.of("expectedVersion", expected));
	}
}
