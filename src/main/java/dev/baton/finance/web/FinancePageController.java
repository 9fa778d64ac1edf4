package dev.baton.finance.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import dev.baton.finance.FinanceReports;
import dev.baton.finance.FinanceReports.Report;
import dev.baton.platform.BatonException;
import dev.baton.platform.Words;

/**
 * The finance page: every report with a chart where a picture reads faster than a table (ARR by a
 * dimension, billings beside collections, AR aging, the deferred revenue schedule), the same
 * numbers in tables, CSV downloads, and each row's drill-down page.
 */
@Controller
@PreAuthorize("hasAnyRole('FINANCE','ADMIN')")
class FinancePageController {

	private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("arr", "ARR"), Map.entry("mrr", "MRR"),
			Map.entry("new_arr", "New"), Map.entry("expansion", "Expansion"), Map.entry("contraction", "Contraction"),
			Map.entry("churn", "Churn"), Map.entry("renewal_change", "Renewal change"), Map.entry("net_new", "Net new ARR"),
			Map.entry("renewed", "Renewed"), Map.entry("invoiced", "Invoiced"), Map.entry("credited", "Credited"),
			Map.entry("voided", "Voided"), Map.entry("net", "Net"), Map.entry("received", "Received"),
			Map.entry("refunded", "Refunded"), Map.entry("current", "Not yet due"), Map.entry("days_1_30", "1-30 days"),
			Map.entry("days_31_60", "31-60 days"), Map.entry("days_61_90", "61-90 days"), Map.entry("over_90", "Over 90 days"),
			Map.entry("total", "Total"), Map.entry("reversed", "Reversed"), Map.entry("recognized", "Recognized"),
			Map.entry("deferred", "Deferred at month end"));

	private final FinanceReports reports;
	private final Words words;

	FinancePageController(FinanceReports reports, Words words) {
		this.reports = reports;
		this.words = words;
	}

	@GetMapping("/finance")
	String page(@RequestParam(required = false) String asOf, @RequestParam(required = false) String by,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
		var sections = new ArrayList<Map<String, Object>>();
		try {
			for (var report : Report.values()) {
				var query = reports.resolve(report, asOf, report.monthly() ? from : null, report.monthly() ? to : null, by,
						null);
				var table = reports.report(report, query);
				var section = new LinkedHashMap<String, Object>();
				section.put("report", report);
				section.put("table", table);
				section.put("charts", charts(report, table));
				section.put("query", queryString(parameters(report, query)));
				sections.add(section);
			}
		}
		catch (BatonException refused) {
			model.addAttribute("error", refused.getMessage());
			return page(null, null, null, null, model);
		}
		model.addAttribute("sections", sections);
		model.addAttribute("labels", labels());
		model.addAttribute("asOf", asOf);
		model.addAttribute("by", by == null ? "product" : by);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		return "finance/reports";
	}

	@GetMapping("/finance/{report}/items")
	String items(@PathVariable String report, @RequestParam(required = false) String key,
			@RequestParam(required = false) String currency, @RequestParam(required = false) String asOf,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String by, Model model) {
		var which = Report.of(report);
		var query = reports.resolve(which, asOf, from, to, by, null);
		model.addAttribute("report", which);
		model.addAttribute("items", reports.items(which, query, key, currency));
		model.addAttribute("labels", labels());
		model.addAttribute("query", queryString(parameters(which, query)));
		return "finance/items";
	}

	@GetMapping("/finance/{report}.csv")
	ResponseEntity<String> csv(@PathVariable String report, @RequestParam(required = false) String asOf,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String by) {
		var which = Report.of(report);
		return FinanceController.csv(which.slug(),
				reports.csv(reports.report(which, reports.resolve(which, asOf, from, to, by, null))));
	}

	@GetMapping("/finance/{report}/items.csv")
	ResponseEntity<String> itemsCsv(@PathVariable String report, @RequestParam(required = false) String key,
			@RequestParam(required = false) String currency, @RequestParam(required = false) String asOf,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String by) {
		var which = Report.of(report);
		return FinanceController.csv(which.slug() + "-items",
				reports.csv(reports.items(which, reports.resolve(which, asOf, from, to, by, null), key, currency)));
	}

	/** The query string that asks for the same report again (for CSV and drill-down links). */
	private static Map<String, String> parameters(Report report, FinanceReports.Query query) {
		var parameters = new LinkedHashMap<String, String>();
		if (report.monthly()) {
			parameters.put("from", query.from().toString().substring(0, 7));
			parameters.put("to", query.to().toString().substring(0, 7));
		}
		else if (report == Report.BOOKINGS) {
			parameters.put("from", query.from().toString());
			parameters.put("to", query.to().toString());
		}
		else {
			parameters.put("asOf", query.asOf().toString());
		}
		if (query.by() != null) {
			parameters.put("by", query.by());
		}
		return parameters;
	}

	static String queryString(Map<String, String> parameters) {
		var query = new StringBuilder();
		parameters.forEach((name, value) -> query.append(query.isEmpty() ? "" : "&").append(name).append('=')
				.append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)));
		return query.toString();
	}

	/** One chart per currency for the reports people would rather look at than read. */
	/** The figures' names in the reader's language; the English ones stay the fallback. */
	private Map<String, String> labels() {
		var labels = new LinkedHashMap<String, String>();
		LABELS.forEach((figure, label) -> labels.put(figure, words.getOr("finance.figure." + figure, label)));
		return labels;
	}

	private List<Charts.Chart> charts(Report report, FinanceReports.Table table) {
		var charts = new ArrayList<Charts.Chart>();
		for (var currency : table.rows().stream().map(FinanceReports.Row::currency).distinct().toList()) {
			var rows = table.rows().stream().filter(r -> r.currency().equals(currency)).toList();
			var keys = rows.stream().map(FinanceReports.Row::key).toList();
			switch (report) {
				case ARR -> charts.add(Charts.bars(words.get("finance.chart.arr", by(table), currency),
						words.get("finance.chart.arr.description", table.query().asOf().toString(), by(table)),
						keys, List.of(series("ARR", rows, "arr")), null));
				case BILLINGS -> charts.add(Charts.bars(words.get("finance.chart.billings", currency),
						words.get("finance.chart.billings.description"), keys, List.of(series(label("invoiced"), rows,
								"invoiced"), series(label("net"), rows, "net")), null));
				case COLLECTIONS -> charts.add(Charts.bars(words.get("finance.chart.collections", currency),
						words.get("finance.chart.collections.description"), keys,
						List.of(series(words.get("finance.chart.collected"), rows, "net")), null));
				case AR_AGING -> {
					var row = rows.get(0);
					var buckets = List.of("current", "days_1_30", "days_31_60", "days_61_90", "over_90");
					charts.add(Charts.bars(words.get("finance.chart.aging", currency),
							words.get("finance.chart.aging.description", table.query().asOf().toString()),
							buckets.stream().map(this::label).toList(), List.of(new Charts.Series(words.get("finance.chart.owed"),
									buckets.stream().map(b -> row.figures().get(b)).toList())), null));
				}
				case DEFERRED_REVENUE -> charts.add(Charts.bars(words.get("finance.chart.revenue", currency),
						words.get("finance.chart.revenue.description"), keys,
						List.of(series(label("recognized"), rows, "recognized")), series(words.get("finance.chart.deferred"), rows, "deferred")));
				default -> {
				}
			}
		}
		return charts;
	}

	private String label(String figure) {
		return words.getOr("finance.figure." + figure, LABELS.get(figure));
	}

	private String by(FinanceReports.Table table) {
		return words.getOr("finance.by." + table.query().by(), table.query().by());
	}

	private static Charts.Series series(String name, List<FinanceReports.Row> rows, String figure) {
		return new Charts.Series(name, rows.stream().map(r -> r.figures().getOrDefault(figure, BigDecimal.ZERO)).toList());
	}
}
