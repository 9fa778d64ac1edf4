package dev.baton.finance;

import static dev.baton.platform.SpreadsheetText.cell;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.baton.finance.jdbc.ReportQueries;
import dev.baton.platform.BatonException;
import dev.baton.platform.Money;
import dev.baton.platform.ProblemType;

/**
 * The finance and sales reports: ARR and MRR on a day by product, segment, channel or region;
 * bookings; billings, collections and the deferred revenue schedule per month; AR aging on a day.
 * Every figure is an aggregate in SQL over finance's read models, and every row drills down to
 * the items it is the sum of (subscription charges, orders, invoices, credit notes, voids,
 * payments, refunds, revenue shares), whose total is the figure. Amounts are per currency, never
 * converted.
 */
@Service
public class FinanceReports {

	/** The most items a drill-down lists; its total and count always cover all of them. */
	public static final int ITEM_LIMIT = 1000;
	private static final int MAX_MONTHS = 120;

	private final ReportQueries queries;
	private final Clock clock;

	FinanceReports(ReportQueries queries, Clock clock) {
		this.queries = queries;
		this.clock = clock;
	}

	/** The reports, by the name in their path. */
	public enum Report {
		ARR("arr", "ARR and MRR", List.of("arr", "mrr")),
		BOOKINGS("bookings", "Bookings", List.of("new_arr", "expansion", "contraction", "churn", "renewal_change", "net_new",
				"renewed")),
		BILLINGS("billings", "Billings", List.of("invoiced", "credited", "voided", "net")),
		COLLECTIONS("collections", "Collections", List.of("received", "refunded", "net")),
		AR_AGING("ar-aging", "AR aging", List.of("current", "days_1_30", "days_31_60", "days_61_90", "over_90", "total")),
		DEFERRED_REVENUE("deferred-revenue", "Deferred revenue schedule", List.of("invoiced", "reversed", "recognized",
				"deferred"));

		private final String slug;
		private final String title;
		private final List<String> figures;

		Report(String slug, String title, List<String> figures) {
			this.slug = slug;
			this.title = title;
			this.figures = figures;
		}

		public String slug() {
			return slug;
		}

		public String title() {
			return title;
		}

		public List<String> figures() {
			return figures;
		}

		/** Whether its rows are months ({@code from} and {@code to}) rather than a day ({@code asOf}). */
		public boolean monthly() {
			return this == BILLINGS || this == COLLECTIONS || this == DEFERRED_REVENUE;
		}

		/** Whether its rows are grouped by a dimension ({@code by}). */
		public boolean grouped() {
			return this == ARR || this == BOOKINGS;
		}

		public static Report of(String slug) {
			return Arrays.stream(values()).filter(r -> r.slug.equals(slug)).findFirst()
					.orElseThrow(() -> new BatonException(ProblemType.NOT_FOUND, "No finance report " + slug + "; one of "
							+ Arrays.stream(values()).map(Report::slug).toList()));
		}
	}

	/**
	 * What a report is asked for: a day (ARR, AR aging), a span from one day up to, not including,
	 * another (bookings; the months of billings, collections and deferred revenue), a dimension, and
	 * the accounts to count (none: all).
	 */
	public record Query(LocalDate asOf, LocalDate from, LocalDate to, String by, List<UUID> accounts) {

		public Query {
			accounts = accounts == null ? List.of() : List.copyOf(accounts);
		}
	}

	/** One row: its key (a dimension's value, a month, all), currency, figures by name, and what it counts. */
	public record Row(String key, String currency, Map<String, BigDecimal> figures, long count) {
	}

	/** A report with its rows and its totals per currency. */
	public record Table(String report, String title, Query query, List<String> figures, List<Row> rows, List<Row> totals) {
	}

	/** A row's items, whose amounts add up to {@code total} (the figure it drills into). */
	public record Items(String report, String key, String currency, String figure, BigDecimal total, long count,
			boolean truncated, List<ReportQueries.Item> items) {
	}

