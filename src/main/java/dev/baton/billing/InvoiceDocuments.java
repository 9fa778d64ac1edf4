package dev.baton.billing;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import dev.baton.billing.jdbc.BillToRepository;
import dev.baton.billing.jdbc.PaymentRepository;
import dev.baton.catalog.Catalog;
import dev.baton.pipeline.AccountId;
import dev.baton.pipeline.Pipeline;
import dev.baton.platform.BatonException;
import dev.baton.platform.PdfDocuments;

/**
 * The invoice as a document for the invoice owner: one template, {@code invoices/document},
 * rendered to PDF for finance's download, the portals and the invoice e-mail. A draft is marked as
 * such and has no number. A browser's download is in the reader's language; the e-mail's attachment in
 * English, since billing contacts have no language setting.
 */
@Component
public class InvoiceDocuments {

	static final String TEMPLATE = "invoices/document";

	private final Invoices invoices;
	private final PaymentRepository payments;
	private final BillToRepository billTo;
	private final Pipeline pipeline;
	private final Catalog catalog;
	private final ITemplateEngine templates;
	private final MessageSource messages;

	InvoiceDocuments(Invoices invoices, PaymentRepository payments, BillToRepository billTo, Pipeline pipeline,
			Catalog catalog, ITemplateEngine templates, MessageSource messages) {
		this.invoices = invoices;
		this.payments = payments;
		this.billTo = billTo;
		this.pipeline = pipeline;
		this.catalog = catalog;
		this.templates = templates;
		this.messages = messages;
	}

	/** The invoice's PDF in English, as the invoice e-mail attaches it. */
	@Transactional(readOnly = true)
	public byte[] pdf(InvoiceId id) {
		return pdf(id, Locale.ENGLISH);
	}

	/** The invoice's PDF in the given language (English where the bundle has no translation). */
	@Transactional(readOnly = true)
	public byte[] pdf(InvoiceId id, Locale locale) {
		var invoice = invoices.invoice(id);
		return PdfDocuments.render(templates.process(TEMPLATE, new Context(locale, model(invoice, locale))),
				"invoice " + label(invoice));
	}

	/** The file name of the invoice's PDF: invoice-INV-2027-000042.pdf, or draft-invoice-{id}.pdf. */
	public static String filename(Invoice invoice) {
		return invoice.number() == null ? "draft-invoice-" + invoice.id() + ".pdf" : "invoice-" + invoice.number() + ".pdf";
	}

	private static String label(Invoice invoice) {
		return invoice.number() == null ? "draft " + invoice.id() : invoice.number();
	}

	private Map<String, Object> model(Invoice invoice, Locale locale) {
		var date = DateTimeFormatter.ofPattern(messages.getMessage("documents.date", null, locale), locale);
		var names = new HashMap<String, String>();
		for (var line : invoice.lines()) {
			names.computeIfAbsent(line.planCode(), code -> {
				try {
					var plan = catalog.plan(code);
					return catalog.product(plan.productCode()).name() + ", " + plan.name();
				}
				catch (BatonException gone) {
					return code;
				}
			});
		}
		var model = new LinkedHashMap<String, Object>();
		model.put("i", invoice);
		model.put("owner", pipeline.account(AccountId.of(invoice.invoiceOwnerAccountId())));
		model.put("billTo", billTo.find(invoice.invoiceOwnerAccountId()).orElse(null));
		model.put("planNames", names);
		model.put("payments", payments.ofInvoice(invoice.id()).stream()
				.filter(p -> p.status() == PaymentStatus.SUCCEEDED).toList());
		model.put("issued", invoice.issuedOn() == null ? null : date.format(invoice.issuedOn()));
		model.put("due", invoice.dueOn() == null ? null : date.format(invoice.dueOn()));
		model.put("notes", List.copyOf(invoice.creditNotes()));
		return model;
	}
}
