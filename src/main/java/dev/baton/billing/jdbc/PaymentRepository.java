package dev.baton.billing.jdbc;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.baton.billing.AccountCredit;
import dev.baton.billing.InvoiceId;
import dev.baton.billing.Payment;
import dev.baton.billing.PaymentId;
import dev.baton.billing.PaymentMethodType;
import dev.baton.billing.PaymentStatus;
import dev.baton.billing.StoredPaymentMethod;

/**
 * Payments, stored payment methods, the account credit ledger and billing contacts in PostgreSQL.
 * A payment is unique per invoice and caller key (a retried payment is the same payment) and per
 * gateway charge id; a settled payment and every credit entry are immutable in the database itself.
 */
@Repository
public class PaymentRepository {

	private final JdbcClient jdbc;

	PaymentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A stored card with its gateway token (which never leaves the billing module). */
	public record MethodRow(StoredPaymentMethod method, String token) {
	}

	/** Where an account's invoices and reminders are mailed. */
	public record Contact(UUID accountId, String name, String email) {
	}

	/** Inserts a payment unless one with its key exists for the invoice; answers whether it was inserted. */
	public boolean insert(Payment p, String clientKey, UUID paymentMethodId) {
		return jdbc.sql("""
				INSERT INTO payment (id, invoice_id, account_id, currency, amount, applied, method, gateway,
				  gateway_reference, payment_method_id, status, failure, reference, received_on, client_key, created_at,
				  created_by, settled_at)
				VALUES (:id, :invoice, :account, :currency, :amount, :applied, :method, :gateway, :gatewayReference,
				  :methodId, :status, :failure, :reference, :receivedOn, :key, :at, :by,
				  CASE WHEN :status = 'REQUIRES_CONFIRMATION' THEN NULL ELSE CAST(:at AS timestamptz) END)
				ON CONFLICT (invoice_id, client_key) DO NOTHING""")
				.param("id", p.id().value()).param("invoice", p.invoiceId().value()).param("account", p.accountId())
				.param("currency", p.currency()).param("amount", p.amount()).param("applied", p.applied())
				.param("method", p.method().name()).param("gateway", p.gateway())
				.param("gatewayReference", p.gatewayReference()).param("methodId", paymentMethodId)
				.param("status", p.status().name()).param("failure", p.failure()).param("reference", p.reference())
				.param("receivedOn", p.receivedOn()).param("key", clientKey).param("at", Timestamp.from(p.createdAt()))
				.param("by", p.createdBy()).update() == 1;
	}

	/** Settles a payment that waited for confirmation; answers whether it still waited. */
	public boolean settle(PaymentId id, PaymentStatus status, BigDecimal applied, String failure, LocalDate receivedOn,
			Instant at) {
		return jdbc.sql("""
				UPDATE payment SET status = :status, applied = :applied, failure = :failure, received_on = :receivedOn,
				  settled_at = :at
				WHERE id = :id AND status = 'REQUIRES_CONFIRMATION'""")
				.param("id", id.value()).param("status", status.name()).param("applied", applied)
				.param("failure", failure).param("receivedOn", receivedOn).param("at", Timestamp.from(at)).update() == 1;
	}

	public Optional<Payment> find(PaymentId id) {
		return jdbc.sql("SELECT * FROM payment WHERE id = :id").param("id", id.value()).query(PaymentRepository::payment)
				.optional();
	}

	public Optional<Payment> byKey(InvoiceId invoice, String clientKey) {
		return jdbc.sql("SELECT * FROM payment WHERE invoice_id = :invoice AND client_key = :key")
				.param("invoice", invoice.value()).param("key", clientKey).query(PaymentRepository::payment).optional();
	}

	public Optional<Payment> lock(PaymentId id) {
		return jdbc.sql("SELECT * FROM payment WHERE id = :id FOR UPDATE").param("id", id.value())
				.query(PaymentRepository::payment).optional();
	}

	public List<Payment> ofInvoice(InvoiceId invoice) {
		return jdbc.sql("SELECT * FROM payment WHERE invoice_id = :invoice ORDER BY created_at, id")
				.param("invoice", invoice.value()).query(PaymentRepository::payment).list();
	}

	/** Succeeded payments received from the first day up to the last (exclusive), oldest first: what finance's collections are made of. */
	public List<Payment> received(LocalDate from, LocalDate to) {
		return jdbc.sql("""
				SELECT * FROM payment WHERE status = 'SUCCEEDED' AND received_on >= :from AND received_on < :to
				ORDER BY received_on, created_at, id""").param("from", from).param("to", to)
				.query(PaymentRepository::payment).list();
	}

	/** What succeeded payments applied to an invoice. */
	public BigDecimal applied(InvoiceId invoice) {
		return jdbc.sql("SELECT COALESCE(SUM(applied), 0) FROM payment WHERE invoice_id = :invoice AND status = 'SUCCEEDED'")
				.param("invoice", invoice.value()).query(BigDecimal.class).single();
	}

	/** The card charged last on an invoice, for a refund: its gateway, charge id and amount. */
	public Optional<Payment> lastCardPayment(InvoiceId invoice) {
		return jdbc.sql("""
				SELECT * FROM payment WHERE invoice_id = :invoice AND method = 'CARD' AND status = 'SUCCEEDED'
				ORDER BY created_at DESC, id LIMIT 1""").param("invoice", invoice.value())
				.query(PaymentRepository::payment).optional();
	}

	// -- payment methods ------------------------------------------------------------------------

