package dev.baton.platform;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.slf4j.MDC;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the Problem Details Baton answers with, and writes them where no MVC handler runs
 * (servlet filters, security entry points).
 */
public final class ProblemResponses {

	public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ProblemResponses() {
	}

	/** A problem of the given type, for the current request. */
	public static ProblemDetail problem(ProblemType type, String detail, HttpServletRequest request) {
		var problem = ProblemDetail.forStatusAndDetail(type.status(), detail == null ? type.description() : detail);
		problem.setType(type.uri());
		problem.setTitle(type.title());
		if (request != null) {
			problem.setInstance(java.net.URI.create(request.getRequestURI()));
		}
		var requestId = MDC.get(RequestIds.MDC_KEY);
		if (requestId != null) {
			problem.setProperty("requestId", requestId);
		}
		return problem;
	}

	/** A problem from a refusal, with its field errors and extra properties. */
	public static ProblemDetail problem(BatonException exception, HttpServletRequest request) {
		var problem = problem(exception.type(), exception.getMessage(), request);
		withErrors(problem, exception.fieldErrors());
		exception.properties().forEach(problem::setProperty);
		return problem;
	}

	public static ProblemDetail withErrors(ProblemDetail problem, List<FieldError> errors) {
		if (!errors.isEmpty()) {
			problem.setProperty("errors",
					errors.stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList());
		}
		return problem;
	}

	/** Writes a problem straight to the servlet response. */
	public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		response.setStatus(problem.getStatus());
		response.setContentType(PROBLEM_JSON.toString());
		response.setCharacterEncoding("UTF-8");
		var body = new java.util.LinkedHashMap<String, Object>();
		body.put("type", problem.getType().toString());
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		body.put("detail", problem.getDetail());
		if (problem.getInstance() != null) {
			body.put("instance", problem.getInstance().toString());
		}
		if (problem.getProperties() != null) {
			body.putAll(problem.getProperties());
		}
		response.getWriter().write(JSON.writeValueAsString(body));
		response.getWriter().flush();
	}

	public static void write(HttpServletRequest request, HttpServletResponse response, ProblemType type,
			String detail) throws IOException {
		write(response, problem(type, detail, request));
	}
}
