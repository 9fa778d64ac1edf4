package dev.baton.quoting.web;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import dev.baton.catalog.Catalog;
import dev.baton.pipeline.AccountId;
import dev.baton.pipeline.OpportunityId;
import dev.baton.pipeline.Pipeline;
import dev.baton.platform.PdfDocuments;
import dev.baton.quoting.Quote;
import dev.baton.quoting.QuoteId;
import dev.baton.quoting.QuoteLine;
import dev.baton.quoting.Quotes;

/**
 * The customer's copy of a quote: one template, {@code quotes/print}, served as a printable page
 * and rendered to PDF, both in the language of the browser that opens them.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','DEAL_DESK','FINANCE','AE','ASM')")
class QuoteDocuments {

	static final String TEMPLATE = "quotes/print";

	private final Quotes quotes;
	private final Catalog catalog;
	private final Pipeline pipeline;
	private final ITemplateEngine templates;
	private final MessageSource messages;

	QuoteDocuments(Quotes quotes, Catalog catalog, Pipeline pipeline, ITemplateEngine templates,
			MessageSource messages) {
		this.quotes = quotes;
		this.catalog = catalog;
		this.pipeline = pipeline;
		this.templates = templates;
		this.messages = messages;
	}

	/** A line as the document shows it: the product and plan by name. */
	record Row(String product, String plan, QuoteLine line) {
	}

	@GetMapping("/quotes/{id}/print")
	String print(@PathVariable QuoteId id, Locale locale, Model model) {
		model.addAllAttributes(model(quotes.quote(id), false, locale));
		return TEMPLATE;
	}

	@GetMapping({ "/quotes/{id}.pdf", "/api/v1/quotes/{id}/pdf" })
	ResponseEntity<byte[]> pdf(@PathVariable QuoteId id, Locale locale) {
		var quote = quotes.quote(id);
		var pdf = PdfDocuments.render(templates.process(TEMPLATE, new Context(locale, model(quote, true, locale))),
				"quote " + quote.number());
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
				.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
						.filename("quote-" + quote.number() + "-r" + quote.revision() + ".pdf").build().toString())
				.body(pdf);
	}

	private Map<String, Object> model(Quote quote, boolean pdf, Locale locale) {
		var rows = new ArrayList<Row>();
		for (var line : quote.lines()) {
			var plan = catalog.plan(line.planCode());
			rows.add(new Row(catalog.product(plan.productCode()).name(), plan.name(), line));
		}
		var model = new LinkedHashMap<String, Object>();
		model.put("quote", quote);
		model.put("rows", List.copyOf(rows));
		model.put("opportunity", pipeline.opportunity(OpportunityId.of(quote.opportunityId())));
		model.put("owner", pipeline.account(AccountId.of(quote.parties().ownerAccountId())));
		model.put("invoiceOwner", quote.parties().isChannel() ? pipeline.account(AccountId.of(quote.parties().invoiceOwnerAccountId()))
				: null);
		model.put("expires", DateTimeFormatter.ofPattern(messages.getMessage("documents.date", null, locale), locale)
				.format(quote.expiresOn()));
		model.put("pdf", pdf);
		return model;
	}
}