	/** Replaces the account's card on file with a new one (the old one stays for its payments). */
	public void replaceMethod(UUID accountId, UUID id, String gateway, String token, String label, Instant at,
			String by) {
		jdbc.sql("UPDATE payment_method SET replaced_at = :at WHERE account_id = :account AND replaced_at IS NULL")
				.param("account", accountId).param("at", Timestamp.from(at)).update();
		jdbc.sql("""
				INSERT INTO payment_method (id, account_id, gateway, token, label, created_at, created_by)
				VALUES (:id, :account, :gateway, :token, :label, :at, :by)
				ON CONFLICT (account_id, gateway, token) DO UPDATE SET replaced_at = NULL""")
				.param("id", id).param("account", accountId).param("gateway", gateway).param("token", token)
				.param("label", label).param("at", Timestamp.from(at)).param("by", by).update();
	}

	public Optional<MethodRow> currentMethod(UUID accountId) {
		return jdbc.sql("SELECT * FROM payment_method WHERE account_id = :account AND replaced_at IS NULL")
				.param("account", accountId)
				.query((rs, n) -> new MethodRow(new StoredPaymentMethod(rs.getObject("id", UUID.class),
						rs.getObject("account_id", UUID.class), rs.getString("gateway"), rs.getString("label"),
						rs.getTimestamp("created_at").toInstant(), rs.getString("created_by")), rs.getString("token")))
				.optional();
	}

	// -- account credit -------------------------------------------------------------------------

	/** Locks the account's credit for this transaction, so two uses of one balance cannot both spend it. */
	public void lockCredit(UUID accountId) {
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('account_credit:' || CAST(:account AS text), 0))")
				.param("account", accountId).query((rs, n) -> 1).single();
	}

	public void addCredit(UUID accountId, String currency, BigDecimal amount, String kind, UUID paymentId,
			UUID creditNoteId, Instant at, String by) {
		jdbc.sql("""
				INSERT INTO account_credit (id, account_id, currency, amount, kind, payment_id, credit_note_id, created_at,
				  created_by)
				VALUES (:id, :account, :currency, :amount, :kind, :payment, :note, :at, :by)""")
				.param("id", UUID.randomUUID()).param("account", accountId).param("currency", currency)
				.param("amount", amount).param("kind", kind).param("payment", paymentId).param("note", creditNoteId)
				.param("at", Timestamp.from(at)).param("by", by).update();
	}

	public BigDecimal creditBalance(UUID accountId, String currency) {
		return jdbc.sql("""
				SELECT COALESCE(SUM(amount), 0) FROM account_credit WHERE account_id = :account AND currency = :currency""")
				.param("account", accountId).param("currency", currency).query(BigDecimal.class).single();
	}

	public AccountCredit credit(UUID accountId) {
		var balances = jdbc.sql("""
				SELECT currency, SUM(amount) FROM account_credit WHERE account_id = :account GROUP BY currency
				ORDER BY currency""").param("account", accountId)
				.query((rs, n) -> new AccountCredit.Balance(rs.getString(1), scaled(rs.getBigDecimal(2)))).list();
		var entries = jdbc.sql("""
				SELECT * FROM account_credit WHERE account_id = :account ORDER BY created_at DESC, id LIMIT 200""")
				.param("account", accountId)
				.query((rs, n) -> new AccountCredit.Entry(rs.getObject("id", UUID.class), rs.getString("currency"),
						scaled(rs.getBigDecimal("amount")), rs.getString("kind"), rs.getObject("payment_id", UUID.class),
						rs.getObject("credit_note_id", UUID.class), rs.getTimestamp("created_at").toInstant(),
						rs.getString("created_by")))
				.list();
		return new AccountCredit(accountId, balances, entries);
	}

	// -- billing contacts and mail claims ---------------------------------------------------------

	public void putContact(Contact contact, Instant at, String by) {
		jdbc.sql("""
				INSERT INTO billing_contact (account_id, name, email, updated_at, updated_by)
				VALUES (:account, :name, :email, :at, :by)
				ON CONFLICT (account_id) DO UPDATE SET name = EXCLUDED.name, email = EXCLUDED.email,
				  updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by""")
				.param("account", contact.accountId()).param("name", contact.name()).param("email", contact.email())
				.param("at", Timestamp.from(at)).param("by", by).update();
	}

	public Optional<Contact> contact(UUID accountId) {
		return jdbc.sql("SELECT account_id, name, email FROM billing_contact WHERE account_id = :account")
				.param("account", accountId)
				.query((rs, n) -> new Contact(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3))).optional();
	}

	/** Claims a mail by its key; false when it was sent already. */
	public boolean claimMail(String key, String to, Instant at) {
		return jdbc.sql("""
				INSERT INTO billing_mail (mail_key, sent_to, sent_at) VALUES (:key, :to, :at)
				ON CONFLICT (mail_key) DO NOTHING""").param("key", key).param("to", to).param("at", Timestamp.from(at))
				.update() == 1;
	}

	private static BigDecimal scaled(BigDecimal amount) {
		return amount.setScale(2, RoundingMode.HALF_EVEN);
	}

	private static Payment payment(ResultSet rs, int row) throws SQLException {
		return new Payment(PaymentId.of(rs.getObject("id", UUID.class)),
				InvoiceId.of(rs.getObject("invoice_id", UUID.class)), rs.getObject("account_id", UUID.class),
				rs.getString("currency"), scaled(rs.getBigDecimal("amount")), scaled(rs.getBigDecimal("applied")),
				PaymentMethodType.valueOf(rs.getString("method")), rs.getString("gateway"),
				rs.getString("gateway_reference"), PaymentStatus.valueOf(rs.getString("status")), rs.getString("failure"),
				rs.getString("reference"), rs.getObject("received_on", LocalDate.class),
				rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
	}
}
