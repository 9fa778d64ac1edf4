package dev.baton.portal.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.baton.billing.InvoiceId;
import dev.baton.catalog.BillingPeriod;
import dev.baton.catalog.Catalog;
import dev.baton.catalog.Plan;
import dev.baton.catalog.PriceBookVersion;
import dev.baton.catalog.PriceEntry;
import dev.baton.catalog.Product;
import dev.baton.catalog.ProductKind;
import dev.baton.pipeline.Account;
import dev.baton.pipeline.AccountId;
import dev.baton.pipeline.Pipeline;
import dev.baton.platform.BatonException;
import dev.baton.platform.Money;
import dev.baton.platform.Words;
import dev.baton.portal.Membership;
import dev.baton.portal.Portal;
import dev.baton.portal.PortalSubscription;
import dev.baton.quoting.QuoteId;
import dev.baton.quoting.QuoteStatus;
import dev.baton.subscription.Parties;
import dev.baton.subscription.SubscriptionChange;
import dev.baton.subscription.SubscriptionId;

/**
 * The customer and partner portal pages: the account's subscriptions and quotes, checkout, one
 * subscription with its timeline and the changes it allows. They go through {@link Portal}, as the
 * API does, so a page offers only what an order would be accepted for and says why not.
 */
@Controller
@PreAuthorize("hasAnyRole('CUSTOMER','PARTNER')")
class PortalPageController {

	private final Portal portal;
	private final Catalog catalog;
	private final Pipeline pipeline;
	private final Words words;

	PortalPageController(Portal portal, Catalog catalog, Pipeline pipeline, Words words) {
		this.portal = portal;
		this.catalog = catalog;
		this.pipeline = pipeline;
		this.words = words;
	}

	/** A plan a customer can buy, with its list price per unit in each currency of the price book in effect. */
	record PlanOption(String code, String productName, String planName, String unit, BillingPeriod period,
			int termMonths, Map<String, Money> unitPrices) {

		public String label() {
			return productName + ", " + planName;
		}
	}

	/** What a checkout or a change costs per billing period. */
	record Summary(String plan, int seats, Money unitPrice, Money total, BillingPeriod period, int termMonths,
			int priceBookVersion) {
	}

	@GetMapping("/portal")
	String home(Authentication caller, Model model) {
		var member = portal.membership(caller.getName());
		var subscriptions = portal.subscriptions(caller.getName());
		var partner = member.kind() == Membership.Kind.PARTNER;
		var endCustomers = partner ? portal.endCustomers(caller.getName()) : List.<Account>of();
		var names = new HashMap<UUID, String>();
		endCustomers.forEach(a -> names.put(a.id(), a.name()));
		model.addAttribute("account", pipeline.account(AccountId.of(member.accountId())));
		model.addAttribute("partner", partner);
		model.addAttribute("subscriptions", subscriptions);
		model.addAttribute("ownerNames", names);
		model.addAttribute("endCustomers", endCustomers);
		model.addAttribute("planNames", planNames());
		model.addAttribute("quotes", portal.quotes(caller.getName()));
		model.addAttribute("today", catalog.today());
		return "portal/home";
	}

	@GetMapping("/portal/checkout")
	String checkout(@RequestParam(required = false) String planCode, @RequestParam(required = false) String currency,
			@RequestParam(required = false) String seats, @RequestParam(required = false) UUID ownerAccountId,
			Authentication caller, Model model) {
		var member = portal.membership(caller.getName());
		var version = catalog.versionInEffect(catalog.today());
		var options = version.map(this::planOptions).orElse(List.of());
		var currencies = version.map(PortalPageController::currencies).orElse(List.of());
		var partner = member.kind() == Membership.Kind.PARTNER;
		model.addAttribute("partner", partner);
		model.addAttribute("account", pipeline.account(AccountId.of(member.accountId())));
		model.addAttribute("endCustomers", partner ? portal.endCustomers(caller.getName()) : List.of());
		model.addAttribute("plans", options);
		model.addAttribute("currencies", currencies);
		model.addAttribute("planCode", planCode != null ? planCode : options.isEmpty() ? null : options.get(0).code());
		model.addAttribute("currency", currency != null ? currency
				: currencies.contains("USD") ? "USD" : currencies.isEmpty() ? null : currencies.get(0));
		model.addAttribute("seats", seats == null ? "5" : seats);
		model.addAttribute("ownerAccountId", ownerAccountId);
		model.addAttribute("clientKey", model.containsAttribute("clientKey") ? model.getAttribute("clientKey")
				: UUID.randomUUID().toString());
		model.addAttribute("summary", summary((String) model.getAttribute("planCode"), (String) model.getAttribute("currency"),
				(String) model.getAttribute("seats")).orElse(null));
		return "portal/checkout";
	}

