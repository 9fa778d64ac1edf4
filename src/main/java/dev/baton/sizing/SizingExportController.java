package dev.baton.sizing;

import java.util.Locale;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A saved recommendation as a printable page and as PDF, to hand to the customer, in the language of
 * the browser that asks for it.
 */
@Controller
@PreAuthorize(SizingRoles.STAFF)
class SizingExportController {

	private final SizingDocuments documents;

	SizingExportController(SizingDocuments documents) {
		this.documents = documents;
	}

	@GetMapping("/sizing-recommendations/{id}/print")
	String print(@PathVariable UUID id, Locale locale, Model model) {
		model.addAllAttributes(documents.model(id, false, locale));
		return SizingDocuments.TEMPLATE;
	}

	@GetMapping({ "/sizing-recommendations/{id}.pdf", "/sizing-recommendations/{id}/pdf" })
	ResponseEntity<byte[]> pdf(@PathVariable UUID id, Locale locale) {
		byte[] pdf = documents.pdf(id, locale);
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.inline().filename("sizing-recommendation-" + id + ".pdf").build().toString())
				.body(pdf);
	}
}
