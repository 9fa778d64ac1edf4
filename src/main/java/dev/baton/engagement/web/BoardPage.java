package dev.baton.engagement.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.baton.engagement.EngagementProperties;
import dev.baton.engagement.RequestLabel;
import dev.baton.engagement.RequestStatus;
import dev.baton.engagement.jdbc.BoardQuery;
import dev.baton.identity.Role;
import dev.baton.organisation.CallContext;
import dev.baton.organisation.Organisation;
import dev.baton.organisation.Person;
import dev.baton.organisation.Segment;
import dev.baton.pipeline.Pipeline;

/**
 * The triage board: a column per state (or per label), filtered by query parameters so that a
 * filtered board is a link, refreshed by polling its columns.
 */
@Controller
@PreAuthorize(BoardPage.VIEWERS)
class BoardPage {

	static final String VIEWERS = "hasAnyRole('SA','SA_MANAGER','ASM','ADMIN')";

	/** Cards per column on the whole board: eight columns of 25 keep a board at 200 cards at most. */
	static final int PER_COLUMN = 25;
	/** Cards per page when one column is shown alone. */
	static final int PER_PAGE = 50;

	private final BoardQuery query;
	private final RequestCards cards;
	private final Organisation organisation;
	private final Pipeline pipeline;
	private final PageActions actions;
	private final EngagementProperties properties;
	private final java.time.Clock clock;
	private final dev.baton.platform.Words words;

	BoardPage(BoardQuery query, RequestCards cards, Organisation organisation, Pipeline pipeline, PageActions actions,
			EngagementProperties properties, java.time.Clock clock, dev.baton.platform.Words words) {
		this.words = words;
		this.properties = properties;
		this.clock = clock;
		this.query = query;
		this.cards = cards;
		this.organisation = organisation;
		this.pipeline = pipeline;
		this.actions = actions;
	}

	/** The board's filters, as query parameters. */
	record Filters(String board, UUID circle, Segment segment, UUID sa, RequestLabel label, boolean byLabel, String q) {

		Filters(String board, UUID circle, Segment segment, UUID sa, RequestLabel label, boolean byLabel) {
			this(board, circle, segment, sa, label, byLabel, null);
		}

		/** The query string of these filters plus the given extra parameters (name, value pairs). */
		public String query(String... extra) {
			var parameters = new LinkedHashMap<String, String>();
			put(parameters, "board", board);
			put(parameters, "circle", circle);
			put(parameters, "segment", segment == null ? null : segment.name());
			put(parameters, "sa", sa);
			put(parameters, "label", label == null ? null : label.name());
			put(parameters, "q", q);
			if (byLabel) {
				parameters.put("group", "label");
			}
			for (int i = 0; i + 1 < extra.length; i += 2) {
				put(parameters, extra[i], extra[i + 1]);
			}
			var query = new StringBuilder();
			parameters.forEach((name, value) -> query.append(query.isEmpty() ? "" : "&").append(name).append('=')
					.append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
			return query.toString();
		}

		public boolean any() {
			return board != null || circle != null || segment != null || sa != null || label != null || q != null;
		}

		private static void put(Map<String, String> parameters, String name, Object value) {
			if (value != null && !value.toString().isBlank()) {
				parameters.put(name, value.toString());
			}
		}
	}

	/**
	 * A column with the cards it shows and how many it holds; a closed column on the whole board
	 * holds the recent work only ({@code since} says how recent) and links to everything older.
	 */
	record Column(String key, String title, List<RequestCards.Card> cards, long total, String moreLink, String since,
			String olderLink) {

		Column(String key, String title, List<RequestCards.Card> cards, long total, String moreLink) {
			this(key, title, cards, total, moreLink, null, null);
		}
	}

	/** A choice in a filter whose full list the page loads afterwards: only the chosen one is on the page. */
	record Choice(UUID id, String key, String name) {
	}

	@GetMapping("/board")
	String board(@RequestParam(required = false) String board, @RequestParam(required = false) UUID circle,
			@RequestParam(required = false) Segment segment, @RequestParam(required = false) UUID sa,
			@RequestParam(required = false) RequestLabel label, @RequestParam(required = false) String group,
			@RequestParam(required = false) String column, @RequestParam(defaultValue = "0") int page,
			@RequestParam(required = false) String closed, @RequestParam(required = false) String q, Model model) {
		var filters = new Filters(blankToNull(board), circle, segment, sa, label, "label".equals(group), search(q));
		columns(filters, column, page, closed, model);
		actions.callerIfAny().flatMap(CallContext::personIfAny).map(Person::timeZone)
				.ifPresent(zone -> model.addAttribute("viewerZone", words.zone(zone)));
		// boards, circles and SAs grow with the organisation: the page names the chosen ones only and
		// loads the lists right after it (/board/filters)
		model.addAttribute("lazyChoices", true);
		model.addAttribute("boards", filters.board() == null ? List.of() : List.of(new Choice(null, filters.board(), filters.board())));
		model.addAttribute("circles", filters.circle() == null ? List.of() : List.of(new Choice(filters.circle(), null, "The chosen circle")));
		model.addAttribute("sas", filters.sa() == null ? List.of() : List.of(new Choice(filters.sa(), null, "The chosen SA")));
		model.addAttribute("segments", Segment.values());
		model.addAttribute("labels", RequestLabel.values());
		return "board/board";
	}

