package dev.baton.portal.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.baton.catalog.Catalog;
import dev.baton.catalog.ChargeModel;
import dev.baton.pipeline.AccountId;
import dev.baton.pipeline.Pipeline;
import dev.baton.platform.BatonException;
import dev.baton.platform.Money;
import dev.baton.platform.Words;
import dev.baton.portal.Portal;
import dev.baton.portal.PortalSubscription;
import dev.baton.subscription.SubscriptionChange;
import dev.baton.usage.UsageOverviews;

/**
 * The customer's usage page: per meter its daily use as a chart with the figures as a table, this
 * month against the allowance and packs, the charge so far and projected; the packs with what is
 * left; the notices; and buying a pack, an order through {@link Portal} like every portal change.
 */
@Controller
@PreAuthorize("hasRole('CUSTOMER')")
class PortalUsagePageController {

	private final Portal portal;
	private final Pipeline pipeline;
	private final Catalog catalog;
	private final UsageOverviews overviews;
	private final Words words;

	PortalUsagePageController(Portal portal, Pipeline pipeline, Catalog catalog, UsageOverviews overviews, Words words) {
		this.portal = portal;
		this.pipeline = pipeline;
		this.catalog = catalog;
		this.overviews = overviews;
		this.words = words;
	}

	/** A pack the customer can buy for a meter it is metered on: its plan, size and price. */
	record PackOffer(String planCode, String meterCode, String label, Money price) {
	}

	@GetMapping("/portal/usage")
	String usage(Authentication caller, Model model) {
		var member = portal.membership(caller.getName());
		var account = pipeline.account(AccountId.of(member.accountId()));
		var overview = overviews.of(account.externalId());
		var subscription = subscriptionOf(caller.getName(), overview);
		var offers = new ArrayList<PackOffer>();
		if (subscription != null) {
			var metered = overview.meters().stream().map(UsageOverviews.MeterOverview::code).toList();
			for (var pack : catalog.packs()) {
				if (!metered.contains(pack.meterCode())) {
					continue;
				}
				try {
					var price = catalog.price(pack.planCode(), subscription.currency(), catalog.today(), null).entry();
					var plan = catalog.plan(pack.planCode());
					var size = price.chargeModel() == ChargeModel.PACKAGE && price.packageSize() != null ? price.packageSize() : 1;
					offers.add(new PackOffer(pack.planCode(), pack.meterCode(), plan.name(),
							price.amountFor(BigDecimal.valueOf(size))));
				}
				catch (BatonException noPrice) {
					// not sold in this currency: not offered
				}
			}
		}
		model.addAttribute("account", account);
		model.addAttribute("overview", overview);
		model.addAttribute("offers", offers);
		model.addAttribute("subscription", subscription);
		model.addAttribute("clientKey", java.util.UUID.randomUUID().toString());
		return "portal/usage";
	}

	@PostMapping("/portal/usage/packs")
	String buyPack(@RequestParam(required = false) String planCode, @RequestParam(required = false) String clientKey,
			Authentication caller, Model model, RedirectAttributes redirect) {
		try {
			var member = portal.membership(caller.getName());
			var overview = overviews.of(pipeline.account(AccountId.of(member.accountId())).externalId());
			var subscription = subscriptionOf(caller.getName(), overview);
			if (subscription == null) {
				throw BatonException.invalid("planCode", "needs a subscription that meters usage to add the pack to");
			}
			var pack = catalog.pack(planCode == null ? "" : planCode)
					.orElseThrow(() -> BatonException.invalid("planCode", "is not a pack"));
			var price = catalog.price(pack.planCode(), subscription.currency(), catalog.today(), null).entry();
			var size = price.chargeModel() == ChargeModel.PACKAGE && price.packageSize() != null ? price.packageSize() : 1;
			var order = portal.order(caller.getName(), List.of(new SubscriptionChange.AddProduct(dev.baton.subscription.SubscriptionId.of(subscription.id()),
					pack.planCode(), size)), clientKey);
			redirect.addFlashAttribute("notice", words.get("portal.usage.pack-bought", order.number()));
		}
		catch (BatonException e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/portal/usage";
	}

	/** The subscription the account's usage is billed on, as the portal shows it. */
	private PortalSubscription subscriptionOf(String username, UsageOverviews.Overview overview) {
		var numbers = overview.meters().stream().map(UsageOverviews.MeterOverview::subscriptionNumber)
				.filter(java.util.Objects::nonNull).toList();
		return portal.subscriptions(username).stream().filter(s -> numbers.contains(s.number())).findFirst().orElse(null);
	}
}
