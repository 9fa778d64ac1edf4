package dev.baton.usage.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.baton.platform.BatonException;
import dev.baton.platform.ProblemType;
import dev.baton.usage.UsageIngestion;
import dev.baton.usage.UsageProblems;
import dev.baton.usage.domain.CloudEventReader;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where sources send usage, as CloudEvents 1.0 in the JSON format, one event or a batch, with the
 * source's token ({@code Authorization: Bearer bus_...}).
 */
@RestController
@RequestMapping("/api/v1/usage/events")
@Tag(name = "Usage")
@PreAuthorize("hasAuthority('USAGE_SOURCE')")
class UsageEventController {

	static final String EVENT = "application/cloudevents+json";
	static final String BATCH = "application/cloudevents-batch+json";

	/** Far more than the largest batch of the largest events; a body beyond it is not read. */
	private static final int MAX_BODY = 32 * 1024 * 1024;

	private final UsageIngestion ingestion;
	private final CloudEventReader reader = new CloudEventReader(
			JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build());

	UsageEventController(UsageIngestion ingestion) {
		this.ingestion = ingestion;
	}

	@PostMapping(consumes = { EVENT, "application/json" })
	@Operation(summary = "Send one usage event (structured CloudEvent); a copy of one counted already answers DUPLICATE")
	ResponseEntity<UsageIngestion.Result> one(HttpServletRequest request, Authentication source) throws IOException {
		var read = read(request);
		if (read.root() != CloudEventReader.Root.OBJECT) {
			throw new BatonException(ProblemType.MALFORMED_BODY,
					"The body is one CloudEvent, a JSON object; send an array as " + BATCH);
		}
		var result = ingestion.ingest(source.getName(), read.events()).results().get(0);
		if (result.status() == UsageIngestion.Status.REJECTED) {
			var violations = new ArrayList<Map<String, String>>();
			for (var reason : result.reasons()) {
				violations.add(Map.of("rule", reason.rule(), "message", reason.message()));
			}
			var properties = new LinkedHashMap<String, Object>();
			properties.put("violations", violations);
			if (result.id() != null) {
				properties.put("eventId", result.id());
			}
			throw new BatonException(UsageProblems.EVENT, String.join("; ",
					result.reasons().stream().map(UsageIngestion.Reason::message).toList()), List.of(), properties);
		}
		return ResponseEntity.ok(result);
	}

	@PostMapping(consumes = BATCH)
	@Operation(summary = "Send a batch of usage events (a JSON array of CloudEvents); the answer says per event whether"
			+ " it was accepted, a duplicate, or rejected and why")
	UsageIngestion.Outcome batch(HttpServletRequest request, Authentication source) throws IOException {
		var batch = read(request);
		if (batch.root() != CloudEventReader.Root.ARRAY) {
			throw new BatonException(ProblemType.MALFORMED_BODY, "A batch is a JSON array of CloudEvents");
		}
		if (batch.events().size() > ingestion.maxBatch()) {
			throw new BatonException(ProblemType.PAYLOAD_TOO_LARGE, "A batch carries at most " + ingestion.maxBatch()
					+ " events, not " + batch.events().size() + "; split it");
		}
		return ingestion.ingest(source.getName(), batch.events());
	}

	private CloudEventReader.Read read(HttpServletRequest request) throws IOException {
		long length = request.getContentLengthLong();
		if (length > MAX_BODY) {
			throw new BatonException(ProblemType.PAYLOAD_TOO_LARGE, "A request carries at most " + MAX_BODY / 1024 / 1024
					+ " MB of events; send smaller batches");
		}
		// read at once into a buffer of the announced size, not grown and copied chunk by chunk
		var body = length >= 0 ? request.getInputStream().readNBytes((int) length)
				: request.getInputStream().readNBytes(MAX_BODY + 1);
		if (body.length > MAX_BODY) {
			throw new BatonException(ProblemType.PAYLOAD_TOO_LARGE, "A request carries at most " + MAX_BODY / 1024 / 1024
					+ " MB of events; send smaller batches");
		}
		try {
			return reader.read(body);
		}
		catch (JacksonException e) {
			throw new BatonException(ProblemType.MALFORMED_BODY, "The body is not JSON: " + e.getOriginalMessage());
		}
		catch (NumberFormatException e) {
			throw new BatonException(ProblemType.MALFORMED_BODY, "The body holds a number that cannot be read: " + e.getMessage());
		}
		catch (RuntimeException e) {
			// a body the parser fails on in any other way is the body's fault too: never a 500
			throw new BatonException(ProblemType.MALFORMED_BODY, "The body cannot be read as JSON");
		}
	}
}