	/** The filters' choices of boards, circles (of the chosen board) and SAs, loaded by the board page after it. */
	@GetMapping("/board/filters")
	String filterChoices(@RequestParam(required = false) String board, @RequestParam(required = false) UUID circle,
			@RequestParam(required = false) Segment segment, @RequestParam(required = false) UUID sa,
			@RequestParam(required = false) RequestLabel label, @RequestParam(required = false) String group,
			@RequestParam(required = false) String q, Model model, jakarta.servlet.http.HttpServletResponse response) {
		var filters = new Filters(blankToNull(board), circle, segment, sa, label, "label".equals(group), search(q));
		response.setHeader("Cache-Control", "private, max-age=60");
		model.addAttribute("filters", filters);
		model.addAttribute("lazyChoices", false);
		model.addAttribute("boards", organisation.boards());
		model.addAttribute("circles", organisation.circles().stream()
				.filter(c -> filters.board() == null || c.boardKey().equals(filters.board())).toList());
		model.addAttribute("segments", Segment.values());
		model.addAttribute("sas", organisation.people(Role.SA));
		return "board/board :: choices";
	}

	@GetMapping("/board/columns")
	String columns(@RequestParam(required = false) String board, @RequestParam(required = false) UUID circle,
			@RequestParam(required = false) Segment segment, @RequestParam(required = false) UUID sa,
			@RequestParam(required = false) RequestLabel label, @RequestParam(required = false) String group,
			@RequestParam(required = false) String column, @RequestParam(defaultValue = "0") int page,
			@RequestParam(required = false) String closed, @RequestParam(required = false) String q, Model model) {
		columns(new Filters(blankToNull(board), circle, segment, sa, label, "label".equals(group), search(q)), column,
				page, closed, model);
		return "board/board :: columns";
	}

	/** Where a page starts; a page number past any real list (or negative) stays within int range. */
	static int offset(int page, int size) {
		return (int) Math.min((long) Math.max(0, page) * size, Integer.MAX_VALUE - size);
	}

	private void columns(Filters filters, String only, int page, String closed, Model model) {
		var keys = filters.byLabel() ? Arrays.stream(RequestLabel.values()).map(Enum::name).toList()
				: Arrays.stream(RequestStatus.values()).map(Enum::name).toList();
		var single = only != null && keys.contains(only) ? only : null;
		var limit = single == null ? PER_COLUMN : PER_PAGE;
		var offset = single == null ? 0 : offset(page, PER_PAGE);
		// closed work on the board is the recent work; a closed column alone may reach back through all of it
		var everything = single != null && "all".equals(closed);
		var window = properties.board().closedWindow();
		var since = everything ? null : clock.instant().minus(window);
		var rows = query.columns(new BoardQuery.Filter(filters.board(),
				filters.circle() == null ? null : List.of(filters.circle()), filters.sa(), filters.label(),
				filters.segment() == null ? null : pipeline.opportunityIds(filters.segment()), null, filters.q()),
				filters.byLabel(),
				single, offset, limit, since);
		ZoneId zone = actions.callerIfAny().flatMap(CallContext::personIfAny).map(Person::timeZone).orElse(null);
		var shown = cards.cards(rows, zone);
		var totals = new LinkedHashMap<String, Long>();
		rows.forEach(row -> totals.put(row.column(), row.columnTotal()));
		var columns = new ArrayList<Column>();
		for (var key : keys) {
			if (single != null && !single.equals(key)) {
				continue;
			}
			var inColumn = shown.stream().filter(card -> key.equals(card.column())).toList();
			long total = totals.getOrDefault(key, 0L);
			String more = null;
			if (single == null && total > inColumn.size()) {
				more = "/board?" + filters.query("column", key);
			}
			var closedColumn = !filters.byLabel() && !RequestStatus.valueOf(key).isOpen();
			if (closedColumn && !everything) {
				columns.add(new Column(key, title(key, filters.byLabel()), inColumn, total, more, words.duration(window),
						"/board?" + filters.query("column", key, "closed", "all")));
			} else {
				columns.add(new Column(key, title(key, filters.byLabel()), inColumn, total, more));
			}
		}
		model.addAttribute("filters", filters);
		model.addAttribute("columns", columns);
		model.addAttribute("single", single);
		if (single != null) {
			var total = totals.getOrDefault(single, 0L);
			model.addAttribute("page", page);
			var all = everything ? "all" : null;
			model.addAttribute("previousLink", page > 0 ? "/board?" + filters.query("column", single, "page",
					String.valueOf(page - 1), "closed", all) : null);
			model.addAttribute("nextLink", (long) (page + 1) * PER_PAGE < total ? "/board?" + filters.query("column",
					single, "page", String.valueOf(page + 1), "closed", all) : null);
		}
		model.addAttribute("pollQuery", single == null ? filters.query()
				: filters.query("column", single, "page", String.valueOf(page), "closed", everything ? "all" : null));
	}

	private String title(String key, boolean byLabel) {
		return byLabel ? words.of(RequestLabel.valueOf(key)) : words.of(RequestStatus.valueOf(key));
	}

	/** The search box's text, at most 100 characters; blank means none. */
	static String search(String q) {
		if (q == null || q.isBlank()) {
			return null;
		}
		var text = q.strip();
		return text.length() > 100 ? text.substring(0, 100) : text;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}
}
