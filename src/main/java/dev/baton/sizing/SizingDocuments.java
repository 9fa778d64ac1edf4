package dev.baton.sizing;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;


import dev.baton.pipeline.AccountId;
import dev.baton.pipeline.Opportunity;
import dev.baton.pipeline.OpportunityId;
import dev.baton.pipeline.Pipeline;
import dev.baton.platform.PdfDocuments;

/**
 * The customer-facing document of a saved recommendation: one template, {@code sizing/print},
 * served as a printable page and rendered to PDF.
 */
@Component
class SizingDocuments {

	static final String TEMPLATE = "sizing/print";

	private final SavedSizings saved;
	private final SizingService sizing;
	private final Pipeline pipeline;
	private final ITemplateEngine templates;
	private final MessageSource messages;

	SizingDocuments(SavedSizings saved, SizingService sizing, Pipeline pipeline, ITemplateEngine templates,
			MessageSource messages) {
		this.messages = messages;
		this.saved = saved;
		this.sizing = sizing;
		this.templates = templates;
		this.pipeline = pipeline;
	}

	/**
	 * What the template needs. It uses no web-only expressions, since the PDF is rendered outside a request.
	 *
	 * @throws dev.baton.platform.BatonException {@code not-found} if there is no such saved recommendation
	 */
	Map<String, Object> model(UUID id, boolean pdf, Locale locale) {
		StoredSizing stored = saved.find(id);
		Opportunity opportunity = pipeline.opportunity(OpportunityId.of(stored.opportunityId()));
		var model = new LinkedHashMap<String, Object>();
		model.put("sizing", stored);
		model.put("r", stored.recommendation());
		model.put("opportunity", opportunity);
		model.put("account", pipeline.account(AccountId.of(opportunity.accountId())));
		// the edition may have been removed since; the recommendation still names it
		model.put("edition", sizing.editions().stream().filter(e -> e.id().equals(stored.edition())).findFirst()
				.orElse(null));
		model.put("savedOn", DateTimeFormatter.ofPattern(messages.getMessage("sizing.print.date", null, locale), locale)
				.withZone(ZoneOffset.UTC).format(stored.savedAt()));
		model.put("labels", SizingLabels.INSTANCE);
		model.put("pdf", pdf);
		model.put("pdfLink", SavedSizing.pdfLink(id));
		return model;
	}

	byte[] pdf(UUID id, Locale locale) {
		String html = templates.process(TEMPLATE, new Context(locale, model(id, true, locale)));
		return PdfDocuments.render(html, "the sizing recommendation " + id);
	}
}