	/**
	 * The query with defaults and checks: today; the last twelve months to the end of this one;
	 * product for grouped reports. A bad value is a 400 naming the parameter.
	 */
	public Query resolve(Report report, String asOf, String from, String to, String by, List<UUID> accounts) {
		var today = LocalDate.now(clock);
		var day = asOf == null || asOf.isBlank() ? today : date("asOf", asOf);
		LocalDate start;
		LocalDate end;
		if (report.monthly()) {
			end = to == null || to.isBlank() ? YearMonth.from(today).plusMonths(1).atDay(1) : month("to", to);
			start = from == null || from.isBlank() ? end.minusMonths(12) : month("from", from);
		}
		else {
			end = to == null || to.isBlank() ? today.plusDays(1) : date("to", to);
			start = from == null || from.isBlank() ? end.minusYears(1) : date("from", from);
		}
		if (!end.isAfter(start)) {
			throw BatonException.invalid("to", "is after from (" + start + "), not " + end);
		}
		if (start.plusMonths(MAX_MONTHS).isBefore(end)) {
			throw BatonException.invalid("from", "spans at most " + MAX_MONTHS + " months to " + end + ", not from " + start);
		}
		String dimension = null;
		if (report.grouped()) {
			dimension = by == null || by.isBlank() ? "product" : by.strip();
			if (!ReportQueries.DIMENSIONS.containsKey(dimension)) {
				throw BatonException.invalid("by", "is one of " + ReportQueries.DIMENSIONS.keySet().stream().sorted().toList()
						+ ", not '" + dimension + "'");
			}
		}
		return new Query(day, start, end, dimension, accounts);
	}

	@Transactional(readOnly = true)
	public Table report(Report report, Query query) {
		var rows = new ArrayList<Row>();
		var totals = new ArrayList<Row>();
		switch (report) {
			case ARR -> {
				queries.arr(query.asOf(), query.by(), query.accounts()).forEach(f -> rows.add(arrRow(f)));
				queries.arr(query.asOf(), null, query.accounts()).forEach(f -> totals.add(arrRow(f)));
			}
			case BOOKINGS -> {
				queries.bookings(query.from(), query.to(), query.by(), query.accounts()).forEach(f -> rows.add(row(f)));
				queries.bookings(query.from(), query.to(), null, query.accounts()).forEach(f -> totals.add(row(f)));
			}
			case BILLINGS -> {
				queries.billings(query.from(), query.to(), query.accounts()).forEach(f -> rows.add(row(f)));
				totals.addAll(summed(rows, report.figures(), null));
			}
			case COLLECTIONS -> {
				queries.collections(query.from(), query.to(), query.accounts()).forEach(f -> rows.add(row(f)));
				totals.addAll(summed(rows, report.figures(), null));
			}
			case AR_AGING -> {
				queries.aging(query.asOf(), query.accounts()).forEach(f -> rows.add(row(f)));
				totals.addAll(rows);
			}
			case DEFERRED_REVENUE -> {
				queries.deferred(query.from(), query.to().minusMonths(1), query.accounts()).forEach(f -> rows.add(row(f)));
				totals.addAll(summed(rows, report.figures(), "deferred"));
			}
		}
		return new Table(report.slug(), report.title(), query, report.figures(), rows, totals);
	}

	/**
	 * The items of one row: for ARR and bookings the dimension's value {@code key}; for the monthly
	 * reports the month ({@code 2027-03}); for AR aging the bucket ({@code current}, {@code 1-30},
	 * {@code 31-60}, {@code 61-90}, {@code over-90} or {@code all}). The deferred revenue schedule
	 * drills into what was recognized in the month.
	 */
	@Transactional(readOnly = true)
	public Items items(Report report, Query query, String key, String currency) {
		if (key == null || key.isBlank()) {
			throw BatonException.invalid("key", "names the row to drill into");
		}
		var code = currency == null ? "" : currency.strip().toUpperCase(java.util.Locale.ROOT);
		if (!code.matches("[A-Z]{3}")) {
			throw BatonException.invalid("currency", "is a currency code such as USD, not '" + currency + "'");
		}
		var value = key.strip();
		var accounts = query.accounts();
		ReportQueries.Items found;
		String figure;
		switch (report) {
			case ARR -> {
				found = queries.arrItems(query.asOf(), query.by(), value, code, accounts, ITEM_LIMIT);
				figure = "arr";
			}
			case BOOKINGS -> {
				found = queries.bookingItems(query.from(), query.to(), query.by(), value, code, accounts, ITEM_LIMIT);
				figure = "net_new";
			}
			case BILLINGS -> {
				var month = month("key", value);
				found = queries.billingItems(month, month.plusMonths(1), code, accounts, ITEM_LIMIT);
				figure = "net";
			}
			case COLLECTIONS -> {
				var month = month("key", value);
				found = queries.collectionItems(month, month.plusMonths(1), code, accounts, ITEM_LIMIT);
				figure = "net";
			}
			case AR_AGING -> {
				if (!List.of("current", "1-30", "31-60", "61-90", "over-90", "all").contains(value)) {
					throw BatonException.invalid("key", "is a bucket: current, 1-30, 31-60, 61-90, over-90 or all, not '"
							+ value + "'");
				}
				found = queries.agingItems(query.asOf(), value, code, accounts, ITEM_LIMIT);
				figure = bucketFigure(value);
			}
			case DEFERRED_REVENUE -> {
				found = queries.recognizedItems(month("key", value), code, accounts, ITEM_LIMIT);
				figure = "recognized";
			}
			default -> throw new IllegalStateException("No items for " + report);
		}
		return new Items(report.slug(), value, code, figure, cents(found.total(), code), found.count(),
				found.count() > found.items().size(), found.items().stream().map(i -> new ReportQueries.Item(i.kind(), i.id(),
						i.number(), i.accountId(), i.subscriptionNumber(), i.orderNumber(), i.date(), i.description(),
						i.currency(), cents(i.amount(), i.currency()))).toList());
	}

