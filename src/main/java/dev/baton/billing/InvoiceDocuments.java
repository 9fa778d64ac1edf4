package dev.baton.billing;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import dev.baton.billing.jdbc.BillToRepository;
import dev.baton.billing.jdbc.PaymentRepository;
import dev.baton.catalog.Catalog;
import dev.baton.pipeline.Pipeline;
import dev.baton.platform.BatonException;
import dev.baton.platform.PdfDocuments;

/**
 * The invoice as a document for the invoice owner: one template, {@code invoices/document},
 * rendered to PDF for finance's download, the portals and the invoice e-mail. A draft is marked as
 * such and has no number.
 */
@Component
public class InvoiceDocuments {

	static final String TEMPLATE = "invoices/document";
	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

	private final Invoices invoices;
	private final PaymentRepository payments;
	private final BillToRepository billTo;
	private final Pipeline pipeline;
	private final Catalog catalog;
	private final ITemplateEngine templates;

	InvoiceDocuments(Invoices invoices, PaymentRepository payments, BillToRepository billTo, Pipeline pipeline,
			Catalog catalog, ITemplateEngine templates) {
		this.invoices = invoices;
		this.payments = payments;
		this.billTo = billTo;
		this.pipeline = pipeline;
		this.catalog = catalog;
		this.templates = templates;
	}

	/** The invoice's PDF. */
	@Transactional(readOnly = true)
	public byte[] pdf(InvoiceId id) {
		var invoice = invoices.invoice(id);
		return PdfDocuments.render(templates.process(TEMPLATE, new Context(Locale.ENGLISH, model(invoice))),
				"invoice " + label(invoice));
	}

	/** The file name of the invoice's PDF: invoice-INV-2027-000042.pdf, or draft-invoice-{id}.pdf. */
	public static String filename(Invoice invoice) {
		return invoice.number() == null ? "draft-invoice-" + invoice.id() + ".pdf" : "invoice-" + invoice.number() + ".pdf";
	}

	private static String label(Invoice invoice) {
		return invoice.number() == null ? "draft " + invoice.id() : invoice.number();
	}

	private Map<String, Object> model(Invoice invoice) {
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
		model.put("owner", pipeline.account(invoice.invoiceOwnerAccountId()));
		model.put("billTo", billTo.find(invoice.invoiceOwnerAccountId()).orElse(null));
		model.put("planNames", names);
		model.put("payments", payments.ofInvoice(invoice.id()).stream()
				.filter(p -> p.status() == PaymentStatus.SUCCEEDED).toList());
		model.put("issued", invoice.issuedOn() == null ? null : DATE.format(invoice.issuedOn()));
		model.put("due", invoice.dueOn() == null ? null : DATE.format(invoice.dueOn()));
		model.put("notes", List.copyOf(invoice.creditNotes()));
		return model;
	}
}
