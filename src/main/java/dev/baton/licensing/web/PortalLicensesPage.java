package dev.baton.licensing.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import dev.baton.licensing.Licensing;
import dev.baton.portal.Portal;
import dev.baton.subscription.SubscriptionId;

/**
 * The licenses panel of a subscription's portal page: the license files of one of the caller's
 * subscriptions with their download links, and the activation code for online licenses. The portal
 * page loads it (htmx), so the portal needs nothing of licensing; another account's subscription
 * answers 404 as everywhere in the portal.
 */
@Controller
@PreAuthorize("hasAnyRole('CUSTOMER','PARTNER')")
class PortalLicensesPage {

	private final Licensing licensing;
	private final Portal portal;

	PortalLicensesPage(Licensing licensing, Portal portal) {
		this.licensing = licensing;
		this.portal = portal;
	}

	@GetMapping("/portal/subscriptions/{id}/licenses")
	String licenses(@PathVariable SubscriptionId id, Authentication caller, Model model) {
		portal.subscription(caller.getName(), id);
		var licenses = licensing.licenses(id);
		model.addAttribute("licenses", licenses);
		model.addAttribute("activationCode", licenses.isEmpty() ? null : licensing.activationCode(id));
		return "licensing/portal-licenses :: licenses";
	}
}
