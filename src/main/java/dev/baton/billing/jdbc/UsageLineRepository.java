package dev.baton.billing.jdbc;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.baton.billing.InvoiceId;
import dev.baton.billing.domain.TaxRate;

/**
 * Usage and pack lines of invoices: the keys a subscription's usage lines were invoiced under, and
 * the insert of a usage or pack line with its tax, under the same unique key on (subscription, charge key, days)
 * as every line.
 */
@Repository
public class UsageLineRepository {

	private final JdbcClient jdbc;

	UsageLineRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The charge keys of a subscription's usage, pack and one-time lines, on any invoice. */
	public Set<String> invoicedKeys(UUID subscriptionId) {
		return new HashSet<>(jdbc.sql("""
				SELECT charge_key FROM invoice_line WHERE subscription_id = :id AND charge_type IN ('USAGE', 'PACK', 'ONE_TIME')""")
				.param("id", subscriptionId).query(String.class).list());
	}

	/** A usage or pack line, as written. */
	public record NewLine(UUID invoiceId, UUID computationId, int position, UUID subscriptionId,
			String subscriptionNumber, String kind, String chargeKey, String rateKey, String chargeType, String planCode,
			BigDecimal quantity, String unit, BigDecimal unitPrice, BigDecimal discountPercent, LocalDate periodStart,
			LocalDate periodEnd, int sourceVersion, String orderNumber, UUID priceBookVersionId,
			int priceBookVersionNumber, BigDecimal amount, String explanation, TaxRate taxRate, BigDecimal tax) {
	}

	public void insert(NewLine line) {
		jdbc.sql("""
				INSERT INTO invoice_line (id, invoice_id, computation_id, position, subscription_id, subscription_number,
				  kind, charge_key, rate_key, charge_type, plan_code, quantity, unit, unit_price, discount_percent,
				  period_start, period_end, service_from, service_to, source_version, order_number, price_book_version_id,
				  price_book_version_number, amount, explanation, tax_name, tax_jurisdiction, tax_percent, tax_amount)
				VALUES (:id, :invoice, :computation, :position, :subscription, :number, :kind, :chargeKey, :rateKey, :type,
				  :plan, :quantity, :unit, :unitPrice, :discount, :periodStart, :periodEnd, :periodStart, :periodEnd, :version,
				  :order, :book, :bookNumber, :amount, :explanation, :taxName, :taxJurisdiction, :taxPercent, :tax)""")
				.param("id", UUID.randomUUID()).param("invoice", line.invoiceId()).param("computation", line.computationId())
				.param("position", line.position()).param("subscription", line.subscriptionId())
				.param("number", line.subscriptionNumber()).param("kind", line.kind()).param("chargeKey", line.chargeKey())
				.param("rateKey", line.rateKey()).param("type", line.chargeType()).param("plan", line.planCode())
				.param("quantity", line.quantity()).param("unit", line.unit()).param("unitPrice", line.unitPrice())
				.param("discount", line.discountPercent()).param("periodStart", line.periodStart())
				.param("periodEnd", line.periodEnd()).param("version", line.sourceVersion()).param("order", line.orderNumber())
				.param("book", line.priceBookVersionId()).param("bookNumber", line.priceBookVersionNumber())
				.param("amount", line.amount()).param("explanation", line.explanation())
				.param("taxName", line.taxRate() == null ? null : line.taxRate().name())
				.param("taxJurisdiction", line.taxRate() == null ? null : line.taxRate().jurisdiction())
				.param("taxPercent", line.taxRate() == null ? null : line.taxRate().percent())
				.param("tax", line.tax() == null ? BigDecimal.ZERO : line.tax()).update();
	}

	/** A line's charge key and the computation it came from, with that computation's inputs and hash. */
	public record Source(String chargeKey, String chargeType, String inputs, String inputsHash) {
	}

	public Optional<Source> source(InvoiceId invoice, UUID lineId) {
		return jdbc.sql("""
				SELECT l.charge_key, l.charge_type, c.inputs, c.inputs_hash FROM invoice_line l
				JOIN invoice_computation c ON c.id = l.computation_id WHERE l.invoice_id = :invoice AND l.id = :id""")
				.param("invoice", invoice.value()).param("id", lineId)
				.query((rs, n) -> new Source(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).optional();
	}
}
