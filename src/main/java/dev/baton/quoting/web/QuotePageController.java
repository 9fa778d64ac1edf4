package dev.baton.quoting.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.baton.catalog.Catalog;
import dev.baton.catalog.ProductKind;
import dev.baton.identity.Role;
import dev.baton.pipeline.AccountId;
import dev.baton.pipeline.OpportunityId;
import dev.baton.pipeline.Pipeline;
import dev.baton.platform.BatonException;
import dev.baton.platform.ProblemType;
import dev.baton.quoting.Quote;
import dev.baton.quoting.QuoteId;
import dev.baton.quoting.QuoteStatus;
import dev.baton.quoting.Quotes;

/**
 * Deal desk's quote pages: the queue of quotes waiting for approval and the newest quotes, one
 * quote with its lines, revisions and the steps it allows, and the form that prepares a quote for an
 * opportunity. Every step goes through {@link Quotes}, as the API does; a step the quote's state
 * does not allow is shown disabled with the reason.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','DEAL_DESK','FINANCE','AE','ASM')")
class QuotePageController {

	private static final int LINES = 4;

	private final Quotes quotes;
	private final Catalog catalog;
	private final Pipeline pipeline;
	private final dev.baton.platform.Words words;

	QuotePageController(Quotes quotes, Catalog catalog, Pipeline pipeline, dev.baton.platform.Words words) {
		this.words = words;
		this.quotes = quotes;
		this.catalog = catalog;
		this.pipeline = pipeline;
	}

	/** A quote in a list, with the names people know it by. */
	record Row(Quote quote, String opportunity, String customer) {
	}

	@GetMapping("/quotes")
	String list(@RequestParam(required = false) QuoteStatus status, Model model) {
		var waiting = quotes.latest(QuoteStatus.PENDING_APPROVAL, 100);
		var latest = quotes.latest(status, 50);
		model.addAttribute("waiting", rows(waiting));
		model.addAttribute("latest", rows(latest));
		model.addAttribute("status", status);
		model.addAttribute("statuses", List.of(QuoteStatus.DRAFT, QuoteStatus.PENDING_APPROVAL, QuoteStatus.APPROVED,
				QuoteStatus.ACCEPTED, QuoteStatus.ORDERED, QuoteStatus.EXPIRED));
		return "quotes/list";
	}

	@GetMapping("/quotes/{id}")
	String quote(@PathVariable QuoteId id, Authentication caller, Model model) {
		var quote = quotes.quote(id);
		model.addAttribute("quote", quote);
		model.addAttribute("opportunity", pipeline.opportunity(OpportunityId.of(quote.opportunityId())));
		model.addAttribute("owner", pipeline.account(AccountId.of(quote.parties().ownerAccountId())));
		model.addAttribute("invoiceOwner", quote.parties().isChannel()
				? pipeline.account(AccountId.of(quote.parties().invoiceOwnerAccountId())) : null);
		model.addAttribute("planNames", planNames());
		model.addAttribute("revisions", quotes.revisions(id));
		model.addAttribute("choices", quotes.choices(id, caller.getName()));
		return "quotes/quote";
	}

	/** What the quote would cost once ordered: loaded into its page, so the page itself does not wait for the engine. */
	@GetMapping("/quotes/{id}/cost")
	String cost(@PathVariable QuoteId id, Authentication caller, Model model) {
		try {
			model.addAttribute("cost", quotes.cost(id, caller.getName()));
		}
		catch (dev.baton.platform.BatonException e) {
			if (e.type().status() == org.springframework.http.HttpStatus.NOT_FOUND) {
				throw e;
			}
			model.addAttribute("cost", null);
			model.addAttribute("problem", e.getMessage());
		}
		return "quotes/parts :: cost";
	}

	@GetMapping("/quotes/new")
	@PreAuthorize("hasAnyRole('ADMIN','DEAL_DESK','AE')")
	String newQuote(@RequestParam OpportunityId opportunityId, Model model) {
		var opportunity = pipeline.opportunity(opportunityId);
		model.addAttribute("opportunity", opportunity);
		model.addAttribute("account", pipeline.account(AccountId.of(opportunity.accountId())));
		model.addAttribute("tiers", plans(true));
		model.addAttribute("plans", plans(false));
		model.addAttribute("lineCount", LINES);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", Map.of("currency", "USD"));
		}
		return "quotes/new";
	}

	@PostMapping("/quotes")
	@PreAuthorize("hasAnyRole('ADMIN','DEAL_DESK','AE')")
	String prepare(@RequestParam Map<String, String> form, Authentication caller, Model model) {
		var opportunityId = form.get("opportunityId");
		try {
			var lines = new ArrayList<Quotes.LineRequest>();
			for (int i = 0; i < LINES; i++) {
				var plan = form.getOrDefault("lines[" + i + "].planCode", "");
				if (plan.isBlank()) {
					continue;
				}
				lines.add(new Quotes.LineRequest(plan, whole(form.get("lines[" + i + "].quantity"), "lines[" + i + "].quantity"),
						decimal(form.get("lines[" + i + "].discountPercent"), "lines[" + i + "].discountPercent")));
			}
			var term = form.getOrDefault("termMonths", "");
			var expires = form.getOrDefault("expiresOn", "");
			var quote = quotes.prepare(new Quotes.QuoteRequest(uuid(opportunityId), null, form.get("currency"),
					term.isBlank() ? null : whole(term, "termMonths"), lines, expires.isBlank() ? null : date(expires)),
					caller.getName());
			return "redirect:/quotes/" + quote.id();
		}
		catch (BatonException e) {
			model.addAttribute("error", e.getMessage());
			model.addAttribute("fieldMessages", e.fieldErrors().stream().map(f -> {
				var label = label(f.field());
				return Character.toUpperCase(label.charAt(0)) + label.substring(1) + ": " + f.message();
			}).toList());
			model.addAttribute("violations", e.properties().get("violations"));
			model.addAttribute("form", form);
			return newQuote(OpportunityId.of(uuid(opportunityId)), model);
		}
	}

	@PostMapping("/quotes/{id}/submission")
	@PreAuthorize("hasAnyRole('ADMIN','DEAL_DESK','AE')")
	String submit(@PathVariable QuoteId id, RedirectAttributes redirect) {
		return step(id, redirect, () -> {
			var quote = quotes.submit(id);
			var needed = names(quote.approvalsNeeded());
			return quote.status() == QuoteStatus.APPROVED ? words.get("quotes.submitted.approved")
					: words.get("quotes.submitted.waiting", needed.size() == 2
							? words.get("quotes.approvers.two", needed.get(0), needed.get(1)) : String.join(", ", needed));
		});
	}

	@PostMapping("/quotes/{id}/approvals")
	@PreAuthorize("hasAnyRole('DEAL_DESK','FINANCE')")
	String approve(@PathVariable QuoteId id, @RequestParam Role role, @RequestParam(defaultValue = "") String reason,
			Authentication caller, RedirectAttributes redirect) {
		return step(id, redirect, () -> {
			if (caller.getAuthorities().stream().noneMatch(a -> a.getAuthority().equals(role.authority()))) {
				throw new BatonException(ProblemType.FORBIDDEN, "Only " + role + " approves as " + role);
			}
			var quote = quotes.approve(id, role.name(), caller.getName(), reason.isBlank() ? null : reason.strip());
			return words.get(quote.status() == QuoteStatus.APPROVED ? "quotes.approved.all" : "quotes.approved",
					names(List.of(role.name())).get(0));
		});
	}

	@PostMapping("/quotes/{id}/acceptance")
	@PreAuthorize("hasAnyRole('ADMIN','DEAL_DESK','AE')")
	String accept(@PathVariable QuoteId id, Authentication caller, RedirectAttributes redirect) {
		return step(id, redirect, () -> {
			quotes.accept(id, caller.getName());
			return words.get("quotes.accepted");
		});
	}

	@PostMapping("/quotes/{id}/order")
	@PreAuthorize("hasAnyRole('ADMIN','DEAL_DESK')")
	String order(@PathVariable QuoteId id, Authentication caller, RedirectAttributes redirect) {
		return step(id, redirect, () -> {
			quotes.order(id, caller.getName());
			return words.get("quotes.ordered");
		});
	}

	private interface Step {
		String run();
	}

	private String step(QuoteId id, RedirectAttributes redirect, Step step) {
		try {
			redirect.addFlashAttribute("notice", step.run());
		}
		catch (BatonException e) {
			if (e.type().status() == HttpStatus.NOT_FOUND) {
				throw e;
			}
			redirect.addFlashAttribute("error", e.getMessage());
			redirect.addFlashAttribute("violations", e.properties().get("violations"));
		}
		return "redirect:/quotes/" + id;
	}

	private List<Row> rows(List<Quote> list) {
		var opportunities = new HashMap<UUID, String>();
		var accounts = new HashMap<UUID, String>();
		pipeline.opportunities(list.stream().map(Quote::opportunityId).map(OpportunityId::of).distinct().toList())
				.forEach(o -> opportunities.put(o.id(), o.name()));
		pipeline.accounts(list.stream().map(q -> AccountId.of(q.parties().ownerAccountId())).distinct().toList())
				.forEach(a -> accounts.put(a.id(), a.name()));
		return list.stream().map(q -> new Row(q, opportunities.getOrDefault(q.opportunityId(), ""),
				accounts.getOrDefault(q.parties().ownerAccountId(), ""))).toList();
	}

	private List<String> names(List<String> roles) {
		return roles.stream().map(r -> words.getOr("quote-approver." + r, r.toLowerCase(java.util.Locale.ROOT))).toList();
	}

	private Map<String, String> planNames() {
		var names = new HashMap<String, String>();
		catalog.products().forEach(p -> p.plans().forEach(plan -> names.put(plan.code(), p.name() + ", " + plan.name())));
		return names;
	}

	/** The active plans, by name: the tiers (subscription plans) for the first line, any plan for the others. */
	private List<Map.Entry<String, String>> plans(boolean tiersOnly) {
		var plans = new ArrayList<Map.Entry<String, String>>();
		for (var product : catalog.products()) {
			if (tiersOnly && product.kind() != ProductKind.SUBSCRIPTION) {
				continue;
			}
			product.plans().stream().filter(p -> p.active())
					.forEach(p -> plans.add(Map.entry(p.code(), product.name() + ", " + p.name())));
		}
		return plans;
	}

	/** What a field is called on the form, in the reader's words: the quantity of the third line is line 3, quantity. */
	private String label(String field) {
		var line = java.util.regex.Pattern.compile("lines\\[(\\d+)]\\.?(\\w*)").matcher(field);
		if (line.matches()) {
			var n = Integer.parseInt(line.group(1));
			var what = switch (line.group(2)) {
				case "planCode" -> words.get("quotes.new.field.plan");
				case "quantity" -> words.get("quotes.new.field.quantity");
				case "discountPercent" -> words.get("quotes.new.field.discount");
				case "" -> words.get("quotes.new.field.line");
				default -> line.group(2);
			};
			return n == 0 ? words.get("quotes.new.field.of-tier", what) : words.get("quotes.new.field.of-line", n + 1, what);
		}
		return switch (field) {
			case "termMonths" -> words.get("quotes.new.field.term");
			case "expiresOn" -> words.get("quotes.new.field.valid-until");
			case "opportunityId" -> words.get("quotes.new.field.opportunity");
			default -> field;
		};
	}

	private static UUID uuid(String text) {
		try {
			return text == null ? null : UUID.fromString(text.strip());
		}
		catch (IllegalArgumentException e) {
			throw BatonException.invalid("opportunityId", "is not an opportunity id");
		}
	}

	private static Integer whole(String text, String field) {
		if (text == null || text.isBlank()) {
			throw BatonException.invalid(field, "is required: a whole number such as 25");
		}
		try {
			return Integer.valueOf(text.strip().replace(",", ""));
		}
		catch (NumberFormatException e) {
			throw BatonException.invalid(field, "must be a whole number such as 25, not " + text.strip());
		}
	}

	private static BigDecimal decimal(String text, String field) {
		if (text == null || text.isBlank()) {
			return BigDecimal.ZERO;
		}
		try {
			return new BigDecimal(text.strip().replace("%", ""));
		}
		catch (NumberFormatException e) {
			throw BatonException.invalid(field, "must be a percent such as 12.5, not " + text.strip());
		}
	}

	private static LocalDate date(String text) {
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException e) {
			throw BatonException.invalid("expiresOn", "must be a date such as 2027-01-31");
		}
	}
}
