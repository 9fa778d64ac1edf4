package dev.baton.finance.jdbc;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Finance's copy of finalized invoices, their lines, credit notes and payments, and the revenue
 * schedule, written under the invoice's lock so each document is scheduled once.
 */
@Repository
public class LedgerRepository {

	private final JdbcClient jdbc;

	LedgerRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A finalized invoice as finance keeps it. */
	public record InvoiceRow(UUID id, String number, UUID accountId, String currency, String status, BigDecimal total,
			LocalDate issuedOn, LocalDate dueOn) {
	}

	/** An invoice line with how its revenue is recognized. */
	public record LineRow(UUID id, int position, UUID subscriptionId, String subscriptionNumber, String kind,
			String chargeType, String planCode, String productCode, String orderNumber, LocalDate from, LocalDate to,
			BigDecimal amount, String recognition) {
	}

	public record CreditNoteRow(UUID id, String number, BigDecimal amount, BigDecimal refunded, LocalDate issuedOn) {
	}

	public record PaymentRow(UUID id, String method, String status, BigDecimal amount, BigDecimal applied,
			LocalDate receivedOn) {
	}

	/** Serializes the refreshes of one invoice until this transaction ends. */
	public void lockInvoice(UUID invoiceId) {
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('finance-invoice:' || CAST(:id AS TEXT), 0))")
				.param("id", invoiceId).query((rs, n) -> 1).single();
	}

	/**
	 * Writes the invoice's current state with the day it left the open state (billing's, kept once
	 * known). Answers the day it was settled, if it was.
	 */
	public LocalDate upsertInvoice(InvoiceRow invoice, LocalDate settledOn, Instant now) {
		return jdbc.sql("""
				INSERT INTO finance_invoice (invoice_id, number, account_id, currency, status, total, issued_on, due_on,
				  settled_on, refreshed_at)
				VALUES (:id, :number, :account, :currency, :status, :total, :issued, :due, CAST(:settled AS DATE), :now)
				ON CONFLICT (invoice_id) DO UPDATE SET status = :status, refreshed_at = :now,
				  settled_on = coalesce(finance_invoice.settled_on, CAST(:settled AS DATE))
				RETURNING settled_on""")
				.param("id", invoice.id()).param("number", invoice.number()).param("account", invoice.accountId())
				.param("currency", invoice.currency()).param("status", invoice.status()).param("total", invoice.total())
				.param("issued", Date.valueOf(invoice.issuedOn())).param("due", Date.valueOf(invoice.dueOn()))
				.param("settled", settledOn == null ? null : Date.valueOf(settledOn)).param("now", Timestamp.from(now))
				.query((rs, n) -> rs.getObject("settled_on", LocalDate.class)).optional().orElse(null);
	}

	/** Writes the lines unless they are there; answers whether this call wrote them. */
	public boolean insertLines(UUID invoiceId, List<LineRow> lines) {
		var known = jdbc.sql("SELECT count(*) FROM finance_invoice_line WHERE invoice_id = :id").param("id", invoiceId)
				.query(Integer.class).single();
		if (known > 0) {
			return false;
		}
		for (var line : lines) {
			jdbc.sql("""
					INSERT INTO finance_invoice_line (line_id, invoice_id, position, subscription_id, subscription_number,
					  kind, charge_type, plan_code, product_code, order_number, service_from, service_to, amount, recognition)
					VALUES (:id, :invoice, :position, :subscription, :number, :kind, :chargeType, :plan, :product, :order,
					  :from, :to, :amount, :recognition)""")
					.param("id", line.id()).param("invoice", invoiceId).param("position", line.position())
					.param("subscription", line.subscriptionId()).param("number", line.subscriptionNumber())
					.param("kind", line.kind()).param("chargeType", line.chargeType()).param("plan", line.planCode())
					.param("product", line.productCode()).param("order", line.orderNumber())
					.param("from", Date.valueOf(line.from())).param("to", Date.valueOf(line.to()))
					.param("amount", line.amount()).param("recognition", line.recognition()).update();
		}
		return true;
	}

	public List<LineRow> lines(UUID invoiceId) {
		return jdbc.sql("SELECT * FROM finance_invoice_line WHERE invoice_id = :id ORDER BY position")
				.param("id", invoiceId)
				.query((rs, n) -> new LineRow(rs.getObject("line_id", UUID.class), rs.getInt("position"),
						rs.getObject("subscription_id", UUID.class), rs.getString("subscription_number"), rs.getString("kind"),
						rs.getString("charge_type"), rs.getString("plan_code"), rs.getString("product_code"),
						rs.getString("order_number"), rs.getObject("service_from", LocalDate.class),
						rs.getObject("service_to", LocalDate.class), rs.getBigDecimal("amount"), rs.getString("recognition")))
				.list();
	}

	/** Writes a credit note unless it is there; answers whether this call wrote it. */
	public boolean insertCreditNote(UUID invoiceId, UUID accountId, String currency, CreditNoteRow note) {
		return jdbc.sql("""
				INSERT INTO finance_credit_note (credit_note_id, number, invoice_id, account_id, currency, amount, refunded,
				  issued_on)
				VALUES (:id, :number, :invoice, :account, :currency, :amount, :refunded, :issued)
				ON CONFLICT (credit_note_id) DO NOTHING""")
				.param("id", note.id()).param("number", note.number()).param("invoice", invoiceId)
				.param("account", accountId).param("currency", currency).param("amount", note.amount())
				.param("refunded", note.refunded()).param("issued", Date.valueOf(note.issuedOn())).update() == 1;
	}

	public void upsertPayment(UUID invoiceId, UUID accountId, String currency, PaymentRow payment) {
		jdbc.sql("""
				INSERT INTO finance_payment (payment_id, invoice_id, account_id, currency, method, status, amount, applied,
				  received_on)
				VALUES (:id, :invoice, :account, :currency, :method, :status, :amount, :applied, :received)
				ON CONFLICT (payment_id) DO UPDATE SET status = :status, applied = :applied, received_on = :received""")
				.param("id", payment.id()).param("invoice", invoiceId).param("account", accountId)
				.param("currency", currency).param("method", payment.method()).param("status", payment.status())
				.param("amount", payment.amount()).param("applied", payment.applied())
				.param("received", Date.valueOf(payment.receivedOn())).update();
	}

	/** Whether the document already has its schedule (a void is scheduled once). */
	public boolean scheduled(String source, UUID documentId) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM finance_revenue WHERE source = :source AND document_id = :id)")
				.param("source", source).param("id", documentId).query(Boolean.class).single();
	}

	/** One document's share of one line, per month. */
	public void schedule(String source, UUID documentId, LocalDate documentDate, UUID invoiceId, UUID accountId,
			String currency, UUID lineId, Map<YearMonth, BigDecimal> months) {
		months.forEach((month, amount) -> jdbc.sql("""
				INSERT INTO finance_revenue (source, document_id, line_id, month, invoice_id, account_id, currency,
				  document_date, amount)
				VALUES (:source, :document, :line, :month, :invoice, :account, :currency, :date, :amount)
				ON CONFLICT DO NOTHING""")
				.param("source", source).param("document", documentId).param("line", lineId)
				.param("month", Date.valueOf(month.atDay(1))).param("invoice", invoiceId).param("account", accountId)
				.param("currency", currency).param("date", Date.valueOf(documentDate)).param("amount", amount).update());
	}
}
