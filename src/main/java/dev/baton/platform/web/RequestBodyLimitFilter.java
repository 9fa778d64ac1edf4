package dev.baton.platform.web;

import java.io.IOException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.baton.platform.ProblemResponses;
import dev.baton.platform.ProblemType;
import dev.baton.platform.RequestIds;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses API request bodies over {@code baton.web.max-request-body} with 413, whether the size
 * is announced in {@code Content-Length} or only found while reading a chunked body.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestBodyLimitFilter extends OncePerRequestFilter {

	private final long limit;

	RequestBodyLimitFilter(WebProperties properties) {
		this.limit = properties.maxRequestBody().toBytes();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith("/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > limit) {
			ProblemResponses.write(request, response, ProblemType.PAYLOAD_TOO_LARGE, tooLarge());
			return;
		}
		try {
			chain.doFilter(new LimitedRequest(request, limit), response);
		} catch (IOException | ServletException | RuntimeException e) {
			if (!causedByTooLargeBody(e) || response.isCommitted()) {
				throw e;
			}
			response.reset();
			// reset() drops every header, the request id's too
			var requestId = RequestIds.current();
			if (requestId != null) {
				response.setHeader(RequestIds.HEADER, requestId);
			}
			ProblemResponses.write(request, response, ProblemType.PAYLOAD_TOO_LARGE, tooLarge());
		}
	}

	private static boolean causedByTooLargeBody(Throwable throwable) {
		for (var t = throwable; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof BodyTooLargeException) {
				return true;
			}
		}
		return false;
	}

	private String tooLarge() {
		return "The request body is larger than " + limit + " bytes";
	}

	/** Thrown while reading a body that turns out to be over the limit. */
	static final class BodyTooLargeException extends IOException {

		BodyTooLargeException(long limit) {
			super("The request body is larger than " + limit + " bytes");
		}
	}

	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private final long limit;
		private ServletInputStream stream;

		LimitedRequest(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (stream == null) {
				stream = new LimitedStream(super.getInputStream(), limit);
			}
			return stream;
		}

		@Override
		public java.io.BufferedReader getReader() throws IOException {
			var encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
			return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), encoding));
		}
	}

	private static final class LimitedStream extends ServletInputStream {

		private final ServletInputStream delegate;
		private final long limit;
		private long read;

		LimitedStream(ServletInputStream delegate, long limit) {
			this.delegate = delegate;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = delegate.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = delegate.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws BodyTooLargeException {
			read += n;
			if (read > limit) {
				throw new BodyTooLargeException(limit);
			}
		}

		@Override
		public boolean isFinished() {
			return delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			delegate.setReadListener(listener);
		}
	}
}
