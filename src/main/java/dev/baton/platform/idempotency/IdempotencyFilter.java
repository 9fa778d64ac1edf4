package dev.baton.platform.idempotency;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.regex.Pattern;

import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import dev.baton.platform.Idempotency;
import dev.baton.platform.ProblemResponses;
import dev.baton.platform.ProblemType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Honours the {@code Idempotency-Key} header on creating POSTs under {@code /api/}: the same key
 * with the same body gets the first answer again, the same key with another body gets 422.
 * <p>
 * The key is claimed, the request handled and its answer stored in one transaction, so a crash
 * leaves either nothing (the retry runs anew) or the whole result. Only successful answers are
 * kept; a refused request may be retried with the same key. A handler whose answer carries a
 * secret marks it with {@link Idempotency#doNotKeepAnswer}: its change commits, its key is
 * released and nothing of the answer is stored.
 */
@Component
@Order(0)
class IdempotencyFilter extends OncePerRequestFilter {

	static final String HEADER = "Idempotency-Key";
	static final String REPLAYED = "Idempotent-Replayed";

	private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

	private final IdempotencyStore store;
	private final TransactionTemplate transactions;
	private final Clock clock;
	private final IdempotencyProperties properties;

	IdempotencyFilter(IdempotencyStore store, TransactionTemplate transactions, Clock clock,
			IdempotencyProperties properties) {
		this.store = store;
		this.transactions = transactions;
		this.clock = clock;
		this.properties = properties;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || !request.getRequestURI().startsWith("/api/")
				|| request.getHeader(HEADER) == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var key = request.getHeader(HEADER);
		if (!KEY.matcher(key).matches()) {
			ProblemResponses.write(request, response, ProblemType.BAD_REQUEST,
					HEADER + " must be 1 to 255 visible ASCII characters");
			return;
		}
		// a multipart body is parsed by the container, which keeps its parts for the handler; any
		// other body is read here and handed on from memory
		var multipart = isMultipart(request);
		byte[] body;
		try {
			body = multipart ? multipartFingerprint(request) : request.getInputStream().readAllBytes();
		} catch (ServletException | IllegalStateException unreadable) {
			ProblemResponses.write(request, response, ProblemType.BAD_REQUEST,
					"The multipart body could not be read: " + unreadable.getMessage());
			return;
		}
		var forwarded = multipart ? request : new CachedBodyRequest(request, body);
		var principal = principal();
		var path = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
		var hash = hash(request.getMethod(), path, body);

		var previous = store.find(principal, key, notBefore());
		if (previous.isPresent()) {
			replayOrRefuse(previous.get(), hash, request, response);
			return;
		}

		var cached = new ContentCachingResponseWrapper(response);
		try {
			transactions.executeWithoutResult(status -> {
				store.claim(principal, key, request.getMethod(), path, hash, notBefore());
				try {
					chain.doFilter(forwarded, cached);
				} catch (IOException | ServletException e) {
					throw new FilterFailure(e);
				}
				var succeeded = cached.getStatus() >= 200 && cached.getStatus() < 400;
				if (succeeded && request.getAttribute(Idempotency.DO_NOT_KEEP_ANSWER) != null) {
					// the answer holds a secret: keep the change, release the key, store nothing
					store.release(principal, key);
				} else if (succeeded) {
					store.complete(principal, key, cached.getStatus(), cached.getContentType(),
							cached.getHeader(HttpHeaders.LOCATION), cached.getHeader(HttpHeaders.ETAG),
							cached.getContentAsByteArray());
				} else {
					status.setRollbackOnly();
				}
			});
		} catch (DuplicateKeyException concurrent) {
			// another request with this key committed first: answer as it did
			var winner = store.find(principal, key, notBefore());
			if (winner.isPresent()) {
				cached.resetBuffer();
				replayOrRefuse(winner.get(), hash, request, response);
				return;
			}
			ProblemResponses.write(request, response, ProblemType.IDEMPOTENCY_KEY_IN_USE, null);
			return;
		} catch (FilterFailure failure) {
			var cause = failure.getCause();
			if (cause instanceof IOException io) {
				throw io;
			}
			throw (ServletException) cause;
		}
		cached.copyBodyToResponse();
	}

	private void replayOrRefuse(StoredResponse stored, String hash, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		if (!stored.requestHash().equals(hash)) {
			ProblemResponses.write(request, response, ProblemType.IDEMPOTENCY_KEY_REUSED,
					"The Idempotency-Key was first used for " + stored.method() + " " + stored.path()
							+ " with another body; use a new key for a new request");
			return;
		}
		response.setStatus(stored.status());
		if (stored.contentType() != null) {
			response.setContentType(stored.contentType());
		}
		if (stored.location() != null) {
			response.setHeader(HttpHeaders.LOCATION, stored.location());
		}
		if (stored.etag() != null) {
			response.setHeader(HttpHeaders.ETAG, stored.etag());
		}
		response.setHeader(REPLAYED, "true");
		response.setContentLength(stored.body().length);
		response.getOutputStream().write(stored.body());
	}

	/** Forgets old keys; safe on every instance at once, as each run deletes only what is expired. */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	void forgetExpiredKeys() {
		store.deleteOlderThan(notBefore());
	}

	private java.time.Instant notBefore() {
		return clock.instant().minus(properties.retention());
	}

	private static String principal() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication == null ? "anonymous" : authentication.getName();
	}

	private static String hash(String method, String path, byte[] body) {
		try {
			var digest = MessageDigest.getInstance("SHA-256");
			digest.update(method.getBytes(StandardCharsets.UTF_8));
			digest.update((byte) 0);
			digest.update(path.getBytes(StandardCharsets.UTF_8));
			digest.update((byte) 0);
			digest.update(body);
			return HexFormat.of().formatHex(digest.digest());
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every JDK", e);
		}
	}

	private static final class FilterFailure extends RuntimeException {

		FilterFailure(Exception cause) {
			super(cause);
		}
	}

	private static boolean isMultipart(HttpServletRequest request) {
		var type = request.getContentType();
		return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
	}

	/**
	 * What a multipart request sends, independent of its boundary (which clients choose anew for
	 * every send): each part's name, file name, type and content, in order.
	 */
	private static byte[] multipartFingerprint(HttpServletRequest request) throws IOException, ServletException {
		var out = new java.io.ByteArrayOutputStream();
		for (var part : request.getParts()) {
			var head = part.getName() + "\n" + part.getSubmittedFileName() + "\n" + part.getContentType() + "\n"
					+ part.getSize() + "\n";
			out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
			try (var in = part.getInputStream()) {
				in.transferTo(out);
			}
		}
		return out.toByteArray();
	}

	private static final class CachedBodyRequest extends HttpServletRequestWrapper {

		private final byte[] body;

		CachedBodyRequest(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			var in = new ByteArrayInputStream(body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("synchronous reads only");
				}
			};
		}

		@Override
		public java.io.BufferedReader getReader() {
			var encoding = getCharacterEncoding() == null ? StandardCharsets.UTF_8.name() : getCharacterEncoding();
			return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
					java.nio.charset.Charset.forName(encoding)));
		}

		@Override
		public int getContentLength() {
			return body.length;
		}

		@Override
		public long getContentLengthLong() {
			return body.length;
		}
	}
}
