package dev.baton.sizing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Sizing calculations: a recommendation from a prospect's metrics, the data editions, how to
 * measure, and the import of what the prospect measured. Nothing here is stored.
 */
@RestController
@RequestMapping("/api/v1/sizing")
@Tag(name = "Sizing")
@PreAuthorize(SizingRoles.STAFF)
class SizingController {

	private static final String EDITION_HELP = "A data edition id such as 2025-12; the default edition when absent. "
			+ "An unknown id answers 404 sizing-edition-not-found.";

	private final SizingService sizing;

	SizingController(SizingService sizing) {
		this.sizing = sizing;
	}

	@Schema(name = "SizingEditions")
	record Editions(@Schema(description = "The edition used when none is named") String defaultEdition,
			@Schema(description = "Every edition available, newest first") List<Edition> editions) {
	}

	@PostMapping("/recommendations")
	@Operation(summary = "Recommend a reference architecture from the prospect's metrics",
			description = "A calculation, not a stored resource: answers 200 with the recommendation, every rule "
					+ "that fired and its reasons citing the edition's sources. Refused metrics answer 400 "
					+ "validation-failed naming each field by its JSON path (rps.api.sustained).")
	Recommendation recommend(@RequestBody MetricsInput metrics,
			@Parameter(description = EDITION_HELP) @RequestParam(required = false) String edition) {
		ProspectMetrics checked = metrics.toMetrics();
		return edition == null || edition.isBlank() ? sizing.recommend(checked)
				: sizing.recommend(checked, edition.strip());
	}

	@GetMapping("/editions")
	@Operation(summary = "The reference-architecture data editions, newest first, with their sources")
	Editions editions() {
		return new Editions(sizing.edition().id(), sizing.editions());
	}

	@GetMapping("/measurement-guide")
	@Operation(summary = "How the prospect measures peak and sustained requests per second: the Prometheus "
			+ "queries per traffic type, the steps, and the import format")
	MeasurementInstructions measurementGuide(
			@Parameter(description = EDITION_HELP) @RequestParam(required = false) String edition) {
		MeasurementGuide guide = edition == null || edition.isBlank() ? sizing.measurementGuide()
				: sizing.measurementGuide(edition.strip());
		return MeasurementInstructions.of(guide);
	}

	@PostMapping(path = "/measurements/import", consumes = { "text/csv", "application/csv", MediaType.TEXT_PLAIN_VALUE,
			MediaType.APPLICATION_JSON_VALUE })
	@Operation(summary = "Read the rates a prospect measured, from CSV or JSON, to prefill the metrics",
			description = "One row per traffic type (traffic_type,peak,sustained) or one row per query "
					+ "(query,value with ids such as api-peak). Column names and traffic types are matched "
					+ "loosely; JSON is an array of such rows, or {\"measurements\": [...]}. Nothing is stored. "
					+ "Wrong rows answer 400 sizing-measurements-invalid with errors[].field = \"line N\".")
	MeasurementImport.Imported importMeasurements(
			@io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
					@Content(mediaType = "text/csv", schema = @Schema(type = "string"),
							examples = @ExampleObject(value = MeasurementInstructions.IMPORT_EXAMPLE)),
					@Content(mediaType = "application/json", schema = @Schema(type = "array"),
							examples = @ExampleObject(value = """
									[{"trafficType": "api", "peak": 150, "sustained": 90},
									 {"trafficType": "git_pull", "peak": 15, "sustained": 9}]""")) })
			@RequestBody(required = false) byte[] body,
			@RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType) {
		return MeasurementImport.read(decode(body, contentType));
	}

	@PostMapping(path = "/measurements/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Read the rates a prospect measured, from CSV or JSON, to prefill the metrics",
			description = "The same import from an uploaded file: multipart/form-data with the file in part 'file'.")
	MeasurementImport.Imported importMeasurementsFile(@RequestPart("file") MultipartFile file) {
		try {
			return MeasurementImport.read(decode(file.getBytes(), file.getContentType()));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static String decode(byte[] body, String contentType) {
		Charset charset = StandardCharsets.UTF_8;
		if (contentType != null) {
			try {
				Charset declared = MediaType.parseMediaType(contentType).getCharset();
				charset = declared == null ? charset : declared;
			}
			catch (IllegalArgumentException ignored) {
				// an odd content type was accepted by the mapping already; read as UTF-8
			}
		}
		return new String(body == null ? new byte[0] : body, charset);
	}
}
