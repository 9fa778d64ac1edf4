package dev.baton.engagement.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import dev.baton.platform.BatonException;
import dev.baton.platform.RequestIds;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refusals on the triage pages answer a page for people, with the same status the API gives,
 * instead of a Problem Detail: a role that may not see a page gets 403.
 */
@ControllerAdvice(assignableTypes = { BoardPage.class, RequestPages.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

	@ExceptionHandler({ AccessDeniedException.class, AuthorizationDeniedException.class })
	String forbidden(HttpServletResponse response, Model model) {
		return page(403, "Forbidden", null, response, model);
	}

	@ExceptionHandler(BatonException.class)
	String refused(BatonException refused, HttpServletResponse response, Model model) {
		var status = refused.type().status();
		return page(status.value(), refused.type().title(), refused.getMessage(), response, model);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	String badParameter(MethodArgumentTypeMismatchException mismatch, HttpServletResponse response, Model model) {
		return page(400, "Bad Request", mismatch.getName() + " is not valid: " + mismatch.getValue(), response, model);
	}

	private static String page(int status, String reason, String detail, HttpServletResponse response, Model model) {
		response.setStatus(status);
		model.addAttribute("status", status);
		model.addAttribute("reason", reason);
		model.addAttribute("detail", detail);
		model.addAttribute("requestId", RequestIds.current());
		return "error";
	}
}
