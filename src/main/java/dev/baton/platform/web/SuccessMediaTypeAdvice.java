package dev.baton.platform.web;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Keeps {@code application/problem+json} for problems. A client that accepts only that type would
 * otherwise get a successful answer labelled as a problem, since the JSON converter writes both.
 */
@ControllerAdvice
class SuccessMediaTypeAdvice implements ResponseBodyAdvice<Object> {

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType selectedContentType,
			Class<? extends HttpMessageConverter<?>> selectedConverterType, ServerHttpRequest request,
			ServerHttpResponse response) {
		if (!(body instanceof ProblemDetail) && MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(selectedContentType)
				&& selectedContentType.getSubtype().equals(MediaType.APPLICATION_PROBLEM_JSON.getSubtype())) {
			response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		}
		return body;
	}
}
