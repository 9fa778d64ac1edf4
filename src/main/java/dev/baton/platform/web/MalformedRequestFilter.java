package dev.baton.platform.web;

import java.io.IOException;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MultipartException;

import dev.baton.platform.ProblemResponses;
import dev.baton.platform.ProblemType;
import dev.baton.platform.RequestIds;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses, before any other code reads them, requests whose envelope the framework cannot parse:
 * a {@code Content-Type} that is no media type or a wildcard, a multipart body without a
 * boundary, a query string or form body with a broken %-escape or too many parameters. Without
 * it each of these surfaces deep in Spring or Tomcat as an unexpected exception, a 500 and an
 * ERROR log line that quotes the raw input.
 * <p>
 * What it refuses is logged at INFO by kind only, never with the offending value: a form body
 * may carry a password.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class MalformedRequestFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(MalformedRequestFilter.class);

	/** Tomcat's request attribute naming why parameter parsing failed. */
	private static final String PARSE_FAILED_REASON = "org.apache.catalina.parameter_parse_failed_reason";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var refusal = refusal(request);
		if (refusal != null) {
			refuse(request, response, refusal);
			return;
		}
		try {
			chain.doFilter(request, response);
		} catch (IOException | ServletException | RuntimeException e) {
			// a multipart body that breaks off or is otherwise unreadable is found by the dispatcher,
			// before any handler (and so any controller advice) is chosen
			var late = lateRefusal(e);
			if (late == null || response.isCommitted()) {
				throw e;
			}
			response.reset();
			var requestId = RequestIds.current();
			if (requestId != null) {
				response.setHeader(RequestIds.HEADER, requestId);
			}
			refuse(request, response, late);
		}
	}

	/** What is wrong with the request's envelope, or {@code null} when it can be parsed. */
	static Refusal refusal(HttpServletRequest request) {
		var contentType = request.getContentType();
		MediaType mediaType = null;
		if (contentType != null) {
			try {
				mediaType = MediaType.parseMediaType(contentType);
			} catch (InvalidMediaTypeException e) {
				return new Refusal(ProblemType.UNSUPPORTED_MEDIA_TYPE, "bad Content-Type",
						"The Content-Type header is not a media type; send application/json");
			}
			if (mediaType.isWildcardType() || mediaType.isWildcardSubtype()) {
				return new Refusal(ProblemType.UNSUPPORTED_MEDIA_TYPE, "wildcard Content-Type",
						"The Content-Type header must name one media type, not a wildcard; send application/json");
			}
			if ("multipart".equalsIgnoreCase(mediaType.getType()) && mediaType.getParameter("boundary") == null) {
				return new Refusal(ProblemType.MALFORMED_BODY, "multipart without boundary",
						"A multipart body needs a boundary parameter in its Content-Type");
			}
		}
		// parse query string and form body now, while a failure can still be answered cleanly;
		// multipart bodies are left to the multipart resolver, which reads them only when needed
		if (mediaType == null || !"multipart".equalsIgnoreCase(mediaType.getType())) {
			try {
				request.getParameterMap();
			} catch (IllegalStateException e) {
				return parameterRefusal(request);
			}
		}
		return null;
	}

	private static Refusal parameterRefusal(HttpServletRequest request) {
		var reason = String.valueOf(request.getAttribute(PARSE_FAILED_REASON));
		return switch (reason) {
			case "POST_TOO_LARGE" -> new Refusal(ProblemType.PAYLOAD_TOO_LARGE, "form body too large",
					"The form body is larger than the server accepts");
			case "TOO_MANY_PARAMETERS" -> new Refusal(ProblemType.BAD_REQUEST, "too many parameters",
					"The request has more query or form parameters than the server accepts");
			default -> new Refusal(ProblemType.BAD_REQUEST, "undecodable parameters",
					"The query string or form body cannot be decoded: a %-escape is broken or the bytes are not UTF-8");
		};
	}

	private static Refusal lateRefusal(Throwable throwable) {
		for (var t = throwable; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof org.springframework.web.multipart.MaxUploadSizeExceededException) {
				return new Refusal(ProblemType.PAYLOAD_TOO_LARGE, "multipart too large",
						"The multipart body is larger than the server accepts");
			}
			if (t instanceof MultipartException) {
				return new Refusal(ProblemType.MALFORMED_BODY, "unreadable multipart",
						"The multipart body cannot be read");
			}
			if (t instanceof InvalidParameterException) {
				return new Refusal(ProblemType.BAD_REQUEST, "undecodable parameters",
						"The query string or form body cannot be decoded");
			}
			if (t instanceof InvalidMediaTypeException) {
				return new Refusal(ProblemType.UNSUPPORTED_MEDIA_TYPE, "bad media type",
						"A media type in the request is not valid");
			}
		}
		return null;
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response, Refusal refusal)
			throws IOException {
		// neither the path (a calendar feed's is a secret) nor the value: the request id is in the line
		log.info("Refused a {} request: {} ({})", request.getMethod(), refusal.kind(), refusal.type().status().value());
		if (request.getRequestURI().startsWith("/api/") || request.getRequestURI().startsWith("/actuator/")) {
			ProblemResponses.write(request, response, refusal.type(), refusal.detail());
		} else {
			response.sendError(refusal.type().status().value());
		}
	}

	/** Why a request is refused: its problem type, a kind safe to log, and the detail for the client. */
	record Refusal(ProblemType type, String kind, String detail) {
	}
}