	/** The price summary beside the checkout form, refreshed as the plan, currency or seats change. */
	@GetMapping("/portal/checkout/summary")
	String checkoutSummary(@RequestParam(required = false) String planCode, @RequestParam(required = false) String currency,
			@RequestParam(required = false) String seats, Model model) {
		model.addAttribute("summary", summary(planCode, currency, seats).orElse(null));
		return "portal/checkout :: summary";
	}

	@PostMapping("/portal/checkout")
	String placeCheckout(@RequestParam(required = false) String planCode, @RequestParam(required = false) String currency,
			@RequestParam(required = false) String seats, @RequestParam(required = false) UUID ownerAccountId,
			@RequestParam(required = false) String clientKey, Authentication caller, Model model,
			RedirectAttributes redirect) {
		try {
			var member = portal.membership(caller.getName());
			var owner = member.kind() == Membership.Kind.PARTNER ? ownerAccountId : member.accountId();
			if (owner == null) {
				throw BatonException.invalid("ownerAccountId", "choose the end customer you order for");
			}
			var order = portal.order(caller.getName(), List.of(new SubscriptionChange.Create(new Parties(owner, null, null),
					null, planCode, currency, seats(seats), Map.of(), null, null, null, true, null)), clientKey);
			redirect.addFlashAttribute("notice", words.get("portal.checkout.placed", order.number()));
			return "redirect:/portal/subscriptions/" + order.subscriptionIds().get(0);
		}
		catch (BatonException e) {
			problem(model, e);
			model.addAttribute("clientKey", clientKey);
			return checkout(planCode, currency, seats, ownerAccountId, caller, model);
		}
	}

	@GetMapping("/portal/subscriptions/{id}")
	String subscription(@PathVariable SubscriptionId id, Authentication caller, Model model) {
		var member = portal.membership(caller.getName());
		var subscription = portal.subscription(caller.getName(), id);
		var plan = catalog.plan(subscription.planCode());
		var product = catalog.product(plan.productCode());
		model.addAttribute("s", subscription);
		model.addAttribute("partner", member.kind() == Membership.Kind.PARTNER);
		model.addAttribute("owner", pipeline.account(AccountId.of(subscription.ownerAccountId())));
		model.addAttribute("plan", plan);
		model.addAttribute("product", product);
		model.addAttribute("planNames", planNames());
		var timeline = new ArrayList<>(portal.timeline(caller.getName(), id));
		java.util.Collections.reverse(timeline);
		model.addAttribute("timeline", timeline);
		model.addAttribute("choices", portal.choices(caller.getName(), id));
		model.addAttribute("upgrades", upgrades(plan, product));
		model.addAttribute("clientKey", UUID.randomUUID().toString());
		return "portal/subscription";
	}

	/** What a change of seats or plan would cost, for the change forms: the billing engine's preview, nothing placed. */
	@GetMapping("/portal/subscriptions/{id}/cost")
	String cost(@PathVariable SubscriptionId id, @RequestParam(defaultValue = "") String action,
			@RequestParam(required = false) String seats, @RequestParam(required = false) String planCode,
			Authentication caller, Model model) {
		try {
			var change = switch (action) {
				case "seats" -> new SubscriptionChange.ChangeSeats(id, seats(seats));
				case "plan" -> new SubscriptionChange.ChangePlan(id, planCode);
				default -> throw BatonException.invalid("action", "is seats or plan");
			};
			var preview = portal.preview(caller.getName(), List.of(change));
			model.addAttribute("cost", preview);
			model.addAttribute("scheduled", preview.scheduled().isEmpty() ? null : preview.scheduled().get(0).effectiveOn());
		}
		catch (BatonException e) {
			if (e.type().status() == org.springframework.http.HttpStatus.NOT_FOUND) {
				throw e;
			}
			model.addAttribute("cost", null);
			model.addAttribute("problem", e.getMessage().replaceFirst("^actions\\[0\\] \\([A-Z_]+\\): ", ""));
		}
		return "portal/cost :: cost";
	}

