package dev.baton.billing.jdbc;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.baton.billing.CreditNote;
import dev.baton.billing.Invoice;
import dev.baton.billing.InvoiceId;
import dev.baton.billing.InvoiceLine;
import dev.baton.billing.InvoiceLineId;
import dev.baton.billing.InvoiceStatus;
import dev.baton.billing.domain.Line;
import dev.baton.billing.domain.TaxRate;

/**
 * Invoices, their lines and computations, credit notes and the gapless number counters in
 * PostgreSQL. A finalized invoice is immutable in the database itself (a trigger); a line is unique
 * by (subscription, charge, days).
 */
@Repository
public class InvoiceRepository {

	private final JdbcClient jdbc;

	InvoiceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A stored computation: the engine's inputs as written and their hash. */
	public record Computation(UUID id, UUID subscriptionId, int position, String inputs, String inputsHash) {
	}

	/**
	 * The draft of an invoice owner in a currency for a billing day, made if there is none, locked
	 * for this transaction: lines are added and the draft finalized one transaction at a time.
	 */
	public InvoiceId lockDraft(UUID invoiceOwner, String currency, LocalDate billingDay, Instant now) {
		return lockDrafts(List.of(new DraftKey(invoiceOwner, currency, billingDay)), now).values().iterator().next();
	}

	/** The draft of an invoice owner in a currency for a billing day, if there is one. */
	public Optional<InvoiceId> draftOf(UUID invoiceOwner, String currency, LocalDate billingDay) {
		return jdbc.sql("""
				SELECT id FROM invoice WHERE invoice_owner_account_id = :owner AND currency = :currency
				  AND billing_day = :day AND status = 'DRAFT'""")
				.param("owner", invoiceOwner).param("currency", currency).param("day", billingDay)
				.query((rs, n) -> InvoiceId.of(rs.getObject(1, UUID.class))).optional();
	}

	/** Locks an invoice for this transaction and answers its status. */
	public Optional<InvoiceStatus> lock(InvoiceId id) {
		return jdbc.sql("SELECT status FROM invoice WHERE id = :id FOR UPDATE").param("id", id.value())
				.query((rs, n) -> InvoiceStatus.valueOf(rs.getString(1))).optional();
	}

	public int nextComputationPosition(InvoiceId invoice) {
		return jdbc.sql("SELECT COALESCE(MAX(position), 0) + 1 FROM invoice_computation WHERE invoice_id = :id")
				.param("id", invoice.value()).query(Integer.class).single();
	}

	public int nextLinePosition(InvoiceId invoice) {
		return jdbc.sql("SELECT COALESCE(MAX(position), 0) + 1 FROM invoice_line WHERE invoice_id = :id")
				.param("id", invoice.value()).query(Integer.class).single();
	}

	public void insertComputation(InvoiceId invoice, Computation computation, LocalDate periodStart,
			LocalDate periodEnd, Instant at) {
		jdbc.sql("""
				INSERT INTO invoice_computation (id, invoice_id, subscription_id, period_start, period_end, position,
				  inputs, inputs_hash, created_at)
				VALUES (:id, :invoice, :subscription, :start, :end, :position, :inputs, :hash, :at)""")
				.param("id", computation.id()).param("invoice", invoice.value())
				.param("subscription", computation.subscriptionId()).param("start", periodStart).param("end", periodEnd)
				.param("position", computation.position()).param("inputs", computation.inputs())
				.param("hash", computation.inputsHash()).param("at", Timestamp.from(at)).update();
	}