	private static String bucketFigure(String bucket) {
		return switch (bucket) {
			case "1-30" -> "days_1_30";
			case "31-60" -> "days_31_60";
			case "61-90" -> "days_61_90";
			case "over-90" -> "over_90";
			case "all" -> "total";
			default -> bucket;
		};
	}

	/** A report's rows as CSV: key, currency, each figure, count; text made safe for spreadsheets. */
	public String csv(Table table) {
		var out = new StringWriter();
		try (var printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
			var header = new ArrayList<Object>(List.of("key", "currency"));
			header.addAll(table.figures());
			header.add("count");
			printer.printRecord(header);
			for (var row : table.rows()) {
				var record = new ArrayList<Object>(List.of(cell(row.key()), cell(row.currency())));
				table.figures().forEach(f -> record.add(plain(row.figures().get(f))));
				record.add(row.count());
				printer.printRecord(record);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toString();
	}

	/** A drill-down's items as CSV. */
	public String csv(Items items) {
		var out = new StringWriter();
		try (var printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
			printer.printRecord("kind", "id", "number", "account_id", "subscription_number", "order_number", "date",
					"description", "currency", "amount");
			for (var item : items.items()) {
				printer.printRecord(item.kind(), item.id(), cell(item.number()), item.accountId(),
						cell(item.subscriptionNumber()), cell(item.orderNumber()), item.date(), cell(item.description()),
						cell(item.currency()), plain(item.amount()));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toString();
	}

	private static String plain(BigDecimal amount) {
		return amount == null ? "" : amount.toPlainString();
	}

	private static Row arrRow(ReportQueries.Figures f) {
		var arr = cents(f.values().get("arr"), f.currency());
		var figures = new LinkedHashMap<String, BigDecimal>();
		figures.put("arr", arr);
		figures.put("mrr", monthly(arr, f.currency()));
		return new Row(f.key(), f.currency(), figures, f.count());
	}

	/** MRR: ARR over twelve months, rounded once. */
	static BigDecimal monthly(BigDecimal arr, String currency) {
		return Money.of(arr.divide(BigDecimal.valueOf(12), MathContext.DECIMAL128), currency).amount();
	}

	private static Row row(ReportQueries.Figures f) {
		var figures = new LinkedHashMap<String, BigDecimal>();
		f.values().forEach((name, amount) -> figures.put(name, cents(amount, f.currency())));
		return new Row(f.key(), f.currency(), figures, f.count());
	}

	/** Totals per currency of monthly rows; {@code balance} is a figure that is the last month's, not a sum. */
	private static List<Row> summed(List<Row> rows, List<String> figures, String balance) {
		var byCurrency = new LinkedHashMap<String, Row>();
		for (var row : rows) {
			byCurrency.merge(row.currency(), row, (a, b) -> {
				var sum = new LinkedHashMap<String, BigDecimal>();
				for (var figure : figures) {
					sum.put(figure, figure.equals(balance) ? b.figures().get(figure)
							: a.figures().get(figure).add(b.figures().get(figure)));
				}
				return new Row("total", a.currency(), sum, a.count() + b.count());
			});
		}
		return byCurrency.values().stream().map(r -> new Row("total", r.currency(), r.figures(), r.count())).toList();
	}

	private static BigDecimal cents(BigDecimal amount, String currency) {
		return amount == null ? null
				: Money.of(amount, Optional.ofNullable(currency).filter(c -> c.matches("[A-Z]{3}")).orElse("USD")).amount();
	}

	private static LocalDate date(String parameter, String text) {
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException e) {
			throw BatonException.invalid(parameter, "is a day such as 2027-03-31, not '" + text + "'");
		}
	}

	/** The first day of a month given as {@code 2027-03} (or a day in it). */
	private static LocalDate month(String parameter, String text) {
		var value = text.strip();
		try {
			return YearMonth.parse(value.length() > 7 ? value.substring(0, 7) : value).atDay(1);
		}
		catch (DateTimeParseException e) {
			throw BatonException.invalid(parameter, "is a month such as 2027-03, not '" + text + "'");
		}
	}
}
