package dev.baton.platform.web;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.util.ClassUtils;

import dev.baton.platform.ProblemType;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * Makes the OpenAPI description say what the API answers, which springdoc alone cannot know from
 * handlers that return {@code ResponseEntity}: the success status (201 with {@code Location} for
 * creates, 204 for answers without a body), the media types, which {@code If-Match} headers are
 * required, {@code Idempotency-Key} on POSTs, and every error response as
 * {@code application/problem+json} with the problem types it may carry ({@code x-problem-types}).
 * <p>
 * The statuses of the few operations that do not answer 200 are listed here by method and path, so
 * that they survive classes moving between packages; {@code OpenApiContractTests} and
 * {@code ApiFuzzTests} compare the document with what the API answers for every operation.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiContract {

	static final String MODULE = "x-baton-module";
	static final String PROBLEM_TYPES = "x-problem-types";
	static final String PROBLEM = "Problem";

	/** Success statuses other than a plain 200, by "METHOD path". */
	static final Map<String, List<Integer>> SUCCESS = Map.ofEntries(
			Map.entry("POST /api/v1/users", List.of(201)),
			Map.entry("POST /api/v1/me/tokens", List.of(201)),
			Map.entry("PUT /api/v1/me/password", List.of(204)),
			Map.entry("DELETE /api/v1/me/tokens/{id}", List.of(204)),
			Map.entry("POST /api/v1/me/notifications/{id}/read", List.of(204)),
			Map.entry("POST /api/v1/me/notifications/read-all", List.of(204)),
			Map.entry("POST /api/v1/regions", List.of(201)),
			Map.entry("POST /api/v1/boards", List.of(201)),
			Map.entry("POST /api/v1/people", List.of(201)),
			Map.entry("POST /api/v1/circles", List.of(201)),
			Map.entry("POST /api/v1/people/{id}/absences", List.of(201)),
			Map.entry("DELETE /api/v1/people/{id}/absences/{absenceId}", List.of(204)),
			Map.entry("PUT /api/v1/opportunities/{externalId}", List.of(201, 200)),
			Map.entry("POST /api/v1/opportunities/{opportunityId}/sizing-recommendations", List.of(201)),
			Map.entry("POST /api/v1/sa-requests", List.of(201)),
			Map.entry("POST /api/v1/sa-requests/{id}/comments", List.of(201)),
			Map.entry("POST /api/v1/sa-requests/{id}/reviews", List.of(201, 200)),
			Map.entry("POST /api/v1/sa-requests/{id}/review-waiver", List.of(201)),
			Map.entry("POST /api/v1/onsite-requests", List.of(201)),
			Map.entry("POST /api/v1/opportunities/{id}/judgments", List.of(201)),
			Map.entry("PUT /api/v1/accounts/{accountId}/csm", List.of(200, 204)),
			Map.entry("POST /api/v1/catalog/products", List.of(201)),
			Map.entry("POST /api/v1/catalog/products/{code}/plans", List.of(201)),
			Map.entry("POST /api/v1/price-books", List.of(201)),
			Map.entry("POST /api/v1/orders", List.of(201)),
			Map.entry("POST /api/v1/quotes", List.of(201)),
			Map.entry("POST /api/v1/quotes/{id}/revisions", List.of(201)),
			Map.entry("PUT /api/v1/portal/partners/{partnerAccountId}/end-customers/{customerAccountId}", List.of(204)),
			Map.entry("POST /api/v1/webhooks/endpoints", List.of(201)),
			Map.entry("DELETE /api/v1/webhooks/endpoints/{id}", List.of(204)),
			Map.entry("POST /api/v1/portal/orders", List.of(201)),
			Map.entry("POST /api/v1/licensing/activations", List.of(201)),
			Map.entry("POST /api/v1/licensing/seat-reports", List.of(201, 200)),
			Map.entry("POST /api/v1/portal/licensing/seat-reports", List.of(201, 200)),
			Map.entry("POST /api/v1/licensing/signals/{id}/expansion", List.of(201, 200)),
			Map.entry("POST /api/v1/invoices/{id}/credit-notes", List.of(201)),
			Map.entry("POST /api/v1/invoices/{id}/payments", List.of(201)),
			Map.entry("POST /api/v1/portal/invoices/{id}/payments", List.of(201)),
			Map.entry("POST /api/v1/shadow-billing-runs", List.of(201)));

	/** Operations whose If-Match is optional by design (a version in the body, or an upsert that may create). */
	static final Set<String> IF_MATCH_OPTIONAL = Set.of(
			"POST /api/v1/sa-requests/{id}/assignment",
			"POST /api/v1/sa-requests/{id}/reassignment",
			"PUT /api/v1/opportunities/{externalId}");

	/** Success media types other than JSON, by "METHOD path". */
	static final Map<String, String> MEDIA = Map.of(
			"GET /api/v1/licensing/licenses/{id}/file", "text/plain",
			"GET /api/v1/portal/licensing/licenses/{id}/file", "text/plain",
			"GET /api/v1/governance/reports/{section}.csv", "text/csv",
			"GET /api/v1/quotes/{id}/pdf", "application/pdf",
			"GET /api/v1/invoices/{id}/pdf", "application/pdf",
			"GET /api/v1/portal/invoices/{id}/pdf", "application/pdf",
			"GET /api/v1/shadow-billing-runs/{id}/csv", "text/csv",
			"GET /api/v1/calendar-feeds/{secret}.ics", "text/calendar");

	/** Operations anyone may call (no 401, no 403 for roles). */
	static final Set<String> PUBLIC = Set.of("GET /api/v1/calendar-feeds/{secret}.ics", "GET /api/v1/licensing/keys",
			"POST /api/v1/licensing/activations", "POST /api/v1/licensing/seat-reports");

	private static final String FILING_EXAMPLE = """
			{"opportunityId": "0190f3c2-6f1e-7c3a-9d51-2b8e4f7a1c00", "template": "SA_ACTIVITY", "details": {
			  "preferredDates": [{"start": "2026-12-08T15:00:00Z", "timeZone": "America/New_York"}],
			  "hosting": "SELF_MANAGED", "pains": ["Forty Jenkins plugins to maintain"],
			  "requiredCapabilities": ["Merge request approvals"],
			  "currentTools": [{"name": "Jenkins", "nonNegotiable": false}], "asks": ["DEMO"],
			  "meeting": {"why": "Platform team evaluates consolidation", "objectives": "Show MR to deploy",
			    "agenda": "Intro, demo, Q&A", "attendees": [{"name": "Maria Gonzalez", "title": "VP Engineering"}]}}}""";

	/** Tags each operation with the module of its controller, the first package under dev.baton. */
	@Bean
	OperationCustomizer moduleOfOperation() {
		return (operation, handler) -> {
			var name = handler.getBeanType().getPackageName();
			if (name.startsWith(ProblemTypeCatalog.BASE_PACKAGE + ".")) {
				operation.addExtension(MODULE, name.substring(ProblemTypeCatalog.BASE_PACKAGE.length() + 1).split("\\.")[0]);
			}
			return operation;
		};
	}

	@Bean
	OpenApiCustomizer exactContract(ProblemTypeCatalog catalog) {
		var byModule = typesByModule(catalog);
		return openApi -> {
			if (openApi.getComponents() == null) {
				openApi.setComponents(new Components());
			}
			openApi.getComponents().addSchemas(PROBLEM, problemSchema());
			if (openApi.getPaths() == null) {
				return;
			}
			openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
					.forEach((method, operation) -> describe(method.name() + " " + path, method, operation, byModule)));
			var filing = openApi.getPaths().get("/api/v1/sa-requests");
			if (filing != null && filing.getPost() != null && filing.getPost().getRequestBody() != null) {
				var json = filing.getPost().getRequestBody().getContent().get("application/json");
				if (json != null) {
					json.addExamples("minimal", new Example().summary("The smallest SA Activity filing")
							.value(tools.jackson.databind.json.JsonMapper.builder().build().readValue(FILING_EXAMPLE, Map.class)));
				}
			}
		};
	}

	private static void describe(String key, PathItem.HttpMethod method, Operation operation,
			Map<String, Map<Integer, Set<String>>> byModule) {
		var module = operation.getExtensions() == null ? null : (String) operation.getExtensions().get(MODULE);
		var write = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
		var responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
		operation.setResponses(responses);

		// success: the real status and media type
		var ok = responses.remove("200");
		var statuses = SUCCESS.getOrDefault(key, List.of(200));
		for (var status : statuses) {
			var response = new ApiResponse().description(successDescription(status, key));
			if (status != 204 && ok != null && ok.getContent() != null) {
				var content = new Content();
				var media = MEDIA.getOrDefault(key, "application/json");
				ok.getContent().values().stream().findFirst()
						.ifPresent(type -> content.addMediaType(media, new MediaType().schema(type.getSchema())));
				response.setContent(content);
			}
			if (status == 201) {
				response.addHeaderObject(HttpHeaders.LOCATION,
						new Header().description("Where the created resource is read").schema(new StringSchema()));
			}
			responses.addApiResponse(String.valueOf(status), response);
		}

		// headers: If-Match required unless optional by design, Idempotency-Key on every POST
		var ifMatch = false;
		if (operation.getParameters() != null) {
			for (var parameter : operation.getParameters()) {
				if ("header".equals(parameter.getIn()) && HttpHeaders.IF_MATCH.equalsIgnoreCase(parameter.getName())) {
					ifMatch = !IF_MATCH_OPTIONAL.contains(key);
					parameter.setRequired(ifMatch);
					parameter.setDescription(ifMatch ? "The ETag of your last read; without it 428, stale 409"
							: "Optional: the ETag of your last read; stale 409");
				}
			}
		}
		if (method == PathItem.HttpMethod.POST) {
			operation.addParametersItem(new HeaderParameter().name("Idempotency-Key").required(false)
					.description("1 to 255 visible ASCII characters; the same key and body answer the first answer again")
					.schema(new StringSchema().maxLength(255)));
		}

		// errors: what the edge can answer on any operation, then the module's own types
		var errors = new TreeMap<Integer, Set<String>>();
		add(errors, ProblemType.BAD_REQUEST, ProblemType.MALFORMED_BODY, ProblemType.VALIDATION_FAILED,
				ProblemType.NOT_FOUND, ProblemType.NOT_ACCEPTABLE, ProblemType.PAYLOAD_TOO_LARGE,
				ProblemType.UNSUPPORTED_MEDIA_TYPE, ProblemType.INTERNAL_ERROR, ProblemType.SERVICE_UNAVAILABLE);
		var publicOperation = PUBLIC.contains(key);
		if (!publicOperation) {
			// the shared refusal of the engagement model's capability modules (see ADR 0007)
			add(errors, ProblemType.UNAUTHENTICATED, ProblemType.FORBIDDEN, ProblemType.NOT_PERMITTED);
		} else {
			operation.setSecurity(List.of());
		}
		if (ifMatch || IF_MATCH_OPTIONAL.contains(key) && write) {
			add(errors, ProblemType.STALE_VERSION);
		}
		if (ifMatch) {
			add(errors, ProblemType.PRECONDITION_REQUIRED);
		}
		if (write) {
			add(errors, ProblemType.CONFLICT, ProblemType.STALE_VERSION);
		}
		if (method == PathItem.HttpMethod.POST) {
			add(errors, ProblemType.IDEMPOTENCY_KEY_REUSED, ProblemType.IDEMPOTENCY_KEY_IN_USE);
		}
		var own = byModule.getOrDefault(ANY_MODULE, Map.of());
		own.forEach((status, slugs) -> {
			// a module's conflicts and unprocessable states come from its writes; refusals and lookups from any
			if (write || (status != 409 && status != 422)) {
				errors.computeIfAbsent(status, s -> new TreeSet<>()).addAll(slugs);
			}
		});
		errors.forEach((status, slugs) -> {
			var types = slugs.stream().map(slug -> "/problems/" + slug).toList();
			var response = new ApiResponse()
					.description(String.join(", ", types))
					.content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
							new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
			response.addExtension(PROBLEM_TYPES, types);
			responses.addApiResponse(String.valueOf(status), response);
		});
	}

	private static String successDescription(int status, String key) {
		return switch (status) {
			case 201 -> key.endsWith("/reviews") ? "Your first review" : "Created";
			case 204 -> key.endsWith("/csm") ? "The alignment was removed" : "Done; no body";
			default -> key.endsWith("/reviews") ? "Your earlier review was replaced (it counts once)"
					: key.startsWith("PUT /api/v1/opportunities/") ? "Updated" : "OK";
		};
	}

	private static void add(Map<Integer, Set<String>> errors, ProblemType... types) {
		for (var type : types) {
			errors.computeIfAbsent(type.status().value(), s -> new TreeSet<>()).add(type.slug());
		}
	}

	/**
	 * The modules' problem types, by status (the constants of every {@code *Problems} class). An
	 * operation may answer any of them: modules call each other's APIs, so a type is not confined
	 * to its module's operations (an assignment step can refuse with engagement's
	 * {@code sa-request-not-permitted}).
	 */
	static Map<String, Map<Integer, Set<String>>> typesByModule(ProblemTypeCatalog catalog) {
		var byStatus = new TreeMap<Integer, Set<String>>();
		for (var name : catalog.declaringClasses()) {
			var type = ClassUtils.resolveClassName(name, ClassUtils.getDefaultClassLoader());
			for (var field : type.getDeclaredFields()) {
				if (Modifier.isStatic(field.getModifiers()) && field.getType() == ProblemType.class) {
					try {
						field.setAccessible(true);
						var problem = (ProblemType) field.get(null);
						byStatus.computeIfAbsent(problem.status().value(), s -> new TreeSet<>()).add(problem.slug());
					} catch (IllegalAccessException | RuntimeException e) {
						throw new IllegalStateException("Cannot read problem type " + name + "." + field.getName(), e);
					}
				}
			}
		}
		return Map.of(ANY_MODULE, byStatus);
	}

	static final String ANY_MODULE = "*";

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static Schema problemSchema() {
		var error = new ObjectSchema().addProperty("field", new StringSchema().description("JSON path or parameter name"))
				.addProperty("message", new StringSchema());
		return new ObjectSchema().description("An RFC 9457 Problem Detail; `type` is stable, see /problems")
				.addProperty("type", new StringSchema().example("/problems/validation-failed"))
				.addProperty("title", new StringSchema())
				.addProperty("status", new IntegerSchema())
				.addProperty("detail", new StringSchema())
				.addProperty("instance", new StringSchema())
				.addProperty("requestId", new StringSchema().description("The X-Request-Id header, as logged"))
				.addProperty("errors", new ArraySchema().items(error))
				.required(new ArrayList<>(List.of("type", "title", "status")));
	}
}