	/** Adds or removes seats, changes the plan, renews, or cancels at term end: one order each. */
	@PostMapping("/portal/subscriptions/{id}/changes")
	String change(@PathVariable SubscriptionId id, @RequestParam(defaultValue = "") String action,
			@RequestParam(required = false) String seats, @RequestParam(required = false) String planCode,
			@RequestParam(required = false) String clientKey, Authentication caller, RedirectAttributes redirect) {
		try {
			SubscriptionChange change;
			String done;
			switch (action) {
				case "seats" -> {
					change = new SubscriptionChange.ChangeSeats(id, seats(seats));
					done = words.get("portal.changed.seats", seats.strip());
				}
				case "plan" -> {
					change = new SubscriptionChange.ChangePlan(id, planCode);
					done = words.get("portal.changed.plan", planCode == null ? "" : planNames().getOrDefault(planCode, planCode));
				}
				case "renew" -> {
					change = new SubscriptionChange.Renew(id, null);
					done = words.get("portal.changed.renew");
				}
				case "cancel" -> {
					change = new SubscriptionChange.Cancel(id, SubscriptionChange.When.AT_TERM_END);
					done = words.get("portal.changed.cancel");
				}
				default -> throw BatonException.invalid("action", "is one of seats, plan, renew or cancel");
			}
			var order = portal.order(caller.getName(), List.of(change), clientKey);
			redirect.addFlashAttribute("notice", words.get("portal.order-placed", order.number(), done));
		}
		catch (BatonException e) {
			if (e.type().status() == org.springframework.http.HttpStatus.NOT_FOUND) {
				throw e;
			}
			redirect.addFlashAttribute("error", e.getMessage());
			redirect.addFlashAttribute("fieldErrors", e.fieldErrors());
			redirect.addFlashAttribute("violations", e.properties().get("violations"));
		}
		return "redirect:/portal/subscriptions/" + id;
	}

	@GetMapping("/portal/invoices")
	String invoices(Authentication caller, Model model) {
		var member = portal.membership(caller.getName());
		model.addAttribute("account", pipeline.account(AccountId.of(member.accountId())));
		model.addAttribute("invoices", portal.invoices(caller.getName()));
		return "portal/invoices";
	}

	@GetMapping("/portal/invoices/{id}")
	String invoice(@PathVariable InvoiceId id, Authentication caller, Model model) {
		model.addAttribute("i", portal.invoice(caller.getName(), id));
		model.addAttribute("planNames", planNames());
		model.addAttribute("sandbox", portal.sandboxPayments());
		model.addAttribute("clientKey", UUID.randomUUID().toString());
		return "portal/invoice";
	}