	public void insertLine(InvoiceId invoice, UUID computation, int position, String subscriptionNumber, Line line,
			UUID subscriptionId) {
		var charge = line.charge();
		var params = new HashMap<String, Object>();
		params.put("id", UUID.randomUUID());
		params.put("invoice", invoice.value());
		params.put("computation", computation);
		params.put("position", position);
		params.put("subscription", subscriptionId);
		params.put("number", subscriptionNumber);
		params.put("kind", line.kind().name());
		params.put("chargeKey", line.chargeKey());
		params.put("rateKey", charge.rateKey());
		params.put("type", charge.kind().name());
		params.put("plan", charge.code());
		params.put("quantity", charge.quantity());
		params.put("unit", charge.unit());
		params.put("unitPrice", charge.price().unitPrice());
		params.put("discount", charge.discountPercent());
		params.put("periodStart", line.period().start());
		params.put("periodEnd", line.period().end());
		params.put("from", line.from());
		params.put("to", line.to());
		params.put("version", line.sourceVersion());
		params.put("order", line.orderNumber());
		params.put("book", charge.priceBookVersionId());
		params.put("bookNumber", charge.priceBookVersionNumber());
		params.put("amount", line.amount().amount());
		params.put("explanation", line.explanation());
		jdbc.sql("""
				INSERT INTO invoice_line (id, invoice_id, computation_id, position, subscription_id, subscription_number,
				  kind, charge_key, rate_key, charge_type, plan_code, quantity, unit, unit_price, discount_percent,
				  period_start, period_end, service_from, service_to, source_version, order_number, price_book_version_id,
				  price_book_version_number, amount, explanation)
				VALUES (:id, :invoice, :computation, :position, :subscription, :number, :kind, :chargeKey, :rateKey, :type,
				  :plan, :quantity, :unit, :unitPrice, :discount, :periodStart, :periodEnd, :from, :to, :version, :order,
				  :book, :bookNumber, :amount, :explanation)""").params(params).update();
	}

