package dev.baton.platform.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.BindingResult;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import dev.baton.platform.BatonException;
import dev.baton.platform.FieldError;
import dev.baton.platform.ProblemResponses;
import dev.baton.platform.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * The one place where exceptions become RFC 9457 Problem Details for API clients: a stable
 * {@code type}, a detail that names what is wrong, per-field {@code errors}, and never a stack
 * trace or SQL.
 */
@RestControllerAdvice(basePackages = "dev.baton")
@Order(Ordered.LOWEST_PRECEDENCE)
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	@ExceptionHandler(BatonException.class)
	ResponseEntity<ProblemDetail> refused(BatonException exception, HttpServletRequest request) {
		return respond(ProblemResponses.problem(exception, request));
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ResponseEntity<ProblemDetail> staleVersion(OptimisticLockingFailureException exception, HttpServletRequest request) {
		return respond(ProblemResponses.problem(ProblemType.STALE_VERSION, null, request));
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<ProblemDetail> conflict(DataIntegrityViolationException exception, HttpServletRequest request) {
		if (isUnacceptableValue(exception)) {
			// the value itself is wrong (a NUL character, a number out of range, a missing value), not
			// the state of the data: the client has to change the request, so 400, not 409
			log.info("Refused a value the database does not accept: {}", rootMessage(exception));
			return respond(ProblemResponses.problem(ProblemType.VALIDATION_FAILED,
					"A value is not acceptable: it may be missing, too long or out of range, or contain a "
							+ "character that cannot be stored (such as NUL)", request));
		}
		// the constraint name is ours and safe to log, the SQL text stays out of the response
		log.info("Refused a write that breaks a database constraint: {}", rootMessage(exception));
		return respond(ProblemResponses.problem(ProblemType.CONFLICT,
				"The change conflicts with existing data (a duplicate or a missing reference)", request));
	}

	/** SQLState class 22 (data exception) or 23502 (not-null violation). */
	private static boolean isUnacceptableValue(Throwable exception) {
		for (var t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
				var state = sql.getSQLState();
				return state.startsWith("22") || state.equals("23502");
			}
		}
		return false;
	}

	@ExceptionHandler({ CannotGetJdbcConnectionException.class, CannotCreateTransactionException.class,
			DataAccessResourceFailureException.class, TransientDataAccessResourceException.class })
	ResponseEntity<ProblemDetail> databaseUnavailable(Exception exception, HttpServletRequest request) {
		log.warn("Database unavailable: {}", rootMessage(exception));
		var response = respond(ProblemResponses.problem(ProblemType.SERVICE_UNAVAILABLE, null, request));
		return ResponseEntity.status(response.getStatusCode()).header(HttpHeaders.RETRY_AFTER, "5")
				.body(response.getBody());
	}

	@ExceptionHandler({ AccessDeniedException.class, AuthorizationDeniedException.class })
	ResponseEntity<ProblemDetail> forbidden(RuntimeException exception, HttpServletRequest request) {
		return respond(ProblemResponses.problem(ProblemType.FORBIDDEN, null, request));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException exception,
			HttpServletRequest request) {
		var type = exception.getRequiredType();
		var expected = type == null ? "another type"
				: type.isEnum() ? "one of " + enumValues(type) : describe(type);
		var message = "must be " + expected + " but was '" + exception.getValue() + "'";
		return validation(request, List.of(new FieldError(exception.getName(), message)));
	}

	/**
	 * A query string or form body Tomcat cannot decode, met by a handler (the filter refuses most
	 * before). Its message quotes the raw value, which may be a secret: not logged.
	 */
	@ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
	ResponseEntity<ProblemDetail> undecodableParameters(RuntimeException exception, HttpServletRequest request) {
		log.info("Refused a {} request: undecodable parameters", request.getMethod());
		return respond(ProblemResponses.problem(ProblemType.BAD_REQUEST,
				"The query string or form body cannot be decoded", request));
	}

	@ExceptionHandler(org.springframework.http.InvalidMediaTypeException.class)
	ResponseEntity<ProblemDetail> invalidMediaType(RuntimeException exception, HttpServletRequest request) {
		return respond(ProblemResponses.problem(ProblemType.UNSUPPORTED_MEDIA_TYPE,
				"A media type in the request is not valid", request));
	}

	@ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
	ResponseEntity<ProblemDetail> unreadableMultipart(RuntimeException exception, HttpServletRequest request) {
		if (exception instanceof org.springframework.web.multipart.MaxUploadSizeExceededException) {
			return respond(ProblemResponses.problem(ProblemType.PAYLOAD_TOO_LARGE, null, request));
		}
		log.info("Refused a {} request: unreadable multipart body", request.getMethod());
		return respond(ProblemResponses.problem(ProblemType.MALFORMED_BODY, "The multipart body cannot be read", request));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception exception, HttpServletRequest request) {
		log.error("Unexpected error serving {} {}", request.getMethod(), request.getRequestURI(), exception);
		return respond(ProblemResponses.problem(ProblemType.INTERNAL_ERROR, null, request));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException exception,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return cast(validation(servlet(request), fieldErrors(exception.getBindingResult())));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException exception,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		var errors = new ArrayList<FieldError>();
		exception.getParameterValidationResults().forEach(result -> {
			var name = result.getMethodParameter().getParameterName();
			result.getResolvableErrors().forEach(error -> {
				var field = error instanceof org.springframework.validation.FieldError fe ? fe.getField() : name;
				errors.add(new FieldError(field == null ? "request" : field, String.valueOf(error.getDefaultMessage())));
			});
		});
		return cast(validation(servlet(request), errors));
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException exception,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return cast(validation(servlet(request),
				List.of(new FieldError(exception.getParameterName(), "is required"))));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		var servletRequest = servlet(request);
		var tooLarge = findCause(exception, RequestBodyLimitFilter.BodyTooLargeException.class);
		if (tooLarge != null) {
			return cast(respond(ProblemResponses.problem(ProblemType.PAYLOAD_TOO_LARGE, tooLarge.getMessage(),
					servletRequest)));
		}
		var jackson = findCause(exception, JacksonException.class);
		if (jackson == null) {
			return cast(respond(ProblemResponses.problem(ProblemType.MALFORMED_BODY,
					"The request body is missing or is not JSON", servletRequest)));
		}
		var field = fieldPath(jackson);
		if (jackson instanceof UnrecognizedPropertyException unknown) {
			return cast(malformed(servletRequest, field, "is not a known field"
					+ (unknown.getKnownPropertyIds() == null ? ""
							: "; known fields: " + unknown.getKnownPropertyIds().stream().map(String::valueOf)
									.sorted().collect(Collectors.joining(", ")))));
		}
		if (jackson instanceof InvalidFormatException invalid) {
			var target = invalid.getTargetType();
			var expected = target != null && target.isEnum() ? "one of " + enumValues(target) : describe(target);
			return cast(malformed(servletRequest, field,
					"must be " + expected + " but was '" + invalid.getValue() + "'"));
		}
		if (jackson instanceof InvalidNullException) {
			return cast(malformed(servletRequest, field, "must not be null"));
		}
		if (jackson instanceof ValueInstantiationException instantiation) {
			var cause = instantiation.getCause();
			if (cause instanceof BatonException refusal) {
				return cast(respond(ProblemResponses.problem(refusal, servletRequest)));
			}
			var message = cause != null && cause.getMessage() != null ? cause.getMessage() : "is not valid";
			return cast(malformed(servletRequest, field, message));
		}
		var missing = missingRequiredField(jackson);
		if (missing != null) {
			var path = field.isEmpty() ? missing : field + "." + missing;
			return cast(validation(servletRequest, List.of(new FieldError(path, "is required (send null to clear it)"))));
		}
		if (jackson instanceof MismatchedInputException mismatched) {
			var target = mismatched.getTargetType();
			var expected = target == null ? "of another type" : describe(target);
			return cast(malformed(servletRequest, field.isEmpty() ? "body" : field, "must be " + expected));
		}
		if (jackson instanceof StreamReadException read) {
			var location = read.getLocation();
			var where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
			return cast(respond(ProblemResponses.problem(ProblemType.MALFORMED_BODY,
					"The request body is not valid JSON" + where, servletRequest)));
		}
		return cast(malformed(servletRequest, field.isEmpty() ? "body" : field, "could not be read"));
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception exception, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		// Spring's own exceptions (404, 405, 406, 415, ...) get Baton's stable types too
		ProblemType type = null;
		if (exception instanceof NoResourceFoundException) {
			type = ProblemType.NOT_FOUND;
		} else if (exception instanceof HttpRequestMethodNotSupportedException) {
			type = ProblemType.METHOD_NOT_ALLOWED;
		} else if (exception instanceof HttpMediaTypeNotSupportedException) {
			type = ProblemType.UNSUPPORTED_MEDIA_TYPE;
		} else if (exception instanceof HttpMediaTypeNotAcceptableException) {
			type = ProblemType.NOT_ACCEPTABLE;
		} else if (exception instanceof MissingRequestHeaderException) {
			type = ProblemType.BAD_REQUEST;
		} else if (statusCode.value() == ProblemType.PAYLOAD_TOO_LARGE.status().value()) {
			type = ProblemType.PAYLOAD_TOO_LARGE;
		}
		if (type == null) {
			type = statusCode.is5xxServerError() ? ProblemType.INTERNAL_ERROR : ProblemType.BAD_REQUEST;
		}
		var detail = body instanceof ProblemDetail existing && existing.getDetail() != null && type != ProblemType.INTERNAL_ERROR
				? existing.getDetail() : null;
		var problem = ProblemResponses.problem(type, detail, servlet(request));
		problem.setStatus(statusCode.value());
		return ResponseEntity.status(statusCode).headers(headers).contentType(ProblemResponses.PROBLEM_JSON)
				.body(problem);
	}

	private ResponseEntity<ProblemDetail> malformed(HttpServletRequest request, String field, String message) {
		var problem = ProblemResponses.problem(ProblemType.MALFORMED_BODY, field + ": " + message, request);
		ProblemResponses.withErrors(problem, List.of(new FieldError(field, message)));
		return respond(problem);
	}

	private ResponseEntity<ProblemDetail> validation(HttpServletRequest request, List<FieldError> errors) {
		var detail = errors.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; "));
		var problem = ProblemResponses.problem(ProblemType.VALIDATION_FAILED, detail, request);
		ProblemResponses.withErrors(problem, errors);
		return respond(problem);
	}

	private static List<FieldError> fieldErrors(BindingResult result) {
		var errors = new ArrayList<FieldError>();
		result.getFieldErrors().forEach(e -> errors.add(new FieldError(e.getField(), String.valueOf(e.getDefaultMessage()))));
		result.getGlobalErrors().forEach(e -> errors.add(new FieldError(e.getObjectName(), String.valueOf(e.getDefaultMessage()))));
		errors.sort(java.util.Comparator.comparing(FieldError::field));
		return errors;
	}

	private static final java.util.regex.Pattern MISSING_CREATOR_PROPERTY = java.util.regex.Pattern
			.compile("^Missing required creator property '([^']+)'");

	/** The field a body left out although its type declares it required (absence is not null there). */
	private static String missingRequiredField(JacksonException exception) {
		var message = exception.getOriginalMessage();
		var matcher = message == null ? null : MISSING_CREATOR_PROPERTY.matcher(message);
		return matcher != null && matcher.find() ? matcher.group(1) : null;
	}

	private static String fieldPath(JacksonException exception) {
		var path = new StringBuilder();
		for (var reference : exception.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			} else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static String enumValues(Class<?> type) {
		return Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
	}

	private static String describe(Class<?> type) {
		if (type == null) {
			return "of another type";
		}
		if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
			return "a number";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		if (type == String.class) {
			return "a string";
		}
		if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
			return "an ISO-8601 " + type.getSimpleName();
		}
		if (java.util.UUID.class == type || dev.baton.platform.Identifier.class.isAssignableFrom(type)) {
			return "a UUID";
		}
		if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
			return "a JSON array";
		}
		return "a JSON object";
	}

	private static <T extends Throwable> T findCause(Throwable throwable, Class<T> type) {
		for (var t = throwable; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
		}
		return null;
	}

	private static String rootMessage(Throwable throwable) {
		var root = throwable;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getMessage();
	}

	private static HttpServletRequest servlet(WebRequest request) {
		return ((ServletWebRequest) request).getRequest();
	}

	private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(ProblemResponses.PROBLEM_JSON).body(problem);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static ResponseEntity<Object> cast(ResponseEntity<ProblemDetail> response) {
		return (ResponseEntity) response;
	}
}
