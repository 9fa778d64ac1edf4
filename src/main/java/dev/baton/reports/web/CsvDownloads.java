package dev.baton.reports.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * One report section as a CSV download, the same for the API and the page.
 */
final class CsvDownloads {

	private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

	private CsvDownloads() {
	}

	static ResponseEntity<String> of(String section, String body) {
		return ResponseEntity.ok().contentType(CSV)
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"baton-" + section + ".csv\"").body(body);
	}
}
