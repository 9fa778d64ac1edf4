package dev.baton.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * Renders a well-formed XHTML page (a Thymeleaf print template) to PDF, for the documents Baton
 * hands customers: sizing recommendations, quotes.
 */
public final class PdfDocuments {

	private PdfDocuments() {
	}

	/** The PDF of the page; {@code what} names the document in the error if rendering fails. */
	public static byte[] render(String xhtml, String what) {
		var out = new ByteArrayOutputStream();
		try {
			var builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.withHtmlContent(xhtml, null);
			builder.toStream(out);
			builder.run();
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not render the PDF of " + what, e);
		}
		return out.toByteArray();
	}
}
