package dev.baton.platform.web;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

import dev.baton.platform.ProblemResponses;
import dev.baton.platform.ProblemType;
import dev.baton.platform.Words;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers errors that happen outside a controller (the servlet container's {@code /error}):
 * a Problem Detail for API clients, a plain page for people.
 */
@Controller
class ErrorPageController implements ErrorController {

	private final Words words;

	ErrorPageController(Words words) {
		this.words = words;
	}

	@RequestMapping(path = "/error", produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE })
	ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
		var status = status(request);
		var problem = ProblemResponses.problem(ProblemType.forStatus(status.value()), null, request);
		problem.setStatus(status.value());
		var uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (uri != null) {
			problem.setInstance(java.net.URI.create(uri));
		}
		return ResponseEntity.status(status).contentType(ProblemResponses.PROBLEM_JSON).body(problem);
	}

	@RequestMapping("/error")
	Object page(HttpServletRequest request, HttpServletResponse response, Model model) {
		var uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (uri != null && uri.startsWith("/api/")) {
			return problem(request);
		}
		var status = status(request);
		response.setStatus(status.value());
		model.addAttribute("status", status.value());
		model.addAttribute("reason", status.getReasonPhrase());
		// the status's own phrase in the reader's language where the bundle has it
		if (words.has("error.status." + status.value())) {
			model.addAttribute("reasonKey", "error.status." + status.value());
		}
		model.addAttribute("requestId", dev.baton.platform.RequestIds.current());
		return "error";
	}

	private static HttpStatus status(HttpServletRequest request) {
		var code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		var status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
		return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
	}
}
