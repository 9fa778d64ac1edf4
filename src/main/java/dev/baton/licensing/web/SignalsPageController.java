package dev.baton.licensing.web;

import java.util.List;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.baton.licensing.Licensing;
import dev.baton.licensing.UpsellSignalId;
import dev.baton.organisation.CallContexts;
import dev.baton.organisation.PersonId;
import dev.baton.pipeline.AccountId;
import dev.baton.pipeline.Pipeline;
import dev.baton.platform.BatonException;
import dev.baton.platform.Words;

/**
 * The owner AE's "Up-sell signals" page: each signal with its evidence, and "Open an expansion
 * opportunity" only where the same decision as the API allows it.
 */
@Controller
@PreAuthorize("hasAnyRole('AE','ASM','ADMIN')")
class SignalsPageController {

	private final Licensing licensing;
	private final Pipeline pipeline;
	private final CallContexts callers;
	private final Words words;

	SignalsPageController(Licensing licensing, Pipeline pipeline, CallContexts callers, Words words) {
		this.licensing = licensing;
		this.pipeline = pipeline;
		this.callers = callers;
		this.words = words;
	}

	/** A signal as the page lists it. */
	record Row(UUID id, String account, String cause, String period, String evidence, UUID expansionId,
			boolean mayOpen, String why, boolean highlighted) {
	}

	@GetMapping({ "/licensing/signals", "/licensing/signals/{id}" })
	String signals(@PathVariable(required = false) UUID id, Model model) {
		var caller = callers.current();
		var signals = caller.person() == null ? List.<dev.baton.licensing.UpsellSignal>of()
				: licensing.signals(PersonId.of(caller.personId()), null, null);
		var rows = signals.stream().map(s -> {
			var decision = licensing.mayOpenExpansion(s, caller);
			var evidence = words.get("signals.evidence.seats", s.evidence().get("maxBillableUsers"),
					s.evidence().get("seatsPaid"), s.evidence().get("periodStart"), s.evidence().get("periodEnd"));
			return new Row(s.id().value(), pipeline.account(AccountId.of(s.accountId())).name(), words.of(s.cause()), s.period(), evidence,
					s.expansionOpportunityId(), decision.isAllowed(), decision.reason().orElse(null),
					s.id().value().equals(id));
		}).toList();
		model.addAttribute("signals", rows);
		return "licensing/signals";
	}

	@PostMapping("/licensing/signals/{id}/expansion")
	String open(@PathVariable UpsellSignalId id, RedirectAttributes redirect) {
		try {
			var expansion = licensing.openExpansion(id, callers.current());
			redirect.addFlashAttribute("notice", words.get(expansion.created() ? "signals.expansion.opened"
					: "signals.expansion.already-open", expansion.opportunity().name()));
		}
		catch (BatonException e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/licensing/signals/" + id;
	}
}
