package dev.baton.audit;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit trail page for administrators.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AuditPageController {

	private final AuditQuery query;

	AuditPageController(AuditQuery query) {
		this.query = query;
	}

	@GetMapping("/admin/audit")
	String audit(@RequestParam(required = false) String entityType, @RequestParam(required = false) String actor,
			@RequestParam(required = false) Long before, Model model) {
		var type = entityType == null || entityType.isBlank() ? null : entityType;
		var who = actor == null || actor.isBlank() ? null : actor;
		var items = query.find(new AuditQuery.Filter(type, null, who, null, null, null, before, 101));
		Long next = null;
		if (items.size() > 100) {
			items = items.subList(0, 100);
			next = items.get(items.size() - 1).id();
		}
		model.addAttribute("entries", items);
		model.addAttribute("next", next);
		model.addAttribute("entityType", type);
		model.addAttribute("actor", who);
		return "audit";
	}
}