	/** Every recurring line ever invoiced for each of the subscriptions, as the engine's diff needs them (usage lines have their own). */
	public Map<UUID, List<Line.Invoiced>> invoicedOf(Collection<UUID> subscriptionIds) {
		var invoiced = new HashMap<UUID, List<Line.Invoiced>>();
		jdbc.sql("""
				SELECT subscription_id, kind, rate_key, service_from, service_to FROM invoice_line
				WHERE subscription_id = ANY (CAST(:ids AS uuid[])) AND charge_type IN ('PLAN', 'ADD_ON')
				ORDER BY subscription_id, service_from, id""")
				.param("ids", subscriptionIds.toArray(UUID[]::new))
				.query((rs, n) -> {
					invoiced.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
							.add(new Line.Invoiced(Line.Kind.valueOf(rs.getString(2)), rs.getString(3),
									rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class)));
					return 1;
				}).list();
		return invoiced;
	}

	/**
	 * An invoice owner's draft in a currency for a billing day: the subscriptions that share the day
	 * share the draft.
	 */
	public record DraftKey(UUID owner, String currency, LocalDate billingDay) {
	}

	/**
	 * The drafts of several invoice owners and billing days, each made if there is none, locked for
	 * this transaction in the order of their owners: lines are added and a draft finalized one
	 * transaction at a time.
	 */
	public Map<DraftKey, InvoiceId> lockDrafts(List<DraftKey> keys, Instant now) {
		var drafts = new HashMap<DraftKey, InvoiceId>();
		var missing = new ArrayList<>(keys);
		for (int attempt = 0; attempt < 5 && !missing.isEmpty(); attempt++) {
			var owners = missing.stream().map(DraftKey::owner).toArray(UUID[]::new);
			var currencies = missing.stream().map(DraftKey::currency).toArray(String[]::new);
			var days = missing.stream().map(k -> k.billingDay().toString()).toArray(String[]::new);
			jdbc.sql("""
					INSERT INTO invoice (id, invoice_owner_account_id, currency, billing_day, status, created_at, version)
					SELECT gen_random_uuid(), o, c, d, 'DRAFT', :at, 0
					FROM unnest(CAST(:owners AS uuid[]), CAST(:currencies AS text[]), CAST(:days AS date[])) AS k (o, c, d)
					ORDER BY o, c, d
					ON CONFLICT (invoice_owner_account_id, currency, billing_day) WHERE status = 'DRAFT' DO NOTHING""")
					.param("owners", owners).param("currencies", currencies).param("days", days)
					.param("at", Timestamp.from(now)).update();
			// a draft finalized while this waited for its lock no longer matches; then a new draft is made
			jdbc.sql("""
					SELECT i.id, i.invoice_owner_account_id, i.currency, i.billing_day FROM invoice i
					JOIN unnest(CAST(:owners AS uuid[]), CAST(:currencies AS text[]), CAST(:days AS date[])) AS k (o, c, d)
					  ON i.invoice_owner_account_id = k.o AND i.currency = k.c AND i.billing_day = k.d
					WHERE i.status = 'DRAFT' ORDER BY i.invoice_owner_account_id, i.currency, i.billing_day FOR UPDATE OF i""")
					.param("owners", owners).param("currencies", currencies).param("days", days)
					.query((rs, n) -> drafts.put(new DraftKey(rs.getObject(2, UUID.class), rs.getString(3).strip(),
							rs.getObject(4, LocalDate.class)), InvoiceId.of(rs.getObject(1, UUID.class))))
					.list();
			missing.removeIf(drafts::containsKey);
		}
		if (!missing.isEmpty()) {
			throw new IllegalStateException("No draft invoice could be locked for " + missing);
		}
		return drafts;
	}

	/** The next computation and line positions of a draft. */
	public record Positions(int computation, int line) {

		public Positions computationAdded() {
			return new Positions(computation + 1, line);
		}

		public Positions lineAdded() {
			return new Positions(computation, line + 1);
		}
	}

	public Map<InvoiceId, Positions> nextPositions(Collection<InvoiceId> drafts) {
		var positions = new HashMap<InvoiceId, Positions>();
		jdbc.sql("""
				SELECT d.id,
				  (SELECT COALESCE(MAX(position), 0) + 1 FROM invoice_computation c WHERE c.invoice_id = d.id),
				  (SELECT COALESCE(MAX(position), 0) + 1 FROM invoice_line l WHERE l.invoice_id = d.id)
				FROM unnest(CAST(:ids AS uuid[])) AS d (id)""")
				.param("ids", drafts.stream().map(InvoiceId::value).toArray(UUID[]::new))
				.query((rs, n) -> positions.put(InvoiceId.of(rs.getObject(1, UUID.class)), new Positions(rs.getInt(2), rs.getInt(3))))
				.list();
		return positions;
	}

	/** A computation to write onto a draft. */
	public record NewComputation(InvoiceId invoice, Computation computation, LocalDate periodStart, LocalDate periodEnd) {
	}

	/** A line to write onto a draft. */
	public record NewLine(InvoiceId invoice, UUID computation, int position, String subscriptionNumber, Line line,
			UUID subscriptionId, TaxRate taxRate, BigDecimal tax) {
	}

	/** Writes computations in one statement. */
	public void insertComputations(List<NewComputation> computations, Instant at) {
		if (computations.isEmpty()) {
			return;
		}
		int n = computations.size();
		var columns = new String[8][n];
		for (int i = 0; i < n; i++) {
			var c = computations.get(i);
			columns[0][i] = c.computation().id().toString();
			columns[1][i] = c.invoice().value().toString();
			columns[2][i] = c.computation().subscriptionId().toString();
			columns[3][i] = c.periodStart().toString();
			columns[4][i] = c.periodEnd().toString();
			columns[5][i] = Integer.toString(c.computation().position());
			columns[6][i] = c.computation().inputs();
			columns[7][i] = c.computation().inputsHash();
		}
		jdbc.sql("""
				INSERT INTO invoice_computation (id, invoice_id, subscription_id, period_start, period_end, position,
				  inputs, inputs_hash, created_at)
				SELECT *, CAST(:at AS timestamptz) FROM unnest(CAST(:c0 AS uuid[]), CAST(:c1 AS uuid[]), CAST(:c2 AS uuid[]),
				  CAST(:c3 AS date[]), CAST(:c4 AS date[]), CAST(:c5 AS int[]), CAST(:c6 AS text[]), CAST(:c7 AS text[]))""")
				.param("c0", columns[0]).param("c1", columns[1]).param("c2", columns[2]).param("c3", columns[3])
				.param("c4", columns[4]).param("c5", columns[5]).param("c6", columns[6]).param("c7", columns[7])
				.param("at", Timestamp.from(at)).update();
	}

	/** Writes lines in one statement; the unique key on (subscription, charge, days) still stands behind each. */
	public void insertLines(List<NewLine> lines) {
		if (lines.isEmpty()) {
			return;
		}
		int n = lines.size();
		var c = new String[29][n];
		for (int i = 0; i < n; i++) {
			var each = lines.get(i);
			var line = each.line();
			var charge = line.charge();
			c[0][i] = UUID.randomUUID().toString();
			c[1][i] = each.invoice().value().toString();
			c[2][i] = each.computation().toString();
			c[3][i] = Integer.toString(each.position());
			c[4][i] = each.subscriptionId().toString();
			c[5][i] = each.subscriptionNumber();
			c[6][i] = line.kind().name();
			c[7][i] = line.chargeKey();
			c[8][i] = charge.rateKey();
			c[9][i] = charge.kind().name();
			c[10][i] = charge.code();
			c[11][i] = charge.quantity().toPlainString();
			c[12][i] = charge.unit();
			c[13][i] = charge.price().unitPrice().toPlainString();
			c[14][i] = charge.discountPercent().toPlainString();
			c[15][i] = line.period().start().toString();
			c[16][i] = line.period().end().toString();
			c[17][i] = line.from().toString();
			c[18][i] = line.to().toString();
			c[19][i] = Integer.toString(line.sourceVersion());
			c[20][i] = line.orderNumber();
			c[21][i] = charge.priceBookVersionId().toString();
			c[22][i] = Integer.toString(charge.priceBookVersionNumber());
			c[23][i] = line.amount().amount().toPlainString();
			c[24][i] = line.explanation();
			c[25][i] = each.taxRate() == null ? null : each.taxRate().name();
			c[26][i] = each.taxRate() == null ? null : each.taxRate().jurisdiction();
			c[27][i] = each.taxRate() == null ? null : each.taxRate().percent().toPlainString();
			c[28][i] = each.tax() == null ? "0" : each.tax().toPlainString();
		}
		var sql = jdbc.sql("""
				INSERT INTO invoice_line (id, invoice_id, computation_id, position, subscription_id, subscription_number,
				  kind, charge_key, rate_key, charge_type, plan_code, quantity, unit, unit_price, discount_percent,
				  period_start, period_end, service_from, service_to, source_version, order_number, price_book_version_id,
				  price_book_version_number, amount, explanation, tax_name, tax_jurisdiction, tax_percent, tax_amount)
				SELECT * FROM unnest(CAST(:c0 AS uuid[]), CAST(:c1 AS uuid[]), CAST(:c2 AS uuid[]), CAST(:c3 AS int[]),
				  CAST(:c4 AS uuid[]), CAST(:c5 AS text[]), CAST(:c6 AS text[]), CAST(:c7 AS text[]), CAST(:c8 AS text[]),
				  CAST(:c9 AS text[]), CAST(:c10 AS text[]), CAST(:c11 AS numeric[]), CAST(:c12 AS text[]),
				  CAST(:c13 AS numeric[]), CAST(:c14 AS numeric[]), CAST(:c15 AS date[]), CAST(:c16 AS date[]),
				  CAST(:c17 AS date[]), CAST(:c18 AS date[]), CAST(:c19 AS int[]), CAST(:c20 AS text[]), CAST(:c21 AS uuid[]),
				  CAST(:c22 AS int[]), CAST(:c23 AS numeric[]), CAST(:c24 AS text[]), CAST(:c25 AS text[]),
				  CAST(:c26 AS text[]), CAST(:c27 AS numeric[]), CAST(:c28 AS numeric[]))""");
		for (int i = 0; i < 29; i++) {
			sql = sql.param("c" + i, c[i]);
		}
		sql.update();
	}

	/** Takes the next number of a kind in a year, in this transaction: the number is used exactly when it commits. */
	public int takeNumber(String kind, int year) {
		return jdbc.sql("""
				INSERT INTO billing_number_counter (kind, year, last_number) VALUES (:kind, :year, 1)
				ON CONFLICT (kind, year) DO UPDATE SET last_number = billing_number_counter.last_number + 1
				RETURNING last_number""").param("kind", kind).param("year", year).query(Integer.class).single();
	}

	public List<Computation> computations(InvoiceId invoice) {
		return jdbc.sql("""
				SELECT id, subscription_id, position, inputs, inputs_hash FROM invoice_computation
				WHERE invoice_id = :id ORDER BY position""").param("id", invoice.value())
				.query((rs, n) -> new Computation(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
						rs.getString(4), rs.getString(5)))
				.list();
	}

	public boolean finalize(InvoiceId id, String number, BigDecimal total, String hash, LocalDate issuedOn,
			LocalDate dueOn, Instant at, String by) {
		return jdbc.sql("""
				UPDATE invoice SET status = 'OPEN', number = :number, total = :total, inputs_hash = :hash,
				  issued_on = :issuedOn, due_on = :dueOn, finalized_at = :at, finalized_by = :by, version = version + 1
				WHERE id = :id AND status = 'DRAFT'""")
				.param("id", id.value()).param("number", number).param("total", total).param("hash", hash)
				.param("issuedOn", issuedOn).param("dueOn", dueOn).param("at", Timestamp.from(at)).param("by", by)
				.update() == 1;
	}

	/** Moves a finalized invoice on (open to paid, void or uncollectible; uncollectible to paid), settled from the first move. */
	public boolean moveTo(InvoiceId id, InvoiceStatus from, InvoiceStatus to, Instant at) {
		return jdbc.sql("""
				UPDATE invoice SET status = :to, settled_at = COALESCE(settled_at, :at),
				  version = version + 1
				WHERE id = :id AND status = :from""")
				.param("id", id.value()).param("from", from.name()).param("to", to.name()).param("at", Timestamp.from(at))
				.update() == 1;
	}

	/** The subscriptions an invoice bills, in the order of their first line. */
	public List<UUID> subscriptionsOf(InvoiceId id) {
		return jdbc.sql("""
				SELECT subscription_id FROM invoice_line WHERE invoice_id = :id GROUP BY subscription_id
				ORDER BY MIN(position)""").param("id", id.value()).query(UUID.class).list();
	}

	/** Drafts created before {@code before} that have lines: the ones auto-finalization takes. */
	public List<InvoiceId> draftsCreatedBefore(Instant before, int limit) {
		return jdbc.sql("""
				SELECT i.id FROM invoice i WHERE i.status = 'DRAFT' AND i.created_at < :before
				  AND EXISTS (SELECT 1 FROM invoice_line l WHERE l.invoice_id = i.id)
				ORDER BY i.created_at LIMIT :limit""").param("before", Timestamp.from(before)).param("limit", limit)
				.query((rs, n) -> InvoiceId.of(rs.getObject(1, UUID.class))).list();
	}

	public void insertCreditNote(CreditNote note) {
		jdbc.sql("""
				INSERT INTO credit_note (id, number, invoice_id, amount, reason, disposition, created_at, created_by)
				VALUES (:id, :number, :invoice, :amount, :reason, :disposition, :at, :by)""")
				.param("disposition", note.disposition().name())
				.param("id", note.id()).param("number", note.number()).param("invoice", note.invoiceId().value())
				.param("amount", note.amount()).param("reason", note.reason()).param("at", Timestamp.from(note.createdAt()))
				.param("by", note.createdBy()).update();
	}

	public Optional<Invoice> find(InvoiceId id) {
		return jdbc.sql("SELECT * FROM invoice WHERE id = :id").param("id", id.value()).query(this::header).optional()
				.map(this::complete);
	}

	/** An account's invoices, newest first, without their lines. */
	public List<Invoice> ofAccount(UUID accountId) {
		return jdbc.sql("""
				SELECT * FROM invoice WHERE invoice_owner_account_id = :account ORDER BY created_at DESC, id""")
				.param("account", accountId).query(this::header).list().stream()
				.map(invoice -> withTotals(invoice, lineSums(invoice.id()), credited(invoice.id()), paid(invoice.id()),
						List.of(), creditNotes(invoice.id())))
				.toList();
	}

	/** The latest invoices of every owner, newest first, optionally of one status, without their lines. */
	public List<Invoice> latest(InvoiceStatus status, int limit) {
		return jdbc.sql("""
				SELECT * FROM invoice WHERE (CAST(:status AS text) IS NULL OR status = :status)
				ORDER BY created_at DESC, id LIMIT :limit""")
				.param("status", status == null ? null : status.name()).param("limit", limit).query(this::header).list()
				.stream()
				.map(invoice -> withTotals(invoice, lineSums(invoice.id()), credited(invoice.id()), paid(invoice.id()),
						List.of(), List.of()))
				.toList();
	}

	private Invoice complete(Invoice header) {
		var lines = lines(header.id());
		var sums = new BigDecimal[] { lines.stream().map(InvoiceLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add),
				lines.stream().map(InvoiceLine::taxAmount).reduce(BigDecimal.ZERO, BigDecimal::add) };
		return withTotals(header, sums, credited(header.id()), paid(header.id()), lines, creditNotes(header.id()));
	}

	/** The lines' amounts and their tax. */
	private BigDecimal[] lineSums(InvoiceId id) {
		return jdbc.sql("""
				SELECT COALESCE(SUM(amount), 0), COALESCE(SUM(tax_amount), 0) FROM invoice_line WHERE invoice_id = :id""")
				.param("id", id.value()).query((rs, n) -> new BigDecimal[] { rs.getBigDecimal(1), rs.getBigDecimal(2) })
				.single();
	}

	private Invoice withTotals(Invoice h, BigDecimal[] sums, BigDecimal credited, BigDecimal paid,
			List<InvoiceLine> lines, List<CreditNote> notes) {
		var total = h.total() == null ? sums[0].add(sums[1]) : h.total();
		var due = h.status() == InvoiceStatus.OPEN || h.status() == InvoiceStatus.UNCOLLECTIBLE
				? total.subtract(credited).subtract(paid).max(BigDecimal.ZERO) : BigDecimal.ZERO;
		return new Invoice(h.id(), h.number(), h.invoiceOwnerAccountId(), h.currency(), h.status(), scaled(total),
				scaled(credited), scaled(paid), scaled(due), h.issuedOn(), h.dueOn(), h.finalizedAt(), h.finalizedBy(),
				h.inputsHash(), h.createdAt(), h.version(), lines, notes, scaled(sums[0]), scaled(sums[1]), h.settledAt());
	}

	/** What succeeded payments applied to an invoice. */
	public BigDecimal paid(InvoiceId id) {
		return jdbc.sql("SELECT COALESCE(SUM(applied), 0) FROM payment WHERE invoice_id = :id AND status = 'SUCCEEDED'")
				.param("id", id.value()).query(BigDecimal.class).single();
	}

	private static BigDecimal plain(BigDecimal value) {
		var stripped = value.stripTrailingZeros();
		return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
	}

	private static BigDecimal scaled(BigDecimal amount) {
		return amount.setScale(2, java.math.RoundingMode.HALF_EVEN);
	}

	public BigDecimal lineTotal(InvoiceId id) {
		return jdbc.sql("SELECT COALESCE(SUM(amount + tax_amount), 0) FROM invoice_line WHERE invoice_id = :id")
				.param("id", id.value()).query(BigDecimal.class).single();
	}

	public BigDecimal credited(InvoiceId id) {
		return jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM credit_note WHERE invoice_id = :id")
				.param("id", id.value()).query(BigDecimal.class).single();
	}

	public List<InvoiceLine> lines(InvoiceId id) {
		return jdbc.sql("SELECT * FROM invoice_line WHERE invoice_id = :id ORDER BY position").param("id", id.value())
				.query(InvoiceRepository::line).list();
	}

	private List<CreditNote> creditNotes(InvoiceId id) {
		return jdbc.sql("""
				SELECT n.*, i.currency FROM credit_note n JOIN invoice i ON i.id = n.invoice_id
				WHERE n.invoice_id = :id ORDER BY n.created_at, n.number""").param("id", id.value())
				.query((rs, n) -> new CreditNote(rs.getObject("id", UUID.class), rs.getString("number"),
						InvoiceId.of(rs.getObject("invoice_id", UUID.class)), scaled(rs.getBigDecimal("amount")),
						rs.getString("currency"), rs.getString("reason"),
						CreditNote.Disposition.valueOf(rs.getString("disposition")), rs.getTimestamp("created_at").toInstant(),
						rs.getString("created_by")))
				.list();
	}

	private Invoice header(ResultSet rs, int row) throws SQLException {
		var finalizedAt = rs.getTimestamp("finalized_at");
		var settledAt = rs.getTimestamp("settled_at");
		return new Invoice(InvoiceId.of(rs.getObject("id", UUID.class)), rs.getString("number"),
				rs.getObject("invoice_owner_account_id", UUID.class), rs.getString("currency"),
				InvoiceStatus.valueOf(rs.getString("status")), rs.getBigDecimal("total"), BigDecimal.ZERO, BigDecimal.ZERO,
				BigDecimal.ZERO, rs.getObject("issued_on", LocalDate.class), rs.getObject("due_on", LocalDate.class),
				finalizedAt == null ? null : finalizedAt.toInstant(),
				rs.getString("finalized_by"), rs.getString("inputs_hash"), rs.getTimestamp("created_at").toInstant(),
				rs.getInt("version"), List.of(), List.of(), rs.getBigDecimal("total"), BigDecimal.ZERO,
				settledAt == null ? null : settledAt.toInstant());
	}

	private static InvoiceLine line(ResultSet rs, int row) throws SQLException {
		return new InvoiceLine(InvoiceLineId.of(rs.getObject("id", UUID.class)), rs.getInt("position"),
				rs.getObject("subscription_id", UUID.class), rs.getString("subscription_number"), rs.getString("kind"),
				rs.getString("charge_type"), rs.getString("plan_code"), plain(rs.getBigDecimal("quantity")),
				rs.getString("unit"), rs.getBigDecimal("unit_price"), plain(rs.getBigDecimal("discount_percent")),
				rs.getObject("period_start", LocalDate.class), rs.getObject("period_end", LocalDate.class),
				rs.getObject("service_from", LocalDate.class), rs.getObject("service_to", LocalDate.class),
				rs.getInt("source_version"), rs.getString("order_number"), rs.getObject("price_book_version_id", UUID.class),
				rs.getInt("price_book_version_number"), scaled(rs.getBigDecimal("amount")), rs.getString("explanation"),
				rs.getString("tax_name"), rs.getString("tax_jurisdiction"),
				rs.getBigDecimal("tax_percent") == null ? null : plain(rs.getBigDecimal("tax_percent")),
				scaled(rs.getBigDecimal("tax_amount")));
	}
}
