package dev.baton.subscription.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import dev.baton.catalog.Catalog;
import dev.baton.pipeline.AccountId;
import dev.baton.pipeline.OpportunityId;
import dev.baton.pipeline.Pipeline;
import dev.baton.subscription.Subscription;
import dev.baton.subscription.SubscriptionId;
import dev.baton.subscription.Subscriptions;

/**
 * The staff's subscription pages: find a subscription by its number or an account's CRM id, see
 * which renew or end soon, and read one subscription's terms, parties and every version of its
 * contract with the order, person and reason behind it.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','DEAL_DESK','FINANCE','AE','ASM','CSM')")
class SubscriptionPageController {

	private static final int SOON_DAYS = 60;

	private final Subscriptions subscriptions;
	private final Pipeline pipeline;
	private final Catalog catalog;

	SubscriptionPageController(Subscriptions subscriptions, Pipeline pipeline, Catalog catalog) {
		this.subscriptions = subscriptions;
		this.pipeline = pipeline;
		this.catalog = catalog;
	}

	@GetMapping("/subscriptions")
	String list(@RequestParam(defaultValue = "") String q, Model model) {
		var query = q.strip();
		if (!query.isEmpty()) {
			var byNumber = subscriptions.byNumber(query);
			if (byNumber.isPresent()) {
				return "redirect:/subscriptions/" + byNumber.get().id();
			}
			var account = pipeline.accountByExternalId(query);
			model.addAttribute("found", account.map(a -> subscriptions.ofAccount(AccountId.of(a.id()))).orElse(List.of()));
			model.addAttribute("foundAccount", account.orElse(null));
		}
		var today = catalog.today();
		var soon = subscriptions.endingBy(today.plusDays(SOON_DAYS), 100);
		model.addAttribute("q", query);
		model.addAttribute("soon", soon);
		model.addAttribute("soonDays", SOON_DAYS);
		var shown = new ArrayList<>(soon);
		if (model.getAttribute("found") instanceof List<?> found) {
			found.forEach(s -> shown.add((Subscription) s));
		}
		model.addAttribute("accounts", accountNames(shown));
		model.addAttribute("planNames", planNames());
		return "subscriptions/list";
	}

	@GetMapping("/subscriptions/{id}")
	String subscription(@PathVariable SubscriptionId id, Model model) {
		var subscription = subscriptions.subscription(id);
		var timeline = new ArrayList<>(subscriptions.timeline(id));
		Collections.reverse(timeline);
		model.addAttribute("s", subscription);
		model.addAttribute("timeline", timeline);
		model.addAttribute("accounts", accountNames(List.of(subscription)));
		model.addAttribute("opportunity", subscription.opportunityId() == null ? null
				: pipeline.findOpportunity(OpportunityId.of(subscription.opportunityId())).orElse(null));
		model.addAttribute("planNames", planNames());
		return "subscriptions/subscription";
	}

	private Map<UUID, String> accountNames(List<Subscription> list) {
		var ids = new HashSet<UUID>();
		for (var s : list) {
			ids.add(s.parties().ownerAccountId());
			ids.add(s.parties().invoiceOwnerAccountId());
			if (s.parties().distributorAccountId() != null) {
				ids.add(s.parties().distributorAccountId());
			}
		}
		var names = new HashMap<UUID, String>();
		pipeline.accounts(ids.stream().map(AccountId::of).toList()).forEach(a -> names.put(a.id(), a.name()));
		return names;
	}

	private Map<String, String> planNames() {
		var names = new HashMap<String, String>();
		catalog.products().forEach(p -> p.plans().forEach(plan -> names.put(plan.code(), p.name() + ", " + plan.name())));
		return names;
	}
}