	@GetMapping("/portal/invoices/{id}.pdf")
	org.springframework.http.ResponseEntity<byte[]> invoicePdf(@PathVariable InvoiceId id, Authentication caller,
			java.util.Locale locale) {
		var invoice = portal.invoice(caller.getName(), id);
		return org.springframework.http.ResponseEntity.ok().contentType(org.springframework.http.MediaType.APPLICATION_PDF)
				.header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"invoice-"
						+ invoice.number() + ".pdf\"")
				.body(portal.invoicePdf(caller.getName(), id, locale));
	}

	/** Pays what is owed on an invoice by card; a declined card or one asking for confirmation is said so. */
	@PostMapping("/portal/invoices/{id}/payments")
	String pay(@PathVariable InvoiceId id, @RequestParam(required = false) String card,
			@RequestParam(defaultValue = "false") boolean keepCard, @RequestParam(required = false) String clientKey,
			Authentication caller, RedirectAttributes redirect) {
		try {
			var payment = portal.pay(caller.getName(), id, card, keepCard, clientKey);
			switch (payment.status()) {
				case SUCCEEDED -> redirect.addFlashAttribute("notice", words.get("portal.paid", new Money(payment.amount(),
						java.util.Currency.getInstance(payment.currency())).formatted()));
				case FAILED -> redirect.addFlashAttribute("error", words.get("portal.declined", payment.failure()));
				default -> redirect.addFlashAttribute("confirm", payment.id().toString());
			}
		}
		catch (BatonException e) {
			if (e.type().status() == org.springframework.http.HttpStatus.NOT_FOUND) {
				throw e;
			}
			redirect.addFlashAttribute("error", e.getMessage());
			redirect.addFlashAttribute("violations", e.properties().get("violations"));
		}
		return "redirect:/portal/invoices/" + id;
	}

	@PostMapping("/portal/payments/{id}/confirmation")
	String confirm(@PathVariable dev.baton.billing.PaymentId id, Authentication caller, RedirectAttributes redirect) {
		var payment = portal.confirm(caller.getName(), id);
		redirect.addFlashAttribute(payment.status() == dev.baton.billing.PaymentStatus.SUCCEEDED ? "notice" : "error",
				payment.status() == dev.baton.billing.PaymentStatus.SUCCEEDED ? words.get("portal.confirmed")
						: words.get("portal.not-confirmed", payment.failure()));
		return "redirect:/portal/invoices/" + payment.invoiceId();
	}

	@PostMapping("/portal/quotes/{id}/acceptance")
	String acceptQuote(@PathVariable QuoteId id, Authentication caller, RedirectAttributes redirect) {
		try {
			var quote = portal.acceptQuote(caller.getName(), id);
			redirect.addFlashAttribute("notice", words.get("portal.quote.accepted", quote.number()));
		}
		catch (BatonException e) {
			if (e.type().status() == org.springframework.http.HttpStatus.NOT_FOUND) {
				throw e;
			}
			redirect.addFlashAttribute("error", e.getMessage());
			redirect.addFlashAttribute("violations", e.properties().get("violations"));
		}
		return "redirect:/portal";
	}

	private static void problem(Model model, BatonException e) {
		model.addAttribute("error", e.getMessage());
		model.addAttribute("fieldErrors", e.fieldErrors());
		model.addAttribute("violations", e.properties().get("violations"));
	}

	private static Integer seats(String text) {
		if (text == null || text.isBlank()) {
			throw BatonException.invalid("seats", "is required: how many people will use it");
		}
		try {
			return Integer.valueOf(text.strip().replace(",", ""));
		}
		catch (NumberFormatException e) {
			throw BatonException.invalid("seats", "must be a whole number such as 25");
		}
	}

	private Map<String, String> planNames() {
		var names = new HashMap<String, String>();
		for (var product : catalog.products()) {
			for (var plan : product.plans()) {
				names.put(plan.code(), product.name() + ", " + plan.name());
			}
		}
		return names;
	}

	/** The tiers sold per seat that a customer buys for itself: every active subscription plan priced in the version. */
	private List<PlanOption> planOptions(PriceBookVersion version) {
		var options = new ArrayList<PlanOption>();
		for (var product : catalog.products()) {
			if (product.kind() != ProductKind.SUBSCRIPTION) {
				continue;
			}
			for (var plan : product.plans()) {
				var prices = new LinkedHashMap<String, Money>();
				for (var entry : version.entries()) {
					if (entry.planCode().equals(plan.code())) {
						prices.put(entry.currency().getCurrencyCode(), money(entry.unitPrice(), entry));
					}
				}
				if (plan.active() && !prices.isEmpty()) {
					options.add(new PlanOption(plan.code(), product.name(), plan.name(), plan.unit(), plan.billingPeriod(),
							plan.termMonths(), prices));
				}
			}
		}
		return options;
	}

	private static List<String> currencies(PriceBookVersion version) {
		return version.entries().stream().map(e -> e.currency().getCurrencyCode()).distinct().sorted().toList();
	}

	/** The other tiers a subscription can move to: the same deployment and billing period. */
	private List<Plan> upgrades(Plan current, Product product) {
		var plans = new ArrayList<Plan>();
		for (var other : catalog.products()) {
			if (other.kind() == ProductKind.SUBSCRIPTION && other.deployment() == product.deployment()) {
				other.plans().stream().filter(p -> p.active() && p.billingPeriod() == current.billingPeriod()
						&& !p.code().equals(current.code())).forEach(plans::add);
			}
		}
		return plans;
	}

	private Optional<Summary> summary(String planCode, String currency, String seatsText) {
		if (planCode == null || currency == null || seatsText == null) {
			return Optional.empty();
		}
		try {
			var seats = Integer.parseInt(seatsText.strip());
			if (seats < 1) {
				return Optional.empty();
			}
			var plan = catalog.plan(planCode);
			var price = catalog.price(planCode, currency, catalog.today(), null);
			var entry = price.entry();
			return Optional.of(new Summary(planNames().getOrDefault(planCode, planCode), seats, money(entry.unitPrice(), entry),
					entry.amountFor(BigDecimal.valueOf(seats)), plan.billingPeriod(), plan.termMonths(),
					price.versionNumber()));
		}
		catch (NumberFormatException | BatonException e) {
			return Optional.empty();
		}
	}

	private static Money money(BigDecimal amount, PriceEntry entry) {
		return new Money(amount.setScale(entry.currency().getDefaultFractionDigits(), RoundingMode.HALF_EVEN),
				entry.currency());
	}
}
